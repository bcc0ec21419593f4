import { join } from 'node:path';
import { ProposalInput, SessionToPlace } from '@lectern/domains/programme/proposal.policy';
import { projectRoot } from '@lectern/project-root';

/** Where the programme bench leaves the bytes the static baseline serves (the API's own answer). */
export const STATIC_BODY_FILE = () => join(projectRoot(), 'dist', 'bench', 'static-baseline.body');

const HOUR = 3_600_000;

/** A deterministic pseudo-random sequence (mulberry32), so fixtures are the same on every run. */
export function sequence(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * A KubeCon-sized edition for the proposal: `sessions` sessions (keynotes, breakouts, maintainer sessions,
 * lightning talks, workshops) over `days` days of 09:00–18:00 UTC with lunch, `rooms` rooms from 1,000 seats
 * down, twelve tracks, a pool of speakers of whom some give several talks and some give availability.
 */
export function conferenceFixture(sessions = 250, rooms = 12, days = 3, seed = 2019): ProposalInput {
  const random = sequence(seed);
  const day0 = Date.UTC(2030, 5, 24, 9);
  const dayList = Array.from({ length: days }, (_, d) => ({ start: day0 + d * 24 * HOUR, end: day0 + d * 24 * HOUR + 9 * HOUR }));
  const roomList = Array.from({ length: rooms }, (_, r) => ({ id: `room-${String(r).padStart(2, '0')}`, capacity: Math.max(60, 1000 - r * 85), position: r }));
  const lengths = [15, 35, 35, 35, 35, 35, 35, 5, 75];
  const speakers = Array.from({ length: Math.round(sessions * 0.9) }, (_, i) => `speaker-${i}`);
  const availability = new Map<string, { start: number; end: number }[]>();
  for (const speaker of speakers) {
    if (random() < 0.1) {
      const day = dayList[Math.floor(random() * dayList.length)];
      availability.set(speaker, [{ start: day.start, end: day.start + 5 * HOUR }]);
    }
  }
  const list: SessionToPlace[] = Array.from({ length: sessions }, (_, i) => {
    const count = random() < 0.3 ? 2 : 1;
    const speakerIds = Array.from({ length: count }, () => speakers[Math.floor(random() * speakers.length)]);
    return {
      submissionId: `session-${String(i).padStart(4, '0')}`,
      code: `KCC-${String(i).padStart(4, '0')}`,
      lengthMinutes: lengths[Math.floor(random() * lengths.length)],
      trackId: `track-${Math.floor(random() * 12)}`,
      speakerIds: [...new Set(speakerIds)],
      confirmed: true,
      popularity: Math.floor(random() * 1000),
      expectedAudience: 0,
    };
  });
  return {
    rooms: roomList,
    days: dayList,
    blocks: dayList.map((day) => ({ roomId: null, start: day.start + 3 * HOUR, end: day.start + 4 * HOUR })),
    availability,
    fixed: [],
    sessions: list,
  };
}
