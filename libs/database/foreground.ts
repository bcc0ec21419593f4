import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@lectern/config/config';
import { APP_CONFIG } from '@lectern/config/config.module';

/** A pause between requests shorter than this is a gap in a stream of them rather than its end. */
const QUIET_MS = 20;

/**
 * The requests this process is answering, exports aside, so that exports can give way to them: on two cores an
 * export's PostgreSQL backend and the API's work of passing its bytes on take the CPU that a cheap request's
 * backend and the event loop then wait for. An export that reads its rows more slowly makes its backend slower too
 * (PostgreSQL waits on the full socket), so pacing the reads paces the whole export.
 */
@Injectable()
export class Foreground {
  private inFlight = 0;
  private lastEndedAt = -Infinity;
  private nextTurnAt = -Infinity;
  /** Bytes a ms that exports pass on between them while requests are being answered; 0: no limit. */
  private readonly busyBytesPerMs: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.busyBytesPerMs = (config.database.exportBusyKbPerSecond * 1024) / 1000;
  }

  begin(): void {
    this.inFlight++;
  }

  end(): void {
    this.inFlight--;
    this.lastEndedAt = performance.now();
  }

  /**
   * Runs `next`, which passes on an export's next `bytes`, after the event loop has had a turn and, while requests
   * are being answered, once the exports of this process (however many run) have kept to the busy rate. Requests
   * keep coming under load, so waiting for a quiet moment instead could starve an export; this way it still moves.
   */
  turn(bytes: number, next: () => void): void {
    if (this.busyBytesPerMs === 0) {
      setImmediate(next);
      return;
    }
    const now = performance.now();
    const at = this.busy(now) ? Math.max(now, this.nextTurnAt) : now;
    this.nextTurnAt = at + bytes / this.busyBytesPerMs;
    if (at > now) setTimeout(next, at - now);
    else setImmediate(next);
  }

  private busy(now: number): boolean {
    return this.inFlight > 0 || now - this.lastEndedAt < QUIET_MS;
  }
}
