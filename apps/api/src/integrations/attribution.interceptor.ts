import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { attribution } from '@lectern/audit/attribution';

/** Runs a handler called with an API token inside the token's attribution, so its audit entries name the token. */
@Injectable()
export class AttributionInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const token = context.switchToHttp().getRequest<FastifyRequest>().apiToken;
    if (!token) return next.handle();
    // the handler runs when the stream is subscribed to, so subscribing inside run() puts it in the context
    return new Observable((subscriber) => attribution.run({ apiTokenId: token.id }, () => next.handle().subscribe(subscriber)));
  }
}
