import { CanActivate, ExecutionContext, Inject, Injectable, Logger, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { FastifyRequest } from 'fastify';
import { AppConfig } from '@lectern/config/config';
import { APP_CONFIG } from '@lectern/config/config.module';
import { CommonErrors } from '@lectern/errors/domain.error';
import { RedisWriteLimits, WriteLimit } from '@lectern/redis/redis-write-limits';
import { RedisService } from '@lectern/redis/redis.service';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Limits writes (sign-up, proposals, registrations, everything but reads) per client address and per signed-in
 * account, each over all write routes together, both counted in one Redis call. Runs after AuthGuard, so the
 * account is known (resolved by the guard, or named by the token on a route that reads the account itself). When
 * Redis cannot count, the request goes through: the limit protects the service, and refusing every write while
 * Redis is away would be the outage it protects against. Counted here rather than through @nestjs/throttler, whose
 * storage takes one Redis round trip per limit: on the contended registration route the two calls were 8 to 11% of
 * the API's busy time (README, Performance).
 */
@Injectable()
export class WriteLimitGuard implements CanActivate {
  private readonly log = new Logger('WriteLimitGuard');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly limits: RedisWriteLimits,
  ) {}

  /** A read answers at once: Nest awaits only a guard's promise, and every request passes this guard. */
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    return READS.has(request.method) || this.countWrite(request);
  }

  private async countWrite(request: FastifyRequest): Promise<boolean> {
    const { writesPerClient, writesPerAccount, windowSeconds } = this.config.rateLimits;
    // the keys read as @nestjs/throttler's did (`<name>:<name>:<tracker>`), so counts carry over a rolling deploy
    const limits: WriteLimit[] = [{ key: `client:client:${request.ip}`, limit: writesPerClient }];
    const account = request.user?.id ?? request.tokenSubject;
    if (account) limits.push({ key: `account:account:${account}`, limit: writesPerAccount });
    let retryAfter: number;
    try {
      retryAfter = await this.limits.count(limits, windowSeconds * 1000);
    } catch (error) {
      this.log.warn(`rate limit not counted: ${String(error)}`);
      return true;
    }
    if (retryAfter > 0) throw CommonErrors.tooManyRequests(retryAfter);
    return true;
  }
}

@Module({
  providers: [
    { provide: RedisWriteLimits, inject: [RedisService], useFactory: (redis: RedisService) => new RedisWriteLimits(redis) },
    { provide: APP_GUARD, useClass: WriteLimitGuard },
  ],
})
export class RateLimitModule {}
