import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { ScopedStorage } from '@lectern/context/scoped.storage';
import { promiseHooksRunning } from '@test/support/async-hooks';

describe('ScopedStorage', () => {
  it('keeps every open context while others close, and switches the hooks off when the last one closes', async () => {
    expect(await promiseHooksRunning()).toBe(false);
    const storage = new ScopedStorage<string>();
    let releaseLong!: () => void;
    const longWait = new Promise<void>((resolve) => (releaseLong = resolve));
    const seen: (string | undefined)[] = [];

    const long = storage.run('long', async () => {
      await longWait;
      // the short context opened and closed meanwhile; this one is still open and still reads its store
      seen.push(storage.getStore());
      await nextTurn();
      seen.push(storage.getStore());
    });
    await storage.run('short', async () => {
      await nextTurn();
      seen.push(storage.getStore());
    });
    expect(await promiseHooksRunning()).toBe(true);
    // outside both contexts, while one is open
    expect(storage.getStore()).toBeUndefined();

    releaseLong();
    await long;
    expect(seen).toEqual(['short', 'long', 'long']);
    expect(storage.getStore()).toBeUndefined();
    expect(await promiseHooksRunning()).toBe(false);

    // and the next context works as the first did
    expect(await storage.run('again', async () => (await nextTurn(), storage.getStore()))).toBe('again');
    expect(await promiseHooksRunning()).toBe(false);
  });

  it('closes a context whose work fails, and an opened context once however often it is closed', async () => {
    const storage = new ScopedStorage<number>();
    await expect(storage.run(1, () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(await promiseHooksRunning()).toBe(false);

    const first = storage.open(1);
    const second = storage.open(2);
    const reads: (number | undefined)[] = [];
    first.run(() => void nextTurn().then(() => reads.push(storage.getStore())));
    second.run(() => void nextTurn().then(() => reads.push(storage.getStore())));
    first.close();
    first.close();
    // had the second close of `first` counted, `second` would be closed too, and its work would read nothing
    await nextTurn();
    await nextTurn();
    expect(reads).toEqual([1, 2]);
    expect(await promiseHooksRunning()).toBe(true);
    second.close();
    expect(await promiseHooksRunning()).toBe(false);
  });
});
