import { Inject, Injectable } from '@nestjs/common';
import { JWTPayload, SignJWT, errors, jwtVerify } from 'jose';
import { AppConfig } from '@lectern/config/config';
import { APP_CONFIG } from '@lectern/config/config.module';
import { remember } from '@lectern/caching/bounded.cache';
import { AuthErrors } from './auth.errors';

export interface TokenClaims {
  sub: string;
  iat: number;
  exp: number;
}

const ALGORITHM = 'HS256';

/**
 * Bearer tokens are compact HS256 JWTs (jose) with only the user id and lifetime inside, signed with the current
 * key and naming it in `kid`. Tokens signed with an older key that is still listed verify until they expire, so a
 * key is rotated without signing anybody out. Whatever a token says, the server bounds it: a lifetime longer than
 * TOKEN_TTL_SECONDS or an `iat` ahead of the clock (beyond TOKEN_CLOCK_SKEW_SECONDS) is refused, since only a
 * leaked key could have made it.
 */
const USER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Verified tokens kept per process (a few MB at most); the oldest leaves first. */
const VERIFIED_KEPT = 10_000;

@Injectable()
export class TokenService {
  private readonly keys: Map<string, Uint8Array>;
  private readonly signingKey: Uint8Array;
  /**
   * Tokens this process has verified, by their text: a token's signature and claims never change, and checking
   * them again on each of its requests (HMAC, base64, JSON) cost about 0.08 ms of CPU a request (profiled on the
   * organisers' list, paged through with one token). Its expiry and `iat` are still checked on every use; the
   * account, its roles and revocation are read on every request as before, by the callers.
   */
  private readonly verified = new Map<string, TokenClaims>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const encode = (secret: string) => new TextEncoder().encode(secret);
    this.signingKey = encode(config.auth.tokenSecret);
    this.keys = new Map([
      ...config.auth.previousTokenKeys.map(({ id, secret }) => [id, encode(secret)] as const),
      [config.auth.tokenKeyId, this.signingKey],
    ]);
  }

  /** A token for `userId`, valid for TOKEN_TTL_SECONDS unless a shorter life is asked for. */
  async issue(userId: string, now = new Date(), ttlSeconds = this.config.auth.tokenTtlSeconds): Promise<{ token: string; expiresAt: Date }> {
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + Math.min(ttlSeconds, this.config.auth.tokenTtlSeconds);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT', kid: this.config.auth.tokenKeyId })
      .setSubject(userId)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(this.signingKey);
    return { token, expiresAt: new Date(exp * 1000) };
  }

  async verify(token: string, now = new Date()): Promise<TokenClaims> {
    const known = this.verified.get(token);
    if (known) return this.inTime(known, now);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(
        token,
        (header) => {
          const key = header.kid === undefined ? undefined : this.keys.get(header.kid);
          if (!key) throw AuthErrors.tokenInvalid();
          return key;
        },
        { algorithms: [ALGORITHM], currentDate: now, requiredClaims: ['sub', 'iat', 'exp'] },
      ));
    } catch (error) {
      throw error instanceof errors.JWTExpired ? AuthErrors.tokenExpired() : AuthErrors.tokenInvalid();
    }
    const { sub, iat, exp } = payload;
    // users are keyed by UUID: any other subject can only come from a leaked key, and would reach the database as is
    if (typeof sub !== 'string' || !USER_ID.test(sub) || typeof iat !== 'number' || typeof exp !== 'number') throw AuthErrors.tokenInvalid();
    if (exp - iat > this.config.auth.tokenTtlSeconds) throw AuthErrors.tokenInvalid();
    const claims = this.inTime({ sub, iat, exp }, now);
    return remember(this.verified, VERIFIED_KEPT, token, claims);
  }

  /** What jose checks of the time (expiry, as of `now` in whole seconds) and the bound on `iat`, for a known token. */
  private inTime(claims: TokenClaims, now: Date): TokenClaims {
    if (claims.exp <= Math.floor(now.getTime() / 1000)) throw AuthErrors.tokenExpired();
    if (claims.iat > now.getTime() / 1000 + this.config.auth.tokenClockSkewSeconds) throw AuthErrors.tokenInvalid();
    return claims;
  }
}
