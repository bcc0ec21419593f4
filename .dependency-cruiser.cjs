// Import boundaries, checked by `npm run lint:boundaries` (part of `npm test`). Each rule says why it exists.

/** Domains stack one way: a domain may import those before it in this list, never one after it. */
const DOMAINS = ['auth', 'events', 'cfp', 'reviews', 'registrations', 'programme', 'scholarships', 'facts', 'notifications', 'reports', 'integrations', 'lifecycle'];

const downwardOnly = DOMAINS.map((domain, rank) => ({
  name: `domain-${domain}-imports-only-downward`,
  comment: `libs/domains/${domain} may import only the domains before it (${DOMAINS.slice(0, rank).join(', ') || 'none'})`,
  severity: 'error',
  from: { path: `^libs/domains/${domain}/` },
  to: { path: `^libs/domains/(${DOMAINS.slice(rank + 1).join('|') || '$^'})/` },
}));

const forbidden = [
  {
    name: 'no-circular',
    comment: 'A cycle makes every module in it depend on all the others.',
    severity: 'error',
    from: {},
    to: { circular: true },
  },
  {
    name: 'worker-never-imports-api',
    comment: 'The worker takes what it shares with the API from libs/, never from the API app.',
    severity: 'error',
    from: { path: '^apps/worker/' },
    to: { path: '^apps/api/' },
  },
  {
    name: 'libs-never-import-apps',
    comment: 'libs/ is what both apps stand on; it cannot depend on either of them.',
    severity: 'error',
    from: { path: '^libs/' },
    to: { path: '^apps/' },
  },
  {
    name: 'infrastructure-below-domains',
    comment: 'Infrastructure libraries (config, database, queue, mail, ...) know no domain.',
    severity: 'error',
    from: { path: '^libs/', pathNot: '^libs/(domains|platform)/' },
    to: { path: '^libs/domains/' },
  },
  {
    name: 'reports-are-plain-typescript',
    comment: 'reports/ is data in, report out: no Nest, no Prisma client, no HTTP, no domain services.',
    severity: 'error',
    from: { path: '^reports/' },
    to: {
      path: [
        '^apps/',
        // of libs/, only languages, the project root and enum values: no database, queue, Redis or domain
        '^libs/(?!i18n/|project-root|database/generated/enums)',
        'node_modules/(@nestjs|@prisma|fastify|@fastify|bullmq|ioredis|pg)/',
      ],
    },
  },
  {
    name: 'only-repositories-touch-prisma',
    comment: 'Only *.repository.ts files and libs/database use the Prisma client; enums come from generated/enums.',
    severity: 'error',
    from: { pathNot: ['\\.repository\\.ts$', '^libs/database/', '^test/', '^bench/', '^prisma/'] },
    to: { path: ['^libs/database/generated/(client|internal|models)', 'node_modules/@prisma/'] },
  },
  {
    name: 'controllers-only-in-the-api',
    comment: 'HTTP belongs to apps/api; libs/ and the worker hold no controllers or DTO classes.',
    severity: 'error',
    from: { path: '^(libs|apps/worker|reports)/' },
    to: { path: '\\.(controller|dto)\\.ts$' },
  },
  {
    name: 'no-http-in-domains',
    comment: 'Domain cores are called by the API and by the worker; HTTP stays in apps/api.',
    severity: 'error',
    from: { path: '^libs/' },
    to: { path: 'node_modules/(fastify|@fastify|@nestjs/platform-fastify|@nestjs/swagger)/' },
  },
  {
    name: 'tests-not-imported-by-code',
    comment: 'Production code never depends on tests or the benchmark.',
    severity: 'error',
    from: { path: '^(apps|libs|reports|prisma)/', pathNot: '\\.test\\.ts$' },
    to: { path: '^(test|bench)/' },
  },
  ...downwardOnly,
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden,
  options: {
    // generated code is a destination (so rules can name it) but is not itself checked
    doNotFollow: { path: ['node_modules', '^libs/database/generated/'] },
    exclude: { path: ['^dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
