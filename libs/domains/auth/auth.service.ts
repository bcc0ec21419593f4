import { isIanaTimeZone } from '@lectern/clock/zoned-time';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@lectern/config/config';
import { APP_CONFIG } from '@lectern/config/config.module';
import { isUniqueViolation } from '@lectern/database/prisma-errors';
import { AuthErrors } from './auth.errors';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { TransactionHost } from '@lectern/database/transaction.host';
import { AuthRepository, UserRecord } from './auth.repository';
import { TokenService } from './token.service';
import { Actor, UpdateProfileInput } from './auth.types';

/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. */
const ARGON2 = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export interface Session {
  token: string;
  expiresAt: Date;
  user: UserRecord;
}

@Injectable()
export class AuthService {
  /** Verified against when the e-mail is unknown, so a wrong address costs as long as a wrong password. */
  private dummyHash: Promise<string> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: AuthRepository,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
    private readonly tokens: TokenService,
  ) {}

  async signUp(input: { email: string; password: string; name: string; locale?: string }): Promise<Session> {
    const passwordHash = await hash(input.password, ARGON2);
    try {
      const user = await this.users.createUser({
        email: normaliseEmail(input.email),
        passwordHash,
        name: input.name.trim(),
        locale: input.locale ?? 'en',
      });
      return { ...(await this.tokens.issue(user.id)), user };
    } catch (error) {
      if (isUniqueViolation(error, 'email')) throw AuthErrors.emailTaken();
      throw error;
    }
  }

  /**
   * Every attempt counts against the account and against the client address, before the password is checked,
   * so parallel guesses cannot outrun the limit. A successful sign-in clears the account's counter.
   */
  async logIn(input: { email: string; password: string }, clientAddress: string): Promise<Session> {
    const email = normaliseEmail(input.email);
    const window = this.config.auth.loginWindowSeconds;
    const [account, client] = await Promise.all([
      this.users.countAttempt(`account:${email}`, window),
      this.users.countAttempt(`client:${clientAddress}`, window),
    ]);
    const over = [
      account.count > this.config.auth.maxFailuresPerAccount ? account.expiresAt : null,
      client.count > this.config.auth.maxAttemptsPerClient ? client.expiresAt : null,
    ].filter((d): d is Date => d !== null);
    if (over.length > 0) {
      const until = Math.max(...over.map((d) => d.getTime()));
      const retryAfter = Math.max(1, Math.ceil((until - Date.now()) / 1000));
      throw AuthErrors.tooManyAttempts(retryAfter);
    }

    const found = await this.users.findCredentials(email);
    const valid = await verify(found?.passwordHash ?? (await this.getDummyHash()), input.password);
    if (!found || !valid) throw AuthErrors.invalidCredentials();
    await this.users.clearAttempts(`account:${email}`);
    const { passwordHash: _ignored, ...user } = found;
    return { ...(await this.tokens.issue(user.id)), user };
  }

  /**
   * Whose the token is, by its signature and lifetime alone: for a caller whose account the same request reads
   * together with other rows (EventAccessService.accessAs, or a route marked AccountReadByRoute), which then refuses
   * it as `authenticate` would.
   */
  async tokenSubject(token: string): Promise<string> {
    return (await this.tokens.verify(token)).sub;
  }

  /** Resolves a bearer token to its user; a token whose user no longer exists is invalid. */
  async authenticate(token: string): Promise<UserRecord> {
    const claims = await this.tokens.verify(token);
    const user = await this.users.findById(claims.sub);
    if (!user) throw AuthErrors.tokenInvalid();
    return user;
  }

  async updateProfile(actor: Actor, input: UpdateProfileInput) {
    if (typeof input.timeZone === 'string' && !isIanaTimeZone(input.timeZone)) throw AuthErrors.timeZoneInvalid(input.timeZone);
    await this.users.updateUser(actor.id, { name: input.name?.trim(), locale: input.locale, timeZone: input.timeZone });
    return this.me(actor.id);
  }

  async me(userId: string) {
    const [user, grants] = await Promise.all([this.users.findById(userId), this.users.rolesOf(userId)]);
    if (!user) throw AuthErrors.tokenInvalid();
    return {
      ...user,
      roles: grants.map((g) => ({ eventSlug: g.event.slug, eventName: g.event.name, role: g.role })),
    };
  }

  /** Creates the administrator, or makes an existing account one and resets its password. Idempotent. */
  async ensureAdmin(rawEmail: string, password: string): Promise<{ user: UserRecord; created: boolean }> {
    const email = normaliseEmail(rawEmail);
    const passwordHash = await hash(password, ARGON2);
    return this.tx.run(async () => {
      const existing = await this.users.findByEmail(email);
      const user = existing
        ? await this.users.updateUser(existing.id, { passwordHash, isAdmin: true })
        : await this.users.createUser({ email, passwordHash, name: 'Administrator', locale: 'en', isAdmin: true });
      if (!existing?.isAdmin) {
        await this.audit.record({
          action: existing ? 'user.promoted_to_admin' : 'user.admin_created',
          entityType: 'user',
          entityId: user.id,
          before: existing ? { isAdmin: existing.isAdmin } : null,
          after: { isAdmin: true },
        });
      }
      return { user, created: !existing };
    });
  }

  private getDummyHash(): Promise<string> {
    this.dummyHash ??= hash('lectern-timing-equaliser', ARGON2);
    return this.dummyHash;
  }
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
