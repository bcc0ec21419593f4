import { defineConfig } from 'prisma/config';

// Only the Prisma CLI reads this file. Lectern itself applies migrations offline (prisma/migrate.ts);
// where Prisma's engines are reachable, `prisma migrate deploy` and `status` work on the same folder.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/lectern' },
});
