import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import pino from 'pino';
import { AppModule } from '@api/app.module';
import { AppConfig, ConfigError, loadConfig } from '@lectern/config/config';
import { PinoNestLogger } from '@lectern/logging/logger';
import { projectRoot } from '@lectern/project-root';
import { DEMO_CONCURRENCY, DemoBuildResult, buildDemoData, demoDatabaseUrl, produceDemoReport } from './demo-data';
import { DEMO_ATTENDEE_PASSWORD, DEMO_EMAIL_DOMAIN } from './demo-plan';
import { demoFeeds } from './demo-programme';
import { DEMO_ACCOUNTS, DEMO_SERIES } from './seed-data';
import { AMSTERDAM_2020, EUROPE_SERIES } from './demo-amsterdam';

/** Where `npm run demo` writes the report (the README names it). */
const OUTPUT_DIR = join('out', 'demo');

/**
 * `npm run demo` (the last step of `npm run setup`): the KubeCon + CloudNativeCon + Open Source Summit China 2019
 * edition and its 2018 predecessor, and KubeCon + CloudNativeCon Europe 2020, postponed from Amsterdam's spring to
 * August, built through the API's services (see demo-data.ts, demo-amsterdam.ts), then the 2019 edition's
 * transparency report in English and Chinese and its JSON under out/demo/, and the Amsterdam edition's report
 * (which records its postponement). Safe to run again: complete data is left alone and the reports are written anew.
 */
async function main() {
  const started = performance.now();
  const config = loadConfig();
  if (config.env === 'production') {
    console.error('The demo never runs with NODE_ENV=production: it writes thousands of invented people.');
    process.exitCode = 1;
    return;
  }
  // one connection per request in flight, and one for the odd lookup besides
  const demoConfig: AppConfig = {
    ...config,
    database: { ...config.database, url: demoDatabaseUrl(config.database.url), poolSize: Math.max(config.database.poolSize, DEMO_CONCURRENCY + 1) },
  };
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(demoConfig), {
    logger: new PinoNestLogger(pino({ level: 'warn' })),
  });
  let built: DemoBuildResult;
  let feeds: { xml: Buffer; json: Buffer };
  try {
    console.log('demo: KubeCon + CloudNativeCon + Open Source Summit China 2019 and its 2018 edition; KubeCon + CloudNativeCon Europe 2020');
    built = await buildDemoData(app, { log: (line) => console.log(line) });
    if (built.skipped) console.log('  the demo data is complete already: nothing to build');
    feeds = await demoFeeds(app, built.slug);
  } finally {
    await app.close();
  }

  await silenceDemoOutbox(config.database.url);

  const rendering = performance.now();
  const report = await produceDemoReport(config.database.url, built.eventId, config.reports.privacyThreshold);
  const amsterdam = await produceDemoReport(config.database.url, built.amsterdam.eventId, config.reports.privacyThreshold, AMSTERDAM_2020.reportGeneratedAt);
  const dir = join(projectRoot(), OUTPUT_DIR);
  await mkdir(dir, { recursive: true });
  const files = {
    en: join(dir, `${built.slug}.en.pdf`),
    'zh-CN': join(dir, `${built.slug}.zh-CN.pdf`),
    htmlEn: join(dir, `${built.slug}.en.html`),
    htmlZh: join(dir, `${built.slug}.zh-CN.html`),
    json: join(dir, `${built.slug}.json`),
    xml: join(dir, `${built.slug}.schedule.xml`),
    scheduleJson: join(dir, `${built.slug}.schedule.json`),
    amsterdamPdf: join(dir, `${built.amsterdam.slug}.en.pdf`),
    amsterdamJson: join(dir, `${built.amsterdam.slug}.json`),
  };
  await writeFile(files.en, report.pdf.en);
  await writeFile(files['zh-CN'], report.pdf['zh-CN']);
  await writeFile(files.htmlEn, report.html.en);
  await writeFile(files.htmlZh, report.html['zh-CN']);
  await writeFile(files.json, report.json);
  await writeFile(files.xml, feeds.xml);
  await writeFile(files.scheduleJson, feeds.json);
  await writeFile(files.amsterdamPdf, amsterdam.pdf.en);
  await writeFile(files.amsterdamJson, amsterdam.json);
  const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);
  console.log(`  ${'transparency reports'.padEnd(24)} ${seconds(rendering).padStart(6)} s`);
  console.log(`demo ready in ${seconds(started)} s:`);
  for (const path of Object.values(files)) console.log(`  ${relative(process.cwd(), path) || path}`);
  console.log(`  administrator  ${DEMO_ACCOUNTS.admin.email} / ${DEMO_ACCOUNTS.admin.password}`);
  console.log(`  organiser      ${DEMO_ACCOUNTS.organiser.email} / ${DEMO_ACCOUNTS.organiser.password} (every edition)`);
  console.log(`  attendees and speakers …@${DEMO_EMAIL_DOMAIN} / ${DEMO_ATTENDEE_PASSWORD}`);
  const [postponed] = amsterdam.model.changes;
  console.log(
    `  ${AMSTERDAM_2020.name.en}: ${amsterdam.model.headline.registrations} registrations, postponed from ${AMSTERDAM_2020.startsAt} to ${postponed?.toStartsAt ?? '?'}`,
  );
}

/**
 * The demo replays a conference that took place in 2019 with invented people at an example.com-style domain:
 * nobody is to be e-mailed about it. Its domain events stay in the outbox as history, marked as relayed, so
 * the first worker start after `npm run setup` does not try to send thousands of messages.
 */
async function silenceDemoOutbox(databaseUrl: string) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `UPDATE outbox SET processed_at = now()
        WHERE processed_at IS NULL
          AND event_id IN (SELECT e.id FROM events e JOIN series s ON s.id = e.series_id WHERE s.slug = ANY($1::text[]))`,
      [[DEMO_SERIES.slug, EUROPE_SERIES.slug]],
    );
  } finally {
    await client.end();
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
