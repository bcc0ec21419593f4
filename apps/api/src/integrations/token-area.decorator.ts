import { RequestMethod, SetMetadata } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ApiSecurity } from '@nestjs/swagger';
import { TokenAccess, TokenArea, accessOf } from '@lectern/domains/integrations/api-token.scopes';

export const TOKEN_AREA = 'lectern:token-area';

/** The security scheme of API tokens in the OpenAPI document; each operation open to them lists the scope it needs. */
export const API_TOKEN_SCHEME = 'apiToken';

export interface RequiredScope {
  area: TokenArea;
  access: TokenAccess;
}

/**
 * Opens the controller's routes under `/events/:slug/...` to API tokens with a scope of `area`: reads (GET, HEAD)
 * need `<area>:read`, everything else `<area>:write`. Routes of a controller without it refuse API tokens, and
 * so does every route without a `:slug` (a token belongs to editions, not to a person's own pages).
 */
export function ApiTokenArea(area: TokenArea): ClassDecorator {
  return (target) => {
    const prototype = (target as unknown as { prototype: Record<string, unknown> }).prototype;
    for (const key of Object.getOwnPropertyNames(prototype)) {
      const descriptor = Object.getOwnPropertyDescriptor(prototype, key);
      const handler = descriptor?.value as object | undefined;
      if (key === 'constructor' || typeof handler !== 'function') continue;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined || Reflect.getMetadata(TOKEN_AREA, handler) !== undefined) continue;
      const access = accessOf(RequestMethod[method]);
      SetMetadata(TOKEN_AREA, { area, access } satisfies RequiredScope)(prototype, key, descriptor!);
      if (hasSlug(target, handler)) ApiSecurity(API_TOKEN_SCHEME, [`${area}:${access}`])(prototype, key, descriptor!);
    }
  };
}

function hasSlug(controller: object, handler: object): boolean {
  const paths = [Reflect.getMetadata(PATH_METADATA, controller), Reflect.getMetadata(PATH_METADATA, handler)] as unknown[];
  return paths.some((path) => typeof path === 'string' && /(^|\/):slug(\/|$)/.test(path));
}
