"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EDITIONS = exports.DEMO_SERIES = exports.DEMO_ACCOUNTS = void 0;
exports.seedDevelopmentData = seedDevelopmentData;
const auth_repository_1 = require("../apps/api/src/auth/auth.repository");
const auth_service_1 = require("../apps/api/src/auth/auth.service");
const events_repository_1 = require("../apps/api/src/events/events.repository");
const events_service_1 = require("../apps/api/src/events/events.service");
/** Development accounts, printed at the end of `npm run setup`. Never created in production. */
exports.DEMO_ACCOUNTS = {
    admin: { email: 'admin@lectern.example', password: 'lectern-demo-admin' },
    organiser: { email: 'organiser@lectern.example', password: 'lectern-demo-organiser' },
};
exports.DEMO_SERIES = { slug: 'kubecon-china', name: 'KubeCon + CloudNativeCon China', nameZh: 'KubeCon + CloudNativeCon 中国' };
exports.EDITIONS = [
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
 * The development seed, written through the same services the API uses (so the audit log is complete): the demo
 * administrator and organiser, the KubeCon China series and its 2018 and 2019 editions, published. Safe to run
 * again: what exists is left as it is.
 */
async function seedDevelopmentData(app) {
    const auth = app.get(auth_service_1.AuthService);
    const users = app.get(auth_repository_1.AuthRepository);
    const events = app.get(events_service_1.EventsService);
    const eventsRepository = app.get(events_repository_1.EventsRepository);
    const { user: admin } = await auth.ensureAdmin(exports.DEMO_ACCOUNTS.admin.email, exports.DEMO_ACCOUNTS.admin.password);
    const actor = { id: admin.id, email: admin.email, isAdmin: true, requestId: 'seed' };
    let organiser = await users.findByEmail(exports.DEMO_ACCOUNTS.organiser.email);
    if (!organiser) {
        organiser = (await auth.signUp({ ...exports.DEMO_ACCOUNTS.organiser, name: 'Demo Organiser', locale: 'zh-CN' })).user;
    }
    if (!(await eventsRepository.findSeries(exports.DEMO_SERIES.slug))) {
        await events.createSeries(actor, exports.DEMO_SERIES);
    }
    for (const edition of exports.EDITIONS) {
        if (await eventsRepository.findBySlug(edition.slug))
            continue;
        await events.createEvent(actor, {
            ...edition,
            seriesSlug: exports.DEMO_SERIES.slug,
            city: 'Shanghai',
            country: 'CN',
            timezone: 'Asia/Shanghai',
            format: 'IN_PERSON',
        });
        const access = await eventsRepository.findWithRoles(edition.slug, admin.id);
        if (!access)
            throw new Error(`edition ${edition.slug} vanished`);
        const { roleGrants, ...event } = access;
        await events.update(actor, { event, roles: roleGrants.map((g) => g.role) }, { status: 'PUBLISHED' });
        await events.grantRole(actor, { event, roles: [] }, { email: exports.DEMO_ACCOUNTS.organiser.email, role: 'ORGANISER' });
    }
    return {
        admin: actor,
        organiser: { id: organiser.id, email: organiser.email, isAdmin: false, requestId: 'seed' },
    };
}
//# sourceMappingURL=seed-data.js.map