import { Inject, Logger, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig } from '@lectern/config/config';
import { bullConnection } from '@lectern/redis/redis.connection';
import { JobOf, JobPayloads, QueueName, isPayload, jobId, jobOptions } from './queue.contract';

export const producerToken = (queue: QueueName) => `lectern:producer:${queue}`;

/** Injects the `Producer<Q>` of queue `queue`, which QueueModule provides for every queue of the contract. */
export const InjectProducer = (queue: QueueName) => Inject(producerToken(queue));

/**
 * Adds the jobs of one queue: only that queue's job names, each with its payload type, always with the contract's
 * options and job id. Its connection fails fast (see `redisConnection`): a request or the relay never hangs on Redis.
 */
export class Producer<Q extends QueueName> implements OnModuleDestroy {
  private readonly logger: Logger;
  private readonly queue: Queue;

  constructor(
    readonly name: Q,
    private readonly config: AppConfig,
  ) {
    this.logger = new Logger(`Producer(${name})`);
    this.queue = new Queue(name, bullConnection(config.redis, 'producer'));
    this.queue.on('error', (error) => this.logger.debug(`queue connection: ${error.message}`));
  }

  /** One round trip for all of them; a job whose id is live in Redis is not added twice. */
  async add<N extends JobOf<Q>>(name: N, payloads: readonly JobPayloads[N][]): Promise<void> {
    if (payloads.length === 0) return;
    await this.queue.addBulk(
      payloads.map((data) => {
        // a payload its handler would refuse is a bug here, not a job to fail later
        if (!isPayload(name, data)) throw new Error(`not a ${name} payload: ${JSON.stringify(data)}`);
        const id = jobId(name, data);
        return { name, data, opts: { ...jobOptions(name, this.config), ...(id && { jobId: id }) } };
      }),
    );
  }

  /** Whether Redis answers now: the relay skips its round instead of opening transactions it must roll back. */
  async ready(timeoutMs = 1_000): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const client = await Promise.race([
        this.queue.getBackend().client,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
        }),
      ]);
      return client.status === 'ready';
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  async onModuleDestroy(): Promise<void> {
    // closing while Redis is away must not take the process down with it
    await this.queue.close().catch((error: Error) => this.logger.warn(`closing the queue: ${error.message}`));
  }
}
