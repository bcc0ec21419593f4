import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import pino from 'pino';
import { AppModule } from '@api/app.module';
import { ConfigError, loadConfig } from '@lectern/config/config';
import { PinoNestLogger } from '@lectern/logging/logger';
import { DEMO_ACCOUNTS, EDITIONS, seedDevelopmentData } from './seed-data';

/** `npm run seed`: the development accounts and editions (see seed-data.ts). Safe to run again. */
async function main() {
  const config = loadConfig();
  if (config.env === 'production') throw new Error('The demo seed never runs with NODE_ENV=production.');
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
    logger: new PinoNestLogger(pino({ level: 'warn' })),
  });
  try {
    await seedDevelopmentData(app);
    console.log('demo data ready:');
    console.log(`  administrator  ${DEMO_ACCOUNTS.admin.email} / ${DEMO_ACCOUNTS.admin.password}`);
    console.log(`  organiser      ${DEMO_ACCOUNTS.organiser.email} / ${DEMO_ACCOUNTS.organiser.password}`);
    console.log(`  editions       ${EDITIONS.map((e) => e.slug).join(', ')}`);
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
