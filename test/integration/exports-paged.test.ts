import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { ExportPool } from '@lectern/database/export-pool';
import { testConfig } from '@test/support/harness';

/**
 * Exports that page through the request pool (the submissions CSV) take turns: no more run at once than the export
 * pool has connections, so however many are asked for they cannot take the request pool's connections away.
 */
describe('paged exports', () => {
  const pool = new ExportPool(testConfig({ DATABASE_EXPORT_POOL_SIZE: '1' }));
  afterAll(() => pool.onModuleDestroy());

  const pages = (label: string, log: string[]) =>
    (async function* () {
      try {
        log.push(`${label} started`);
        // a page read, as the real export makes between its chunks
        await new Promise((resolve) => setImmediate(resolve));
        yield `${label}\n`;
      } finally {
        log.push(`${label} ended`);
      }
    })();

  it('starts the next export only when the running one ends or its client leaves', async () => {
    const log: string[] = [];
    const first = await pool.paged(pages('first', log));
    let secondStream: Awaited<ReturnType<typeof pool.paged>> | undefined;
    const second = pool.paged(pages('second', log)).then((stream) => (secondStream = stream));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(secondStream).toBeUndefined();

    // the first client goes away before reading everything
    first.destroy();
    await once(first, 'close');
    const stream = await second;
    const text: string[] = [];
    for await (const chunk of stream) text.push(String(chunk));
    expect(text).toEqual(['second\n']);
    expect(log).toEqual(['second started', 'second ended']);

    // the turn came back: a third starts at once
    const third = await Promise.race([pool.paged(pages('third', log)), new Promise((resolve) => setTimeout(() => resolve('waiting'), 1000))]);
    expect(third).not.toBe('waiting');
  });
});
