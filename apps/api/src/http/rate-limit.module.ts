import { ExecutionContext, Injectable, Logger, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule, ThrottlerModuleOptions, ThrottlerRequest } from '@nestjs/throttler';
import { FastifyRequest } from 'fastify';
import { AppConfig } from '@lectern/config/config';
import { APP_CONFIG } from '@lectern/config/config.module';
import { CommonErrors, DomainError } from '@lectern/errors/domain.error';
import { RedisThrottlerStorage } from '@lectern/redis/redis-throttler.storage';
import { RedisService } from '@lectern/redis/redis.service';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const requestOf = (context: ExecutionContext) => context.switchToHttp().getRequest<FastifyRequest & { user?: { id: string } }>();

/**
 * Limits writes (sign-up, proposals, registrations, everything but reads) per client address and per signed-in
 * account, each over all write routes together. Runs after AuthGuard, so the account is known. When Redis cannot
 * count, the request goes through: the limit protects the service, and refusing every write while Redis is away
 * would be the outage it protects against.
 */
@Injectable()
export class WriteThrottlerGuard extends ThrottlerGuard {
  private readonly log = new Logger('WriteThrottlerGuard');

  protected override async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    try {
      return await super.handleRequest(request);
    } catch (error) {
      if (error instanceof DomainError) throw error;
      this.log.warn(`rate limit not counted: ${String(error)}`);
      return true;
    }
  }

  /** Reads are never counted: answered here before the throttlers' per-route metadata is looked up on every GET. */
  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    return Promise.resolve(READS.has(requestOf(context).method));
  }

  protected override throwThrottlingException(_context: ExecutionContext, detail: { timeToBlockExpire: number }): Promise<void> {
    throw CommonErrors.tooManyRequests(Math.max(1, detail.timeToBlockExpire));
  }
}

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG, RedisService],
      useFactory: (config: AppConfig, redis: RedisService): ThrottlerModuleOptions => {
        const ttl = config.rateLimits.windowSeconds * 1000;
        return {
          storage: new RedisThrottlerStorage(redis),
          setHeaders: false,
          generateKey: (_context: ExecutionContext, tracker: string, name: string) => `${name}:${tracker}`,
          throttlers: [
            { name: 'client', ttl, limit: config.rateLimits.writesPerClient, getTracker: (_request, context) => requestOf(context).ip },
            {
              name: 'account',
              ttl,
              limit: config.rateLimits.writesPerAccount,
              skipIf: (context: ExecutionContext) => !requestOf(context).user,
              getTracker: (_request, context) => requestOf(context).user?.id ?? '',
            },
          ],
        };
      },
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: WriteThrottlerGuard }],
})
export class RateLimitModule {}
