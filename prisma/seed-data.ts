import { INestApplicationContext } from '@nestjs/common';
import { AuthRepository } from '@lectern/domains/auth/auth.repository';
import { AuthService } from '@lectern/domains/auth/auth.service';
import { EventsRepository } from '@lectern/domains/events/events.repository';
import { EventsService } from '@lectern/domains/events/events.service';
import { Actor } from '@lectern/domains/auth/auth.types';

/** Development accounts, printed at the end of `npm run setup`. Never created in production. */
export const DEMO_ACCOUNTS = {
  admin: { email: 'admin@lectern.example', password: 'lectern-demo-admin' },
  organiser: { email: 'organiser@lectern.example', password: 'lectern-demo-organiser' },
};

/** The demo's texts are written in English and Simplified Chinese, the languages of its series. */
export function inEnglishAndChinese(en: string, zh: string | null | undefined): Record<string, string> {
  return zh ? { en, 'zh-CN': zh } : { en };
}

export const DEMO_SERIES = {
  slug: 'kubecon-china',
  languages: ['en', 'zh-CN'],
  name: inEnglishAndChinese('KubeCon + CloudNativeCon China', 'KubeCon + CloudNativeCon 中国'),
};

/** Where both demo editions took place, named in each language of the series. */
export const SHANGHAI_EXPO_CENTRE = inEnglishAndChinese('Shanghai Expo Centre', '上海世博中心');

export const EDITIONS = [
  {
    slug: 'kubecon-china-2018',
    name: inEnglishAndChinese('KubeCon + CloudNativeCon China 2018', 'KubeCon + CloudNativeCon 中国 2018'),
    venue: SHANGHAI_EXPO_CENTRE,
    startsAt: '2018-11-13T01:00:00Z',
    endsAt: '2018-11-15T10:00:00Z',
    capacity: 2500,
  },
  {
    slug: 'kubecon-china-2019',
    name: inEnglishAndChinese('KubeCon + CloudNativeCon + Open Source Summit China 2019', 'KubeCon + CloudNativeCon + 开源峰会中国 2019'),
    venue: SHANGHAI_EXPO_CENTRE,
    startsAt: '2019-06-24T01:00:00Z',
    endsAt: '2019-06-26T10:00:00Z',
    capacity: 3500,
  },
];

export interface SeededAccounts {
  /** The demo administrator, as the actor of what the seed does. */
  admin: Actor;
  /** The demo organiser of both editions. */
  organiser: Actor;
}

/**
 * The development seed, written through the same services the API uses (so the audit log is complete): the demo
 * administrator and organiser, the KubeCon China series and its 2018 and 2019 editions, published. Safe to run
 * again: what exists is left as it is, except that an edition's venue gains its Chinese name if it lacks one.
 */
export async function seedDevelopmentData(app: INestApplicationContext): Promise<SeededAccounts> {
  const auth = app.get(AuthService);
  const users = app.get(AuthRepository);
  const events = app.get(EventsService);
  const eventsRepository = app.get(EventsRepository);

  const { user: admin } = await auth.ensureAdmin(DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password);
  const actor: Actor = { id: admin.id, email: admin.email, isAdmin: true, requestId: 'seed' };
  let organiser = await users.findByEmail(DEMO_ACCOUNTS.organiser.email);
  if (!organiser) {
    organiser = (await auth.signUp({ ...DEMO_ACCOUNTS.organiser, name: 'Demo Organiser', locale: 'zh-CN' })).user;
  }
  if (!(await eventsRepository.findSeries(DEMO_SERIES.slug))) {
    await events.createSeries(actor, DEMO_SERIES);
  }
  for (const edition of EDITIONS) {
    const existing = await eventsRepository.findWithRoles(edition.slug, admin.id);
    if (existing) {
      // editions seeded before venues were translated get their Chinese name; nothing else is touched
      const { roleGrants, ...event } = existing;
      const venue = (event.venue ?? {}) as Record<string, string>;
      if (!venue['zh-CN']) await events.update(actor, { event, roles: roleGrants.map((g) => g.role) }, { venue: { ...edition.venue, ...venue } });
      continue;
    }
    await events.createEvent(actor, {
      ...edition,
      seriesSlug: DEMO_SERIES.slug,
      city: inEnglishAndChinese('Shanghai', '上海'),
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
  return {
    admin: actor,
    organiser: { id: organiser.id, email: organiser.email, isAdmin: false, requestId: 'seed' },
  };
}
