import { Readable, Transform, pipeline } from 'node:stream';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Pool, PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import Cursor from 'pg-cursor';
import { AppConfig } from '@lectern/config/config';
import { APP_CONFIG } from '@lectern/config/config.module';
import { CommonErrors } from '@lectern/errors/domain.error';
import { Foreground } from './foreground';

const BATCH = 1_000;
/**
 * How long an export waits for its turn before 503: a download the organiser waits for anyway, queued behind
 * others of a few seconds each, so a generous wait; the request pool is not involved.
 */
const WAIT_FOR_CONNECTION_MS = 120_000;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * A small pool of its own for long reads (CSV exports): however many run, the request pool keeps its connections,
 * and exports beyond its size wait their turn. Each export is one statement read as the client takes it (constant
 * memory), and a client that goes away destroys the stream, whose connection is then closed rather than returned,
 * which ends the query on the server at once. Exports are background work: while other requests are being answered
 * they pass rows on no faster than Foreground.turn allows.
 */
@Injectable()
export class ExportPool implements OnModuleDestroy {
  private readonly pool: Pool;
  private readonly logger = new Logger('ExportPool');

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly foreground: Foreground,
  ) {
    this.pool = new Pool({
      connectionString: config.database.url,
      max: config.database.exportPoolSize,
      connectionTimeoutMillis: WAIT_FOR_CONNECTION_MS,
      idleTimeoutMillis: 10_000,
      // An export's plan costs above the JIT thresholds (a subplan per row), so PostgreSQL would spend a burst of a
      // core compiling and optimising it at every export's start, on a machine whose other requests need that core,
      // to save little on a read that is bound by sending rows.
      options: '-c jit=off',
    });
    this.pool.on('error', (error) => this.logger.warn(`idle export connection lost: ${error.message}`));
  }

  /**
   * `head`, then what `COPY (select) TO STDOUT WITH (FORMAT csv, FORCE_QUOTE *)` writes, rows ended by CRLF as
   * RFC 4180 has them: PostgreSQL formats every row, so the API only passes bytes on and its event loop stays free
   * for other requests. COPY takes no bind parameters: values in `select` are literals (pg's escapeLiteral), and
   * every column must be non-null text for each field to come out quoted. 503 when no connection frees up in time.
   */
  async copyCsv(select: string, head: string): Promise<Readable> {
    const client = await this.connect();
    const copy = client.query(copyTo(`COPY (${select}) TO STDOUT WITH (FORMAT csv, FORCE_QUOTE *)`));
    // closing the connection mid-copy fails the copy once more after the stream is gone; that error is expected
    copy.on('error', (error) => this.logger.debug(`export ended early: ${error.message}`));
    const rows = crlfRows(head, (bytes, next) => this.foreground.turn(bytes, next));
    let finished = false;
    pipeline(copy, rows, (error) => {
      finished = !error;
      // unfinished: the client left or the query failed; the connection goes, and its query with it
      client.release(!finished);
    });
    return rows;
  }

  /** `head`, then each row of the query as `toText` writes it, read through one server-side cursor in batches. */
  async stream<Row>(sql: string, params: unknown[], head: string, toText: (row: Row) => string): Promise<Readable> {
    const client = await this.connect();
    const cursor = client.query(new Cursor<Row>(sql, params));
    const foreground = this.foreground;
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
              const text = rows.map(toText).join('');
              foreground.turn(Buffer.byteLength(text), () => this.push(text));
            }
          },
          (error: Error) => this.destroy(error),
        );
      },
      destroy(error, callback) {
        release(!finished);
        callback(error);
      },
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }

  private async connect(): Promise<PoolClient> {
    try {
      return await this.pool.connect();
    } catch {
      throw CommonErrors.unavailable();
    }
  }
}

/**
 * PostgreSQL's CSV ends rows with LF; this writes `head` and then CRLF instead. Every field is quoted, so an LF
 * outside quotes ends a row and one inside is the text's own; whether a byte is inside is carried across chunks.
 *
 * Each chunk is handed on when `turn` says: at the earliest after the event loop has had a turn, since otherwise
 * the socket of a fast COPY delivers chunk after chunk (libuv reads a ready socket many times in one go), each
 * parsed, scanned and written within one turn, and requests that arrived meanwhile wait for all of them. Until then
 * the transform takes no further chunk and, once the small buffers before it are full, the COPY stream stops
 * reading its socket: PostgreSQL waits on the socket rather than the requests on the loop or the CPU.
 */
function crlfRows(head: string, turn: (bytes: number, next: () => void) => void): Transform {
  let quoted = false;
  const rows = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const ends: number[] = [];
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i];
        if (byte === QUOTE) quoted = !quoted;
        else if (byte === LF && !quoted) ends.push(i);
      }
      if (ends.length === 0) {
        turn(chunk.length, () => done(null, chunk));
        return;
      }
      const out = Buffer.allocUnsafe(chunk.length + ends.length);
      let from = 0;
      let at = 0;
      for (const end of ends) {
        at += chunk.copy(out, at, from, end);
        out[at++] = CR;
        from = end;
      }
      chunk.copy(out, at, from);
      turn(out.length, () => done(null, out));
    },
  });
  rows.push(head);
  return rows;
}
