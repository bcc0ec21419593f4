import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@lectern/audit/audit.repository';
import { Clock } from '@lectern/clock/clock';
import { ApiTokenKind, EventRole } from '@lectern/database/generated/enums';
import { TransactionHost } from '@lectern/database/transaction.host';
import { AuthErrors } from '@lectern/domains/auth/auth.errors';
import { Actor, AuthUser } from '@lectern/domains/auth/auth.types';
import { EventErrors } from '@lectern/domains/events/events.errors';
import { EventAccess, isOrganiser } from '@lectern/domains/events/event-visibility.policy';
import { API_TOKEN_PREFIX, DEVICE_SCOPES, TokenAccess, TokenArea, grants } from './api-token.scopes';
import { ApiTokenRecord, ApiTokensRepository } from './api-tokens.repository';
import { ApiTokenGrant, CreateApiTokenInput } from './api-tokens.types';
import { IntegrationErrors } from './integrations.errors';

/** Longest lifetime of a token: integrations are renewed at least yearly, so forgotten ones die. */
export const MAX_TOKEN_DAYS = 366;

const sha256 = (secret: string) => createHash('sha256').update(secret).digest('hex');

export interface AuthenticatedToken {
  user: AuthUser;
  grant: ApiTokenGrant;
}

@Injectable()
export class ApiTokensService {
  constructor(
    private readonly tokens: ApiTokensRepository,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
  ) {}

  static isApiToken(bearer: string): boolean {
    return bearer.startsWith(API_TOKEN_PREFIX);
  }

  /**
   * Creates a token and returns its secret, the only time it is shown. The creator must hold a role where the
   * token applies (for a device: check-in staff or organiser of the edition): a token of someone without one could
   * do nothing anyway, and refusing says so at once.
   */
  async create(actor: Actor, input: CreateApiTokenInput): Promise<{ token: ApiTokenRecord; secret: string }> {
    const kind = input.kind ?? ApiTokenKind.INTEGRATION;
    const now = this.clock.now();
    const expiresAt = new Date(input.expiresAt);
    if (!(expiresAt.getTime() > now.getTime()) || expiresAt.getTime() > now.getTime() + MAX_TOKEN_DAYS * 86_400_000) {
      throw IntegrationErrors.tokenExpiryInvalid(MAX_TOKEN_DAYS);
    }
    if ((input.eventSlug === undefined) === (input.seriesSlug === undefined)) throw IntegrationErrors.tokenTargetRequired();
    if (kind === ApiTokenKind.CHECKIN_DEVICE && input.eventSlug === undefined) throw IntegrationErrors.tokenTargetRequired();

    let eventId: string | null = null;
    let seriesId: string | null = null;
    if (input.eventSlug !== undefined) {
      const event = await this.tokens.findEventTarget(input.eventSlug);
      if (!event) throw EventErrors.notFound(input.eventSlug);
      const roles = await this.tokens.rolesIn(event.id, actor.id);
      const needed: EventRole[] | null = kind === ApiTokenKind.CHECKIN_DEVICE ? [EventRole.CHECKIN_STAFF, EventRole.ORGANISER] : null;
      const allowed = actor.isAdmin || (needed ? roles.some((r) => needed.includes(r)) : roles.length > 0);
      // an edition the caller has nothing to do with may be a draft: the same answer as for a missing one
      if (!allowed && roles.length === 0 && !actor.isAdmin) throw EventErrors.notFound(input.eventSlug);
      if (!allowed) throw IntegrationErrors.tokenNoRole();
      eventId = event.id;
    } else if (input.seriesSlug !== undefined) {
      const series = await this.tokens.findSeries(input.seriesSlug);
      if (!series) throw EventErrors.seriesNotFound(input.seriesSlug);
      if (!actor.isAdmin && !(await this.tokens.holdsRoleInSeries(series.id, actor.id))) throw IntegrationErrors.tokenNoRole();
      seriesId = series.id;
    }

    const secret = API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const scopes = kind === ApiTokenKind.CHECKIN_DEVICE ? DEVICE_SCOPES : [...new Set(input.scopes ?? [])].sort();
    const token = await this.tx.run(async () => {
      const created = await this.tokens.create({
        kind,
        name: input.name.trim(),
        tokenHash: sha256(secret),
        displayPrefix: secret.slice(0, API_TOKEN_PREFIX.length + 6),
        createdById: actor.id,
        eventId,
        seriesId,
        scopes,
        expiresAt,
      });
      await this.audit.record({
        eventId,
        actorId: actor.id,
        requestId: actor.requestId,
        action: 'api_token.created',
        entityType: 'api_token',
        entityId: created.id,
        after: { name: created.name, kind, scopes, seriesId, expiresAt: expiresAt.toISOString() },
      });
      return created;
    });
    return { token, secret };
  }

  /**
   * Resolves a secret to its creator and grant. The creator's admin flag is read now, like their roles later on:
   * what a token may do follows what its creator may do at the time of use.
   */
  async authenticate(secret: string): Promise<AuthenticatedToken> {
    const found = await this.tokens.findByHash(sha256(secret));
    if (!found || found.revokedAt !== null) throw AuthErrors.tokenInvalid();
    if (found.expiresAt.getTime() <= this.clock.now().getTime()) throw AuthErrors.tokenExpired();
    await this.tokens.touch(found.id);
    return {
      user: found.createdBy,
      grant: { id: found.id, kind: found.kind, scopes: found.scopes, eventId: found.eventId, seriesId: found.seriesId },
    };
  }

  /**
   * A token reaches only routes that declare an area, only in its edition (or series), and only with the scope the
   * request needs. The route's role checks still run afterwards, as the creator.
   */
  async authorize(grant: ApiTokenGrant, required: { area: TokenArea; access: TokenAccess } | undefined, slug: string | undefined) {
    if (!required || slug === undefined) throw IntegrationErrors.tokenRouteNotAllowed();
    const event = await this.tokens.findEventTarget(slug);
    // a missing edition is the route's 404 to give
    if (event && event.id !== grant.eventId && event.seriesId !== grant.seriesId) throw IntegrationErrors.tokenWrongEvent();
    if (!grants(grant.scopes, required.area, required.access)) throw IntegrationErrors.tokenScopeMissing(`${required.area}:${required.access}`);
  }

  listMine(actor: Actor) {
    return this.tokens.listOfCreator(actor.id);
  }

  listOfEvent(access: EventAccess) {
    return this.tokens.listOfEvent(access.event.id);
  }

  /** Its creator may revoke a token; so may an organiser of its edition (a lost scanner, a leaving volunteer). */
  async revoke(actor: Actor, id: string, access?: EventAccess): Promise<void> {
    await this.tx.run(async () => {
      const token = await this.tokens.find(id);
      const mayRevoke =
        token !== null &&
        (access ? token.eventId === access.event.id && isOrganiser(access.roles, actor) : token.createdById === actor.id);
      if (!token || !mayRevoke) throw IntegrationErrors.tokenNotFound();
      await this.tokens.markRevoked(id);
      await this.audit.record({
        eventId: token.eventId,
        actorId: actor.id,
        requestId: actor.requestId,
        action: 'api_token.revoked',
        entityType: 'api_token',
        entityId: id,
        before: { name: token.name, kind: token.kind, scopes: token.scopes },
      });
    });
  }

}
