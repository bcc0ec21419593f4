import { Injectable } from '@nestjs/common';
import { remember } from '@lectern/caching/bounded.cache';
import { EventAccess, canSeeEvent } from '@lectern/domains/events/event-visibility.policy';
import { RenderedFeed } from './programme.types';
import { PagesFingerprint, PublicProgrammeRepository } from './public-programme.repository';

/** A feed as rendered from one state of the programme: the edition it belongs to and that state's stamp. */
export interface PublishedFeed extends RenderedFeed {
  eventId: string;
  stamp: string;
  /** The language it is written in. */
  language: string;
}

export interface CachedFeed extends PublishedFeed {
  type: string;
}

export interface ProgrammeState {
  fingerprint: PagesFingerprint;
  /** Names the release and everything the feeds show of it as it is now (public-programme.repository.ts). */
  stamp: string;
}

/**
 * How long a read of an edition's state is trusted, and how long it may still answer while a newer read is under
 * way (waiting for the database on every expiry would stall every request for the length of a query). Changes made
 * through this process (a release, a speaker's consent) are read at once; changes through another API process or a
 * profile edit show within STALE_MS.
 */
const TRUST_MS = 1000;
const STALE_MS = 2000;
const FEEDS = 500;

/**
 * The public feeds as last rendered, by the request that asks for them (edition slug, feed, requested language), so
 * the HTTP layer can answer a repeat request before any guard, pipe or controller runs. A feed is answered from
 * here only while the edition's state is the one it was rendered from; that state is read about once per TRUST_MS
 * per edition however many requests come, and at once after a change made here.
 */
@Injectable()
export class PublicFeedCache {
  private readonly feeds = new Map<string, CachedFeed>();
  private readonly states = new Map<string, { state: ProgrammeState | null; at: number }>();
  private readonly reading = new Map<string, { generation: number; promise: Promise<ProgrammeState | null> }>();
  /** Bumped by every change made here: a read that started before it does not count as current. */
  private generation = 0;

  constructor(private readonly pages: PublicProgrammeRepository) {}

  static keyOf(slug: string, kind: string, language: string | undefined): string {
    return `${slug}\n${kind}\n${language ?? ''}`;
  }

  /** The edition's programme state (null before its first release), as read at most STALE_MS ago. */
  async state(eventId: string): Promise<ProgrammeState | null> {
    const known = this.recent(eventId);
    return known ? known.state : this.read(eventId);
  }

  /** The state as last read if that was less than STALE_MS ago (starting a new read after TRUST_MS), without waiting. */
  private recent(eventId: string): { state: ProgrammeState | null } | undefined {
    const known = this.states.get(eventId);
    if (!known) return undefined;
    const age = performance.now() - known.at;
    if (age >= TRUST_MS) void this.read(eventId);
    return age < STALE_MS ? known : undefined;
  }

  /** One read of the state at a time per edition, however many requests ask. */
  private read(eventId: string): Promise<ProgrammeState | null> {
    const pending = this.reading.get(eventId);
    if (pending && pending.generation === this.generation) return pending.promise;
    const generation = this.generation;
    const promise = this.pages.fingerprint(eventId).then((fingerprint) => {
      const state = fingerprint && { fingerprint, stamp: `${fingerprint.releaseId}:${fingerprint.changedAt.getTime()}:${fingerprint.links}` };
      if (generation === this.generation) this.states.set(eventId, { state, at: performance.now() });
      return state;
    });
    this.reading.set(eventId, { generation, promise });
    // a failed read is not kept (the next request reads again), nor unhandled when no request waits for it
    const done = () => this.reading.get(eventId)?.promise === promise && this.reading.delete(eventId);
    void promise.then(done, done);
    return promise;
  }

  /** The feed last rendered for this request if what it shows has not changed since; undefined otherwise. */
  async current(key: string): Promise<CachedFeed | undefined> {
    const feed = this.feeds.get(key);
    if (!feed) return undefined;
    const state = await this.state(feed.eventId);
    return state?.stamp === feed.stamp ? feed : undefined;
  }

  /**
   * What current() would answer when it can answer without waiting for the database; undefined when the feed is
   * not kept, out of date, or the edition's state must be read first (the caller then goes the way that waits).
   */
  peek(key: string): CachedFeed | undefined {
    const feed = this.feeds.get(key);
    if (!feed) return undefined;
    return this.recent(feed.eventId)?.state?.stamp === feed.stamp ? feed : undefined;
  }

  /**
   * Keeps a feed for the request that asked for it: only of an edition anyone may see (a draft's feed, which an
   * organiser may read, must never be answered to someone else) and only under the language it is written in.
   */
  remember(access: EventAccess, kind: string, asked: string | undefined, feed: PublishedFeed, type: string): void {
    if (!canSeeEvent(access.event, [], undefined)) return;
    if (asked !== undefined && asked !== feed.language) return;
    const key = PublicFeedCache.keyOf(access.event.slug, kind, asked);
    this.feeds.delete(key);
    remember(this.feeds, FEEDS, key, { ...feed, type });
  }

  /** Something the feeds show changed here: every edition's state is read again before a feed is answered. */
  changed(): void {
    this.generation += 1;
    this.states.clear();
  }
}
