import { FastifyInstance, FastifyRequest } from 'fastify';
import { attribution } from '@lectern/audit/attribution';
import { OpenContext } from '@lectern/context/scoped.storage';
import { ApiTokensService } from '@lectern/domains/integrations/api-tokens.service';

const CONTEXT = Symbol('attribution');
type Attributed = FastifyRequest & { [CONTEXT]?: OpenContext };

/**
 * A request that comes with an API token runs inside an attribution, which AuthGuard fills in with the token once
 * it has checked it; every audit entry the request writes then names the token. A fastify hook rather than a Nest
 * interceptor: the context is opened only for token requests, and no request pays for an RxJS pipeline. It runs
 * after the body is parsed, so the context spans the whole of guards, pipes and handler; it closes when the answer
 * is sent.
 */
export function installAttribution(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', (request: Attributed, _reply, done) => {
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token || !ApiTokensService.isApiToken(token)) return done();
    const context = attribution.open({ apiTokenId: null });
    request[CONTEXT] = context;
    context.run(done);
  });
  // The request's work, audit entries included, is over once its answer (a result or a problem) is being sent, even
  // when the caller has gone; onResponse as well for an answer sent around Fastify's reply (hijacked).
  fastify.addHook('onSend', (request: Attributed, _reply, payload, done) => {
    request[CONTEXT]?.close();
    done(null, payload);
  });
  fastify.addHook('onResponse', (request: Attributed, _reply, done) => {
    request[CONTEXT]?.close();
    done();
  });
}
