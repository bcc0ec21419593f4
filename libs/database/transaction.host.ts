import { Injectable } from '@nestjs/common';
import { ScopedStorage } from '@lectern/context/scoped.storage';
import { Prisma } from './generated/client';
import { PrismaService } from './prisma.service';

export type Db = Prisma.TransactionClient;

/** A data-modifying statement (INSERT, UPDATE or DELETE) that a repository built and nobody has run yet. */
export type Statement = Prisma.Sql;

/**
 * One transaction idiom for the whole code base: a service wraps a unit of work in `run`, and every repository
 * call inside it, in whichever repository, joins that transaction through `db`. Services never see Prisma.
 */
@Injectable()
export class TransactionHost {
  private readonly current = new ScopedStorage<Db>();

  constructor(private readonly prisma: PrismaService) {}

  /** The client for the surrounding transaction, or the pool outside one. */
  get db(): Db {
    return this.current.getStore() ?? this.prisma;
  }

  /**
   * A read written in SQL, for the few reads on every request's path (an edition by its slug, the caller's account):
   * outside a transaction the driver runs it directly, without Prisma's request pipeline, which costs about as much
   * CPU again as the driver itself (0.12 ms per statement, measured); inside one it joins the transaction. Columns
   * arrive as the driver parses them: json as values, timestamptz as Date, arrays as arrays. `prepared` outside a
   * transaction: see PrismaService.driverQuery.
   */
  read<T>(statement: Prisma.Sql, options: { prepared?: boolean } = {}): Promise<T[]> {
    const tx = this.current.getStore();
    return tx ? tx.$queryRaw<T[]>(statement) : this.prisma.driverQuery<T>(statement, options);
  }

  run<T>(work: () => Promise<T>, options: { isolation?: 'ReadCommitted' | 'Serializable'; timeoutMs?: number } = {}) {
    if (this.current.getStore()) return work();
    // Read committed is Postgres's default: naming it would cost a SET TRANSACTION statement per transaction.
    return this.prisma.$transaction((tx) => this.current.run(tx, work), {
      ...(options.isolation === 'Serializable' ? { isolationLevel: 'Serializable' as const } : {}),
      timeout: options.timeoutMs ?? 10_000,
      maxWait: 10_000,
    });
  }

  /**
   * Runs the statements as one: each becomes a data-modifying CTE of a single statement, so outside a transaction
   * they commit together (deferred constraint triggers included) in one round trip, with no BEGIN and COMMIT. They
   * share one snapshot, so none of them may depend on another's rows. A refusal arrives as the driver's error
   * outside a transaction and as Prisma's inside one: read it with databaseError, which knows both.
   */
  async runAsOne(statements: Statement[], options: { prepared?: boolean } = {}): Promise<void> {
    const statement =
      statements.length === 1
        ? statements[0]
        : Prisma.sql`WITH ${Prisma.join(
            statements.map((part, i) => Prisma.sql`${Prisma.raw(`s${i}`)} AS (${part})`),
            ', ',
          )} SELECT 1`;
    const tx = this.current.getStore();
    // outside a transaction, straight to the driver as `read` does: this runs on every registration and audit entry
    if (tx) await tx.$executeRaw(statement);
    else await this.prisma.driverQuery(statement, options);
  }
}
