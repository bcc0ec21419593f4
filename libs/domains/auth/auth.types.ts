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
