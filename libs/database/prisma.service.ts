import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { Client, DatabaseError, Pool, PoolClient, QueryResult } from 'pg';
import { CommonErrors } from '@lectern/errors/domain.error';
import { AppConfig } from '@lectern/config/config';
import { APP_CONFIG } from '@lectern/config/config.module';
import { Prisma, PrismaClient } from './generated/client';
import { WARM_UP_BACKEND } from './warm-up';

/** pg-pool's own message when no connection became free within connectionTimeoutMillis. */
const POOL_TIMEOUT = 'timeout exceeded when trying to connect';

type ConnectCallback = (error: Error | undefined, client: PoolClient | undefined, done: (release?: unknown) => void) => void;

/**
 * A pool whose wait for a free connection is bounded (DATABASE_POOL_WAIT_MS) and whose timeout is a DATABASE_BUSY
 * refusal with Retry-After. The driver adapter passes errors that are not Postgres' own through unchanged; Prisma's
 * client wraps them keeping their `code`, which toDomainError maps back to the 503 problem.
 */
class BoundedPool extends Pool {
  private translate(error: Error | undefined): Error | undefined {
    return error?.message === POOL_TIMEOUT ? CommonErrors.databaseBusy() : error;
  }

  override connect(): Promise<PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<PoolClient> | void {
    if (callback) {
      super.connect((error, client, done) => callback(this.translate(error), client, done));
      return;
    }
    return super.connect().catch((error: Error) => {
      throw this.translate(error) ?? error;
    });
  }
}

@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  private readonly pool: Pool;
  private readonly counter: { statements: number; connections: number };

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const counter = { statements: 0, connections: 0 };
    // Counts every statement sent to Postgres (BEGIN and COMMIT included), so tests can prove that a page of a
    // list costs a fixed number of queries whatever its size, and every connection opened, so they can prove that
    // a refused statement keeps its connection. One increment per statement costs nothing measurable.
    class CountingClient extends Client {
      override query(...args: unknown[]): never {
        counter.statements += 1;
        return (super.query as (...a: unknown[]) => never)(...args);
      }
    }
    const pool = new BoundedPool({
      connectionString: config.database.url,
      max: config.database.poolSize,
      connectionTimeoutMillis: config.database.poolWaitMs,
      Client: CountingClient,
      // after the connection is made, so the warm-up does not count against the wait for a connection; uncounted
      verify: (client, done) => {
        counter.connections += 1;
        (Client.prototype.query as (this: Client, text: string) => Promise<unknown>).call(client, WARM_UP_BACKEND).then(() => done(), done);
      },
    });
    // An idle connection that the server drops emits 'error' on the pool; unhandled, it would kill the process.
    // The next query opens a new connection, and /health/ready reports the outage meanwhile.
    const logger = new Logger('Postgres');
    pool.on('error', (error) => logger.warn(`idle connection lost: ${error.message}`));
    super({ adapter: new PrismaPg(pool) });
    this.pool = pool;
    this.counter = counter;
  }

  /**
   * One statement through the pool's driver, outside Prisma (TransactionHost decides when that is right). Not
   * `pool.query`: it closes the connection on any error, and a refusal PostgreSQL answers with (every sold-out
   * registration, raised by the seat trigger) leaves the connection fit for the next statement; closing it made each
   * refused attempt cost a new connection, and a crowd of them ran the pool dry (503 DATABASE_BUSY). Only an error
   * that is not PostgreSQL's answer (a broken socket) closes it.
   *
   * `prepared`: the statement is parsed and planned once per connection and then only bound and run (a named
   * prepared statement, named after its text). Only for statements whose text is one of a few fixed forms that run
   * on every request of a hot route: each form stays prepared on every connection for the connection's life.
   */
  driverQuery<T>(statement: Prisma.Sql, options: { prepared?: boolean } = {}): Promise<T[]> {
    // pg's callback forms under one promise of our own: its promise forms (the pool's connect, the client's query)
    // cost three promises and awaits more per statement, 9 to 10% of the API's CPU on GET /v1/events/{slug}
    return new Promise<T[]>((resolve, reject) => {
      this.pool.connect((connectError, client, release) => {
        if (connectError || !client) return reject(connectError ?? new Error('the pool gave no connection'));
        const answered = (error: Error | null, result: QueryResult) => {
          if (error) {
            release(error instanceof DatabaseError ? undefined : error);
            reject(error);
          } else {
            release();
            resolve(result.rows as T[]);
          }
        };
        try {
          // Text and values apart unless a name is needed: pg copies a query given as an object, property
          // descriptors and all (cloneQueryConfig, 1.2 to 1.3% of the API's busy time on GET /v1/events/{slug}).
          if (options.prepared) {
            const name = `lectern_${createHash('sha1').update(statement.text).digest('base64url')}`;
            client.query({ name, text: statement.text, values: statement.values }, answered);
          } else {
            client.query(statement.text, statement.values, answered);
          }
        } catch (error) {
          answered(error as Error, undefined as never);
        }
      });
    });
  }

  /** Statements sent since the process started; compare two readings around the work being measured. */
  get statementCount(): number {
    return this.counter.statements;
  }

  /** Connections to the server opened since the process started, the ones closed since included. */
  get connectionCount(): number {
    return this.counter.connections;
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
    await this.pool.end();
  }
}
