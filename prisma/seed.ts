import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import pino from 'pino';
import { AppModule } from '../apps/api/src/app.module';
import { AuthRepository } from '../apps/api/src/auth/auth.repository';
import { AuthService } from '../apps/api/src/auth/auth.service';
import { EventsRepository } from '../apps/api/src/events/events.repository';
import { EventsService } from '../apps/api/src/events/events.service';
import { Actor } from '../apps/api/src/http/auth.decorators';
import { ConfigError, loadConfig } from '../libs/config/config';
import { PinoNestLogger } from '../libs/logging/logger';

/** Development accounts, printed at the end of `npm run setup`. Never created in production. */
export const DEMO_ACCOUNTS = {
  admin: { email: 'admin@lectern.example', password: 'lectern-demo-admin' },
  organiser: { email: 'organiser@lectern.example', password: 'lectern-demo-organiser' },
};

const EDITIONS = [
  {
    slug: 'kubecon-china-2018',
    name: 'KubeCon + CloudNativeCon China 2018',
    nameZh: 'KubeCon + CloudNativeCon 中国 2018',
    venue: 'Shanghai Expo Centre',
    startsAt: '2018-11-13T01:00:00Z',
    endsAt: '2018-11-15T10:00:00Z',
    capacity: 2500,
  },
  {
    slug: 'kubecon-china-2019',
    name: 'KubeCon + CloudNativeCon + Open Source Summit China 2019',
    nameZh: 'KubeCon + CloudNativeCon + 开源峰会中国 2019',
    venue: 'Shanghai Expo Centre',
    startsAt: '2019-06-24T01:00:00Z',
    endsAt: '2019-06-26T10:00:00Z',
    capacity: 3500,
  },
];

/**
 * `npm run seed`: demo data for a development machine, written through the same services the API uses (so the
 * audit log is complete). Safe to run again: what exists is left as it is.
 */
async function main() {
  const config = loadConfig(process.env);
  if (config.env === 'production') throw new Error('The demo seed never runs with NODE_ENV=production.');
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
    logger: new PinoNestLogger(pino({ level: 'warn' })),
  });
  try {
    const auth = app.get(AuthService);
    const users = app.get(AuthRepository);
    const events = app.get(EventsService);
    const eventsRepository = app.get(EventsRepository);

    const { user: admin } = await auth.ensureAdmin(DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password);
    const actor: Actor = { id: admin.id, email: admin.email, isAdmin: true, requestId: 'seed' };
    if (!(await users.findByEmail(DEMO_ACCOUNTS.organiser.email))) {
      await auth.signUp({ ...DEMO_ACCOUNTS.organiser, name: 'Demo Organiser', locale: 'zh-CN' });
    }
    if (!(await eventsRepository.findSeries('kubecon-china'))) {
      await events.createSeries(actor, { slug: 'kubecon-china', name: 'KubeCon + CloudNativeCon China', nameZh: 'KubeCon + CloudNativeCon 中国' });
    }
    for (const edition of EDITIONS) {
      if (await eventsRepository.findBySlug(edition.slug)) continue;
      await events.createEvent(actor, {
        ...edition,
        seriesSlug: 'kubecon-china',
        city: 'Shanghai',
        country: 'CN',
        timezone: 'Asia/Shanghai',
        format: 'IN_PERSON',
      });
      const access = await eventsRepository.findWithRoles(edition.slug, admin.id);
      if (!access) throw new Error(`edition ${edition.slug} vanished`);
      const { roleGrants, ...event } = access;
      await events.update(actor, { event, roles: roleGrants.map((g) => g.role) }, { status: 'PUBLISHED' });
      await events.grantRole(actor, { event, roles: [] }, { email: DEMO_ACCOUNTS.organiser.email, role: 'ORGANISER' });
    }
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
