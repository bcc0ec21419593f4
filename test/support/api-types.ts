import { ProblemDto } from '@api/http/problem.dto';

/**
 * A response DTO of apps/api as the tests receive it: JSON, so dates are ISO strings. The DTO classes are the
 * OpenAPI schemas, and the harness checks every body against them, so a body typed this way is what arrived.
 */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer Item)[]
    ? Wire<Item>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

/** An application/problem+json body. */
export type Problem = Wire<ProblemDto>;

/** A body that is T or a problem depending on the status, for tests that look at both: every member is optional. */
export type OrProblem<T> = Partial<T> & Partial<Problem>;
