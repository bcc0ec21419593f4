import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { FastifyRequest } from 'fastify';
import { CommonErrors, FieldError } from '@lectern/errors/domain.error';

const BODY_ARGUMENT = `${RouteParamtypes.BODY}:`;

/**
 * A route that declares no @Body() never passes one to the validation pipe, so fields sent to it would be dropped
 * without a word. They are refused like unknown fields anywhere else: the caller may believe they did something.
 * A guard rather than an interceptor: an interceptor wraps every request's handler in an RxJS pipeline, which
 * profiling showed as a measurable share of a cheap read; a guard is one synchronous call. It is registered after
 * the authentication guards, so a caller who may not use the route learns that first.
 */
@Injectable()
export class BodilessRouteGuard implements CanActivate {
  private readonly readsBody = new WeakMap<object, boolean>();

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const body = context.switchToHttp().getRequest<FastifyRequest>().body;
    if (body === undefined || body === null || this.routeReadsBody(context)) return true;
    const errors: FieldError[] =
      typeof body === 'object' && !Array.isArray(body)
        ? Object.keys(body).map((field) => ({ field, code: 'unknownField' }))
        : [{ field: '(body)', code: 'isObject' }];
    if (errors.length > 0) throw CommonErrors.validation(errors);
    return true;
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
