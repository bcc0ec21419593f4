import { Algorithm, hash } from '@node-rs/argon2';
import { Client } from 'pg';
import { TokenService } from '@lectern/domains/auth/token.service';
import { TEST_PASSWORD, TestApi } from './harness';

export interface BulkUser {
  id: string;
  email: string;
  token: string;
}

let passwordHash: Promise<string> | undefined;

/**
 * Inserts `count` users in a few statements and mints their bearer tokens directly: signing up thousands of users
 * through the API would spend minutes in argon2. They all share one real argon2id hash of TEST_PASSWORD, so any
 * of them can also sign in normally.
 */
export async function insertUsers(api: TestApi, count: number, label = 'bulk'): Promise<BulkUser[]> {
  passwordHash ??= hash(TEST_PASSWORD, { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  const digest = await passwordHash;
  const tokens = new TokenService(api.config);
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const client = new Client({ connectionString: api.config.database.url });
  await client.connect();
  try {
    const users: BulkUser[] = [];
    for (let start = 0; start < count; start += 5_000) {
      const emails = Array.from({ length: Math.min(5_000, count - start) }, (_, i) => `${label}-${run}-${start + i}@test.lectern`);
      const { rows } = await client.query<{ id: string; email: string }>(
        `INSERT INTO users (id, email, password_hash, name, locale, is_admin, created_at, updated_at)
         SELECT gen_random_uuid(), e, $2, 'Bulk ' || e, 'en', false, now(), now() FROM unnest($1::text[]) AS e
         RETURNING id, email`,
        [emails, digest],
      );
      users.push(...(await Promise.all(rows.map(async (row) => ({ ...row, token: (await tokens.issue(row.id)).token })))));
    }
    return users;
  } finally {
    await client.end();
  }
}
