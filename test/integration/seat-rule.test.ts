import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMigrations } from '@lectern/database/migrator';
import { projectRoot } from '@lectern/project-root';
import { SEAT_LOCK_SPACES, SEAT_RULE_SQLSTATE, SeatRefusal } from '@lectern/domains/registrations/seat-rule.contract';
import { createScratchDatabase } from '@test/support/databases';

const SEAT_RULE = readFileSync(join(projectRoot(), 'libs', 'domains', 'registrations', 'sql', 'seat-rule.sql'), 'utf8');

/** Every function of the schema and every trigger on registrations, as Postgres would print them. */
async function definitions(client: Client) {
  const functions = await client.query<{ name: string; definition: string }>(
    `SELECT p.oid::regprocedure::text AS name, pg_get_functiondef(p.oid) AS definition
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public' ORDER BY 1`,
  );
  const triggers = await client.query<{ name: string; definition: string }>(
    `SELECT tgname AS name, pg_get_triggerdef(oid) AS definition
       FROM pg_trigger WHERE tgrelid = 'registrations'::regclass AND NOT tgisinternal ORDER BY 1`,
  );
  return { functions: functions.rows, triggers: triggers.rows };
}

describe('the seat rule has one definition', () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let client: Client;
  beforeAll(async () => {
    database = await createScratchDatabase('seat_rule', { migrated: true });
    client = new Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  it('is what the migrated database runs: applying sql/seat-rule.sql again changes no definition', async () => {
    const migrated = await definitions(client);
    expect(migrated.functions.map((f) => f.name)).toEqual(
      expect.arrayContaining(['lectern_lock_key(text,uuid)', 'lectern_seat_usage(uuid,uuid,timestamp with time zone)', 'registrations_seat_check()']),
    );
    // other rules have triggers on registrations too (refunds after a postponement, in-person seats once online)
    expect(migrated.triggers.map((t) => t.name).filter((name) => name.startsWith('registrations_seat_check'))).toEqual([
      'registrations_seat_check_insert',
      'registrations_seat_check_update',
    ]);
    await client.query('BEGIN');
    try {
      await client.query(SEAT_RULE);
      expect(await definitions(client)).toEqual(migrated);
    } finally {
      await client.query('ROLLBACK');
    }
  });

  it('is applied verbatim by the newest migration that defines the seat check', () => {
    const defining = readMigrations(join(projectRoot(), 'prisma', 'migrations')).filter((m) =>
      m.sql.includes('FUNCTION "registrations_seat_check"()'),
    );
    expect(defining.at(-1)?.sql).toContain(SEAT_RULE);
  });

  it('refuses with the SQLSTATE and message codes the application declares', () => {
    const raised = [...SEAT_RULE.matchAll(/RAISE EXCEPTION USING ERRCODE = '(\w+)', MESSAGE = '(\w+)'/g)];
    expect(new Set(raised.map((r) => r[1]))).toEqual(new Set([SEAT_RULE_SQLSTATE]));
    expect(raised.map((r) => r[2]).sort()).toEqual(Object.values(SeatRefusal).sort());
  });

  it('derives lock keys for the spaces the application names, in the order their locks are taken', async () => {
    const id = '0123abcd-4567-4def-8abc-0123456789ab';
    const { rows } = await client.query<{ key: string }>(
      'SELECT lectern_lock_key(space, $1::uuid)::text AS key FROM unnest($2::text[]) WITH ORDINALITY AS s(space, n) ORDER BY n',
      [id, SEAT_LOCK_SPACES],
    );
    const keys = rows.map((r) => BigInt(r.key));
    expect(keys.map((key) => key >> 56n)).toEqual([1n, 2n, 3n, 4n]);
    expect(new Set(keys.map((key) => key & ((1n << 56n) - 1n)))).toEqual(new Set([0x0123abcd45674dn]));
    await expect(client.query(`SELECT lectern_lock_key('event', $1::uuid)`, [id])).rejects.toThrow(/no lock space event/);
  });
});
