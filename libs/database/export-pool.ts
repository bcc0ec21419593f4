import { Readable } from 'node:stream';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Pool, PoolClient } from 'pg';
import Cursor from 'pg-cursor';
import { AppConfig } from '@lectern/config/config';
import { APP_CONFIG } from '@lectern/config/config.module';
import { CommonErrors } from '@lectern/errors/domain.error';

const BATCH = 1_000;
const WAIT_FOR_CONNECTION_MS = 30_000;

/**
 * A small pool of its own for long reads (CSV exports): however many run, the request pool keeps its connections,
 * and exports beyond its size wait their turn. Each export is one server-side cursor read in batches, pushed as the
 * client takes it (constant memory), and a client that goes away destroys the stream, whose connection is then
 * closed rather than returned, which ends the query on the server at once.
 */
@Injectable()
export class ExportPool implements OnModuleDestroy {
  private readonly pool: Pool;
  /** Paged exports under way (they read through the request pool, one page at a time) and those waiting to start. */
  private pagedRunning = 0;
  private readonly pagedWaiting: (() => void)[] = [];
  private readonly pagedLimit: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.pagedLimit = config.database.exportPoolSize;
    this.pool = new Pool({
      connectionString: config.database.url,
      max: config.database.exportPoolSize,
      connectionTimeoutMillis: WAIT_FOR_CONNECTION_MS,
      idleTimeoutMillis: 10_000,
    });
    const logger = new Logger('ExportPool');
    this.pool.on('error', (error) => logger.warn(`idle export connection lost: ${error.message}`));
  }

  /** `head`, then each row of the query as `toText` writes it. Refuses with 503 when no connection frees up in time. */
  async stream<Row>(sql: string, params: unknown[], head: string, toText: (row: Row) => string): Promise<Readable> {
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch {
      throw CommonErrors.unavailable();
    }
    const cursor = client.query(new Cursor<Row>(sql, params));
    let finished = false;
    let released = false;
    const release = (destroy: boolean) => {
      if (released) return;
      released = true;
      client.release(destroy);
    };
    let headSent = false;
    return new Readable({
      read() {
        if (!headSent) {
          headSent = true;
          this.push(head);
          return;
        }
        cursor.read(BATCH).then(
          async (rows) => {
            if (rows.length === 0) {
              finished = true;
              await cursor.close();
              release(false);
              this.push(null);
            } else {
              this.push(rows.map(toText).join(''));
            }
          },
          (error: Error) => this.destroy(error),
        );
      },
      destroy(error, callback) {
        // unfinished: the client left or the query failed; the connection goes, and its query with it
        release(!finished);
        callback(error);
      },
    });
  }

  /**
   * An export whose rows come from paged queries on the request pool (their joins are Prisma's): as many run at once
   * as the export pool has connections, so however many are asked for, exports hold at most that many of the
   * request pool's connections at any instant. Later ones wait for a turn, 503 after the same wait as for a
   * connection; the turn is given back when the stream ends or its client goes away.
   */
  async paged(source: AsyncGenerator<string>): Promise<Readable> {
    if (this.pagedRunning >= this.pagedLimit) {
      const granted = await new Promise<boolean>((resolve) => {
        const waiter = () => {
          clearTimeout(timer);
          resolve(true);
        };
        const timer = setTimeout(() => {
          this.pagedWaiting.splice(this.pagedWaiting.indexOf(waiter), 1);
          resolve(false);
        }, WAIT_FOR_CONNECTION_MS);
        this.pagedWaiting.push(waiter);
      });
      if (!granted) {
        await source.return(undefined);
        throw CommonErrors.unavailable();
      }
    } else {
      this.pagedRunning++;
    }
    const stream = Readable.from(source);
    stream.once('close', () => {
      const next = this.pagedWaiting.shift();
      // the turn passes straight to the next export in line, so the count stays as it is
      if (next) next();
      else this.pagedRunning--;
    });
    return stream;
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }
}
