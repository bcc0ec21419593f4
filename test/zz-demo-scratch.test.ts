import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { it } from 'vitest';
import { AppModule } from '../apps/api/src/app.module';
import { buildDemoData } from '../prisma/demo-data';
import { testConfig } from './support/harness';

it('builds', async () => {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(testConfig({ DATABASE_POOL_SIZE: '17' })), { logger: false });
  try {
    const t = performance.now();
    const r = await buildDemoData(app, { log: (l) => console.log(l) });
    console.log('total', (performance.now() - t) / 1000, r.skipped);
    const t2 = performance.now();
    const r2 = await buildDemoData(app, { log: (l) => console.log(l) });
    console.log('second', (performance.now() - t2) / 1000, r2.skipped);
  } finally {
    await app.close();
  }
}, 600_000);
