import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@lectern/config/config';
import { APP_CONFIG } from '@lectern/config/config.module';
import { Statement } from '@lectern/database/transaction.host';
import { IdempotencyRepository } from './idempotency.repository';
import { RegistrationErrors } from './registrations.errors';

/** How long a claimed Idempotency-Key blocks its twins before a crashed request's claim may be taken over. */
const IDEMPOTENCY_LEASE_MS = 60_000;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export interface IdempotentResult {
  status: number;
  /** The JSON text of the response, kept verbatim so that a replay is byte for byte the first response. */
  body: string;
  replayed: boolean;
}

/** Stores the response with the statements that made it: `work` runs it with them (TransactionHost.runAsOne). */
export type Completion = (body: string) => Statement;

/** Canonical JSON (sorted keys), so the same body always hashes the same whatever its key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The Idempotency-Key protocol: the key is claimed before the work, the response is stored in the work's own
 * transaction, so a replay returns exactly what the first request returned and a failure leaves nothing behind
 * but a released claim.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly idempotency: IdempotencyRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Refuses a malformed key before anything is read. */
  assertValidKey(key: string | undefined): void {
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) throw RegistrationErrors.idempotencyKeyInvalid();
  }

  /**
   * Runs `work` once per (user, key) and `request`: a twin with the same request gets the stored response, one
   * with another request a 422, one while the first is still running a 409. Without a key, `work` simply runs.
   */
  async once(
    userId: string,
    key: string | undefined,
    request: unknown,
    now: Date,
    status: number,
    work: (completion?: Completion) => Promise<string>,
  ): Promise<IdempotentResult> {
    if (key === undefined) return { status, body: await work(), replayed: false };
    const requestHash = createHash('sha256').update(canonical(request)).digest('hex');
    for (let attempt = 0; ; attempt += 1) {
      const claim = await this.idempotency.claim(userId, key, requestHash, now, new Date(now.getTime() + IDEMPOTENCY_LEASE_MS));
      if (claim.kind === 'gone' && attempt < 3) continue;
      if (claim.kind === 'stored' || claim.kind === 'in-flight') {
        if (claim.requestHash !== requestHash) throw RegistrationErrors.idempotencyKeyReused();
        if (claim.kind === 'in-flight') throw RegistrationErrors.idempotencyKeyInFlight();
        return { status: claim.status, body: claim.body, replayed: true };
      }
      if (claim.kind !== 'claimed') throw RegistrationErrors.idempotencyKeyInFlight();
      break;
    }
    const expiresAt = new Date(now.getTime() + this.config.registrations.idempotencyTtlSeconds * 1000);
    try {
      const body = await work((text) => this.idempotency.completion(userId, key, status, text, expiresAt));
      return { status, body, replayed: false };
    } catch (error) {
      await this.idempotency.release(userId, key);
      throw error;
    }
  }
}
