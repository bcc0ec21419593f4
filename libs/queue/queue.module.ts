import { DynamicModule, Module, Provider } from '@nestjs/common';
import { AppConfig } from '@lectern/config/config';
import { QUEUES } from './queue.contract';
import { Producer, producerToken } from './queue.producer';

/** A `Producer<Q>` for every queue of the contract, injectable anywhere with `@InjectProducer(Q)`. */
@Module({})
export class QueueModule {
  static forRoot(config: AppConfig): DynamicModule {
    const producers: Provider[] = Object.values(QUEUES).map((queue) => ({
      provide: producerToken(queue),
      useFactory: () => new Producer(queue, config),
    }));
    return { global: true, module: QueueModule, providers: producers, exports: producers };
  }
}
