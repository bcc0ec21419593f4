export interface AuthUser {
  id: string;
  email: string;
  isAdmin: boolean;
}

/** What a person may change about themselves; e-mails follow `locale` wherever an edition publishes in it. */
export interface UpdateProfileInput {
  name?: string;
  locale?: string;
}

export interface Actor extends AuthUser {
  requestId: string;
}
