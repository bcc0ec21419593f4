import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Whether Node's async hooks are running in this process: while any AsyncLocalStorage is enabled, Node gives every
 * new promise an async id (a symbol-keyed property); with none enabled it gives none. A switch takes effect from the
 * next turn of the event loop, so this waits for one first.
 */
export async function promiseHooksRunning(): Promise<boolean> {
  await nextTurn();
  return Object.getOwnPropertySymbols(new Promise(() => undefined)).length > 0;
}
