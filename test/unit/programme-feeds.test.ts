import { describe, expect, it } from 'vitest';
import { numericId } from '@lectern/domains/programme/c3voc.render';
import { submissionCode } from '@lectern/domains/cfp/submission-code.policy';
import { frabSlug, xmlText } from '@lectern/domains/programme/feeds.frab.render';
import { feedHistory } from '@lectern/domains/programme/feeds.history';
import { ReleasedSession } from '@lectern/domains/programme/release.policy';

const at = (id: string, roomId: string, startsAt: string): ReleasedSession => ({
  submissionId: id,
  code: `KC-${id.toUpperCase()}`,
  title: `Talk ${id}`,
  roomId,
  startsAt,
  endsAt: startsAt.replace(':00:00', ':35:00'),
  speakerIds: [`speaker-${id}`],
});

describe('feed history: SEQUENCE and sessions cancelled after release', () => {
  it('bumps SEQUENCE only when a session is placed, moved, dropped or brought back', () => {
    const v1 = [at('a', 'r1', '2030-06-24T01:00:00Z'), at('b', 'r1', '2030-06-24T02:00:00Z'), at('c', 'r2', '2030-06-24T01:00:00Z')];
    const v2 = [at('a', 'r1', '2030-06-24T01:00:00Z'), at('b', 'r2', '2030-06-24T02:00:00Z')];
    const v3 = [at('a', 'r1', '2030-06-24T01:00:00Z'), at('b', 'r2', '2030-06-24T02:00:00Z'), at('d', 'r2', '2030-06-24T03:00:00Z')];
    const v4 = [...v3, at('c', 'r1', '2030-06-25T01:00:00Z')];

    expect(feedHistory([{ version: 1, sessions: v1 }]).cancelled).toEqual([]);
    const second = feedHistory([{ version: 2, sessions: v2 }, { version: 1, sessions: v1 }]);
    expect(Object.fromEntries(second.sequence)).toEqual({ a: 1, b: 2, c: 2 });
    expect(second.cancelled).toEqual([{ ...at('c', 'r2', '2030-06-24T01:00:00Z'), cancelledIn: 2 }]);

    // still cancelled a release later, with the SEQUENCE of its cancellation
    const third = feedHistory([{ version: 1, sessions: v1 }, { version: 2, sessions: v2 }, { version: 3, sessions: v3 }]);
    expect(third.cancelled.map((s) => [s.submissionId, s.cancelledIn])).toEqual([['c', 2]]);
    expect(Object.fromEntries(third.sequence)).toEqual({ a: 1, b: 2, c: 2, d: 3 });

    // back in the programme: no longer cancelled, SEQUENCE above the cancellation's
    const fourth = feedHistory([v1, v2, v3, v4].map((sessions, i) => ({ version: i + 1, sessions })));
    expect(fourth.cancelled).toEqual([]);
    expect(fourth.sequence.get('c')).toBe(4);
  });
});

describe('frab and c3voc identifiers', () => {
  it('gives every code of a CFP its own positive integer id', () => {
    const ids = new Set(Array.from({ length: 5000 }, (_, n) => numericId(submissionCode('KCC19', n + 1))));
    expect(ids.size).toBe(5000);
    expect([...ids].every((id) => Number.isSafeInteger(id) && id > 0)).toBe(true);
    expect(numericId('KCC19-7F3K')).toBe(numericId('KCC19-7F3K'));
  });

  it('writes slugs the XSD accepts and escapes what XML must not carry raw', () => {
    expect(frabSlug('kubecon_china_2019', 'KCC19-7F3K')).toBe('kubecon_china_2019-kcc19-7f3k');
    expect(frabSlug('kube', 'A1')).toMatch(/^[a-z0-9_]{4,}-[a-z0-9\-_]{4,}$/);
    expect(xmlText('a < b & "c" \u0001')).toBe('a &lt; b &amp; &quot;c&quot; ');
  });
});
