import { FastifyInstance } from 'fastify';
import { attribution } from '@lectern/audit/attribution';
import { ApiTokensService } from '@lectern/domains/integrations/api-tokens.service';

/**
 * A request that comes with an API token runs inside an attribution, which AuthGuard fills in with the token once
 * it has checked it; every audit entry the request writes then names the token. A fastify hook rather than a Nest
 * interceptor: the context is opened only for token requests, and no request pays for an RxJS pipeline. It runs
 * after the body is parsed, so the context spans the whole of guards, pipes and handler.
 */
export function installAttribution(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', (request, _reply, done) => {
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token || !ApiTokensService.isApiToken(token)) return done();
    attribution.run({ apiTokenId: null }, done);
  });
}
