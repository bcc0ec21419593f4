export interface AuthUser {
  id: string;
  email: string;
  isAdmin: boolean;
}

export interface Actor extends AuthUser {
  requestId: string;
}
