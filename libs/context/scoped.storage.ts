import { AsyncLocalStorage } from 'node:async_hooks';

/** A context opened by ScopedStorage.open: `run` runs a callback in it, `close` closes it (once). */
export interface OpenContext {
  run<R>(next: () => R): R;
  close(): void;
}

/**
 * An AsyncLocalStorage that is switched off whenever none of its contexts is open.
 *
 * On Node 20, once an AsyncLocalStorage has run a context it stays enabled, and while one is enabled Node runs a hook
 * for every promise the process creates, in every request, whether or not that request is in a context. On a
 * one-statement read (GET /v1/events/{slug}) that hook cost 8 to 12% of the API's throughput (fresh processes of
 * each build in turns, six rounds of 4 s). This one counts its open contexts and switches the storage off
 * (AsyncLocalStorage.disable) when the last one closes, so the requests that open none (every read outside a
 * transaction, every call without an API token) run without the hook. Switching off then is safe: no context of this
 * storage is open, so none is cut short, and the next one opened starts as the first one in the process did.
 * Node 22 keeps contexts without a hook (AsyncContextFrame); with it this class could go back to a bare
 * AsyncLocalStorage.
 */
export class ScopedStorage<T> {
  private readonly storage = new AsyncLocalStorage<T>();
  private opened = 0;

  /** The store of the context the caller runs in; undefined outside every context. */
  getStore(): T | undefined {
    return this.opened === 0 ? undefined : this.storage.getStore();
  }

  /** Runs `work` in a context holding `store`; the context closes when the work's promise settles. */
  async run<R>(store: T, work: () => Promise<R>): Promise<R> {
    const context = this.open(store);
    try {
      return await context.run(work);
    } finally {
      context.close();
    }
  }

  /**
   * Opens a context holding `store` for work whose end is an event rather than a promise (a request's, which ends when
   * its reply is sent). Later calls of `close` do nothing. Work that runs in a context after it is closed, with no
   * other context of this storage open, reads no store.
   */
  open(store: T): OpenContext {
    this.opened++;
    let open = true;
    return {
      run: (next) => this.storage.run(store, next),
      close: () => {
        if (!open) return;
        open = false;
        this.close();
      },
    };
  }

  private close(): void {
    this.opened--;
    if (this.opened === 0) this.storage.disable();
  }
}
