import { ScopedStorage } from '@lectern/context/scoped.storage';

export interface Attribution {
  /**
   * The API token a request came with, once the API has checked it: its changes are audited as the token's creator,
   * through this token. Null while the token is not yet checked.
   */
  apiTokenId: string | null;
}

/**
 * The request's API token, for every audit entry written while the request runs, without each service passing it
 * on: the API opens the context for requests that carry a token (installAttribution) and its AuthGuard fills it in.
 */
export const attribution = new ScopedStorage<Attribution>();
