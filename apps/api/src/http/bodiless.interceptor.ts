import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { CommonErrors, FieldError } from '@lectern/errors/domain.error';

const BODY_ARGUMENT = `${RouteParamtypes.BODY}:`;

/**
 * A route that declares no @Body() never passes one to the validation pipe, so fields sent to it would be dropped
 * without a word. They are refused like unknown fields anywhere else: the caller may believe they did something.
 */
@Injectable()
export class BodilessRouteInterceptor implements NestInterceptor {
  private readonly readsBody = new WeakMap<object, boolean>();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const body = context.switchToHttp().getRequest<FastifyRequest>().body;
      if (body !== undefined && body !== null && !this.routeReadsBody(context)) {
        const errors: FieldError[] =
          typeof body === 'object' && !Array.isArray(body)
            ? Object.keys(body).map((field) => ({ field, code: 'unknownField' }))
            : [{ field: '(body)', code: 'isObject' }];
        if (errors.length > 0) throw CommonErrors.validation(errors);
      }
    }
    return next.handle();
  }

  private routeReadsBody(context: ExecutionContext): boolean {
    const handler = context.getHandler();
    let reads = this.readsBody.get(handler);
    if (reads === undefined) {
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), handler.name) ?? {}) as Record<string, unknown>;
      reads = Object.keys(args).some((key) => key.startsWith(BODY_ARGUMENT));
      this.readsBody.set(handler, reads);
    }
    return reads;
  }
}
