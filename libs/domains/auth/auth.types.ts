export interface AuthUser {
  id: string;
  email: string;
  isAdmin: boolean;
}

/** What a person may change about themselves; e-mails follow `locale` wherever an edition publishes in it. */
export interface UpdateProfileInput {
  name?: string;
  locale?: string;
  /** IANA time zone times are shown in besides an online edition's own; null: none. */
  timeZone?: string | null;
}

export interface Actor extends AuthUser {
  requestId: string;
}

/**
 * The caller of a route that reads their account itself (see AccountReadByRoute): the token's subject, checked for
 * signature and lifetime only. The route's service must read the account in its own statement and refuse the
 * request when it is gone, exactly as the guard would have.
 */
export interface Caller {
  id: string;
  requestId: string;
}
