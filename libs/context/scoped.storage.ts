import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * An AsyncLocalStorage that is switched off whenever none of its contexts is open.
 *
 * On Node 20, once an AsyncLocalStorage has run a context it stays enabled, and while one is enabled Node runs a hook
 * for every promise the process creates, in every request, whether or not that request is in a context. On a
 * one-statement read (GET /v1/events/{slug}) that hook cost 11% of the API's throughput (`npm run bench`, six
 * alternating rounds of each build). This one counts its open contexts and switches the storage off
 * (AsyncLocalStorage.disable) when the last one closes, so the requests that open none (every read outside a
 * transaction, every call without an API token) run without the hook. Switching off then is safe: no context of this
 * storage is open, so none is cut short, and the next one opened starts as the first one in the process did.
 * Node 22 keeps contexts without a hook (AsyncContextFrame); with it this class could go back to a bare
 * AsyncLocalStorage.
 */
export interface OpenContext {
  run(next: () => void): void;
  close(): void;
}

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
      return await this.storage.run(store, work);
    } finally {
      context.close();
    }
  }

  /**
   * Opens a context holding `store` for work whose end is an event rather than a promise (a request's, which ends when
   * its reply is sent): `run` runs a callback in it, `close` closes it (once; later calls do nothing). Work that runs in
   * a context after it is closed, with no other context of this storage open, reads no store.
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
