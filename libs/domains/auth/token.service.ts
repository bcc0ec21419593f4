import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@lectern/config/config';
import { APP_CONFIG } from '@lectern/config/config.module';
import { AuthErrors } from './auth.errors';

export interface TokenClaims {
  sub: string;
  iat: number;
  exp: number;
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

/** Bearer tokens are compact HS256 JWTs signed with TOKEN_SECRET; only the user id and lifetime are inside. */
@Injectable()
export class TokenService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** A token for `userId`, valid for TOKEN_TTL_SECONDS unless a shorter life is asked for. */
  issue(userId: string, now = new Date(), ttlSeconds = this.config.auth.tokenTtlSeconds): { token: string; expiresAt: Date } {
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + Math.min(ttlSeconds, this.config.auth.tokenTtlSeconds);
    const payload = Buffer.from(JSON.stringify({ sub: userId, iat, exp } satisfies TokenClaims)).toString('base64url');
    return { token: `${HEADER}.${payload}.${this.sign(`${HEADER}.${payload}`)}`, expiresAt: new Date(exp * 1000) };
  }

  verify(token: string, now = new Date()): TokenClaims {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== HEADER) throw AuthErrors.tokenInvalid();
    const expected = Buffer.from(this.sign(`${parts[0]}.${parts[1]}`));
    const given = Buffer.from(parts[2]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw AuthErrors.tokenInvalid();
    }
    let claims: TokenClaims;
    try {
      claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as TokenClaims;
    } catch {
      throw AuthErrors.tokenInvalid();
    }
    if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') throw AuthErrors.tokenInvalid();
    if (claims.exp * 1000 <= now.getTime()) throw AuthErrors.tokenExpired();
    return claims;
  }

  private sign(input: string): string {
    return createHmac('sha256', this.config.auth.tokenSecret).update(input).digest('base64url');
  }
}
