require('reflect-metadata');
const { NestFactory } = require('@nestjs/core');
const { AppModule } = require('./apps/api/src/app.module');
const { loadConfig } = require('./libs/config/config');
const { buildDemoData } = require('./prisma/demo-data');
(async () => {
  const base = loadConfig(process.env); const config = { ...base, database: { ...base.database, url: require('./prisma/demo-data').demoDatabaseUrl(base.database.url) } };
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: false });
  const t = performance.now();
  const r = await buildDemoData(app, { log: (l) => console.log(l) });
  console.log('total', ((performance.now() - t) / 1000).toFixed(1), r.skipped);
  await app.close();
})().catch((e) => { console.error(e); process.exit(1); });
