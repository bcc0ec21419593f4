import { JobName, JobPayloads } from './queue.contract';

export const JOB_HANDLER = Symbol('lectern:job-handler');

/** What a handler gets of its job. */
export interface JobContext<N extends JobName> {
  /** Checked against the contract: a job whose data does not pass never reaches its handler. */
  readonly payload: JobPayloads[N];
  /** Runs of this job before this one. */
  readonly attemptsMade: number;
  /** Whether a failure of this run is final: BullMQ will not retry it. */
  readonly lastAttempt: boolean;
  /**
   * Ends this run and runs the job again after `delayMs` without counting an attempt (another run holds what this
   * one needs). It never resolves: return it.
   */
  postpone(delayMs: number): Promise<never>;
}

export type JobHandlerMethod<N extends JobName> = (job: JobContext<N>) => Promise<unknown>;

/**
 * Marks the method that runs job `name`. QueueWorkers finds every marked method at start-up and refuses to start
 * unless each job of the contract has exactly one. A handler returns its result, rethrows transient errors (BullMQ
 * retries them) and throws `UnrecoverableError` for permanent ones.
 */
export function JobHandler<N extends JobName>(name: N) {
  return <M extends JobHandlerMethod<N>>(_target: object, _method: string | symbol, descriptor: TypedPropertyDescriptor<M>): void => {
    Reflect.defineMetadata(JOB_HANDLER, name, descriptor.value as M);
  };
}
