import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TransactionHost } from '@lectern/database/transaction.host';
import { promiseHooksRunning } from '@test/support/async-hooks';
import { query } from '@test/support/databases';
import { TestApi, startApi } from '@test/support/harness';

/**
 * TransactionHost keeps the open transaction in a ScopedStorage, which switches Node's async hooks off whenever no
 * transaction is open. Transactions that start and end while others run must each keep theirs to the end.
 */
describe('TransactionHost', () => {
  let api: TestApi;
  let tx: TransactionHost;
  const db = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => query<T>(api.config.database.url, sql, params);

  beforeAll(async () => {
    api = await startApi();
    tx = api.app.get(TransactionHost);
    await db('CREATE TABLE transaction_host_probe (label text NOT NULL)');
  });
  afterAll(() => api.close());

  const insert = (label: string) => tx.db.$executeRaw`INSERT INTO transaction_host_probe (label) VALUES (${label})`;

  it('keeps a transaction to its end while shorter ones open and commit, and rolls back all of it', async () => {
    let shortOnesDone!: () => void;
    const afterShortOnes = new Promise<void>((resolve) => (shortOnesDone = resolve));
    const long = tx.run(async () => {
      await insert('long: before');
      await afterShortOnes;
      // every short transaction has closed by now; had that closed this one's context, this statement would run
      // outside the transaction and stay when it rolls back
      await insert('long: after');
      throw new Error('roll back');
    });
    await Promise.all(['a', 'b', 'c'].map((label) => tx.run(() => insert(`short ${label}`))));
    shortOnesDone();
    await expect(long).rejects.toThrow('roll back');

    const rows = await db<{ label: string }>('SELECT label FROM transaction_host_probe ORDER BY label');
    expect(rows.map((row) => row.label)).toEqual(['short a', 'short b', 'short c']);
    expect(await promiseHooksRunning()).toBe(false);
  });
});
