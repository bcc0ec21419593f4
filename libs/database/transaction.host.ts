import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { Prisma } from './generated/client';
import { PrismaService } from './prisma.service';

export type Db = Prisma.TransactionClient;

/**
 * One transaction idiom for the whole code base: a service wraps a unit of work in `run`, and every repository
 * call inside it, in whichever repository, joins that transaction through `db`. Services never see Prisma.
 */
@Injectable()
export class TransactionHost {
  private readonly current = new AsyncLocalStorage<Db>();

  constructor(private readonly prisma: PrismaService) {}

  /** The client for the surrounding transaction, or the pool outside one. */
  get db(): Db {
    return this.current.getStore() ?? this.prisma;
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
}
