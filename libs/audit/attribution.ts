import { AsyncLocalStorage } from 'node:async_hooks';

export interface Attribution {
  /** The API token a request came with: its changes are audited as the token's creator, through this token. */
  apiTokenId: string;
}

/**
 * The request's API token, for every audit entry written while the request runs, without each service passing it
 * on: the API runs the route's handler inside `attribution.run` (AttributionInterceptor).
 */
export const attribution = new AsyncLocalStorage<Attribution>();
