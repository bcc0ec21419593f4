/**
 * What an API token may touch: an area of the API, to read or to write. Write includes read. A scope only narrows
 * what the token's creator may do: every request also passes the route's own role checks as the creator, with the
 * roles the creator holds at that moment.
 */
export const TOKEN_AREAS = ['proposals', 'reviews', 'registrations', 'checkin', 'reports', 'programme', 'facts'] as const;
export type TokenArea = (typeof TOKEN_AREAS)[number];
export type TokenAccess = 'read' | 'write';
export type TokenScope = `${TokenArea}:${TokenAccess}`;

export const TOKEN_SCOPES: TokenScope[] = TOKEN_AREAS.flatMap((area) => [`${area}:read`, `${area}:write`] as TokenScope[]);

/** A check-in device can scan badges and read the day's counts of its edition, nothing else. */
export const DEVICE_SCOPES: TokenScope[] = ['checkin:read', 'checkin:write'];

/** Opaque bearer secrets start with this, so they are recognisable (secret scanners, logs) and told from sessions. */
export const API_TOKEN_PREFIX = 'lct_';

export function isTokenScope(value: string): value is TokenScope {
  return (TOKEN_SCOPES as string[]).includes(value);
}

export function grants(scopes: readonly string[], area: TokenArea, access: TokenAccess): boolean {
  return scopes.includes(`${area}:${access}`) || (access === 'read' && scopes.includes(`${area}:write`));
}

/** The scope a request needs: reads are GET and HEAD, everything else writes. */
export function accessOf(method: string): TokenAccess {
  return method === 'GET' || method === 'HEAD' ? 'read' : 'write';
}
