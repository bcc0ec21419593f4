import { AsyncLocalStorage } from 'node:async_hooks';
import { Algorithm } from '@node-rs/argon2';
import { Clock } from '@lectern/clock/clock';
import { isUniqueViolation } from '@lectern/database/prisma-errors';
import { EventRole } from '@lectern/database/generated/enums';
import { AuthRepository } from '@lectern/domains/auth/auth.repository';
import { Actor } from '@lectern/domains/auth/auth.types';
import { EventCall } from '@lectern/domains/events/event-visibility.policy';

/** What the demo shares between its editions' builders. */

/** An organiser calling a route that checks them in its own statement (EventCall), as the API's guard would hand it. */
export const organiserCall = (organiser: Actor, slug: string): EventCall => ({
  callerId: organiser.id,
  requestId: organiser.requestId,
  slug,
  allowed: [EventRole.ORGANISER],
});

export const ARGON2 = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Runs `work` over `items` with at most `concurrency` in flight; the first failure stops the rest and is thrown. */
export async function each<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const runner = async () => {
    while (!failure && next < items.length) {
      const index = next++;
      try {
        await work(items[index], index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, runner));
  if (failure) throw failure.error;
}

/**
 * Replays the past on the application's own clock: each operation runs "at" its planned instant, so the CFP deadline,
 * ticket sales windows and check-in days are judged as they were then, and the stored times tell a plausible story.
 * Per async context, so sixteen operations in flight each see their own instant.
 */
export class Timeline {
  private readonly instant = new AsyncLocalStorage<number>();
  private readonly original: () => Date;

  constructor(private readonly clock: Clock) {
    const original = clock.now.bind(clock);
    this.original = original;
    const instant = this.instant;
    clock.now = () => {
      const at = instant.getStore();
      return at === undefined ? original() : new Date(at);
    };
  }

  at<T>(when: Date, work: () => Promise<T>): Promise<T> {
    return this.instant.run(when.getTime(), work);
  }

  restore(): void {
    this.clock.now = this.original;
  }
}

export const later = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);


/**
 * A demo person's account: the one an earlier, interrupted run made (looked up first when `lookFirst`), or a new
 * one; a concurrent insert of the same address is taken as made.
 */
export async function demoAccount(
  users: AuthRepository,
  person: { email: string; name: string; locale: string },
  passwordHash: string,
  lookFirst: boolean,
) {
  let user = lookFirst ? await users.findByEmail(person.email) : null;
  try {
    user ??= await users.createUser({ email: person.email, passwordHash, name: person.name, locale: person.locale });
  } catch (error) {
    if (!isUniqueViolation(error, 'email')) throw error;
    user = await users.findByEmail(person.email);
    if (!user) throw error;
  }
  return user;
}
