import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportScratch } from '@test/support/report-scratch';
import { collectContent } from '@reports/statistics/content';

// Every expected figure below was counted by hand from the rows this file inserts.
describe('content statistics', () => {
  let db: ReportScratch;
  let eventId: string;

  beforeAll(async () => {
    db = await ReportScratch.connect();
    eventId = (await db.event(await db.series())).id;
    const keynote = await db.format(eventId, 'keynote', 'Keynote', '主论坛演讲');
    const breakout = await db.format(eventId, 'breakout', 'Breakout session', '分组会议');
    const lightning = await db.format(eventId, 'lightning', 'Lightning talk');
    const ai = await db.track(eventId, 'ai', 'AI', '人工智能');
    const cloud = await db.track(eventId, 'cloud', 'Cloud native');
    const [ann, bo, chen, dai, eve] = [await db.user('ann'), await db.user('bo'), await db.user('chen'), await db.user('dai'), await db.user('eve')];

    // CFP proposals, breakouts in the AI track: 6 submitted, of which 3 accepted (accepted, confirmed, declined)
    await db.submission(eventId, { state: 'DRAFT', formatId: null }, [[eve, true]]);
    await db.submission(eventId, { state: 'SUBMITTED', formatId: breakout, trackId: ai });
    await db.submission(eventId, { state: 'WITHDRAWN', formatId: breakout, trackId: ai });
    await db.submission(eventId, { state: 'REJECTED', formatId: breakout, trackId: ai });
    await db.submission(eventId, { state: 'ACCEPTED', formatId: breakout, trackId: ai }, [[ann, true], [bo, false]]);
    await db.submission(eventId, { state: 'CONFIRMED', formatId: breakout, trackId: ai }, [[ann, false]]);
    await db.submission(eventId, { state: 'DECLINED', formatId: breakout, trackId: ai }, [[dai, true]]);
    // cloud track: 2 lightning talks, 1 confirmed, 1 waitlisted; one proposal without a track
    await db.submission(eventId, { state: 'CONFIRMED', formatId: lightning, trackId: cloud }, [[chen, null]]);
    await db.submission(eventId, { state: 'WAITLISTED', formatId: lightning, trackId: cloud });
    await db.submission(eventId, { state: 'REJECTED', formatId: lightning });
    // invited sessions: not CFP submissions, but held sessions (a declined one is not held)
    await db.submission(eventId, { state: 'ACCEPTED', origin: 'INVITED', formatId: keynote }, [[dai, true]]);
    await db.submission(eventId, { state: 'CONFIRMED', origin: 'INVITED', formatId: keynote }, [[eve, null]]);
    await db.submission(eventId, { state: 'DECLINED', origin: 'INVITED', formatId: keynote }, [[bo, true]]);
  });
  afterAll(() => db.close());

  it('counts CFP submissions (not drafts, not invited sessions) and acceptances overall, per track and per format', async () => {
    const { submissions } = await collectContent(db.sql, eventId);
    // 6 breakouts + 3 lightning talks were submitted; accepted, confirmed and declined breakouts + 1 confirmed lightning talk
    expect(submissions.total).toBe(9);
    expect(submissions.accepted).toBe(4);
    expect(submissions.held).toBe(true);
    const rows = (list: typeof submissions.byTrack) =>
      list.map((r) => [r.key, r.name?.en, r.name?.['zh-CN'] ?? null, r.submissions, r.accepted]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    // the proposal without a track is in the totals and in no track row
    expect(rows(submissions.byTrack)).toEqual([
      ['ai', 'AI', '人工智能', 6, 3],
      ['cloud', 'Cloud native', null, 2, 1],
    ]);
    expect(rows(submissions.byFormat)).toEqual([
      ['breakout', 'Breakout session', '分组会议', 6, 3],
      ['lightning', 'Lightning talk', null, 3, 1],
    ]);
  });

  it('counts held sessions by format, invited ones included, and their distinct speakers', async () => {
    const content = await collectContent(db.sql, eventId);
    const sessions = content.sessionsByFormat.map((s) => [s.key, s.name?.en, s.name?.['zh-CN'] ?? null, s.count]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    // breakouts: accepted + confirmed (the declined one is not held); 1 confirmed lightning talk; 2 keynotes
    expect(sessions).toEqual([
      ['breakout', 'Breakout session', '分组会议', 2],
      ['keynote', 'Keynote', '主论坛演讲', 2],
      ['lightning', 'Lightning talk', null, 1],
    ]);
    // ann, bo, chen, dai (keynote), eve (keynote); ann is a first-timer on one of her two sessions, dai on his keynote
    // (bo's first-time flag is on the declined keynote only, eve's on her draft only, chen's unknown)
    expect(content.speakers).toEqual({ total: 5, firstTime: 2 });
  });

  it('says an edition without a CFP held none, and gives zeros', async () => {
    const empty = (await db.event(await db.series())).id;
    expect(await collectContent(db.sql, empty)).toEqual({
      submissions: { held: false, total: 0, accepted: 0, byTrack: [], byFormat: [] },
      sessionsByFormat: [],
      speakers: { total: 0, firstTime: 0 },
    });
  });

  it('holds a CFP with a proposal of origin CFP, even a draft (0 submissions, a real 0), not with invited sessions only', async () => {
    const invited = (await db.event(await db.series())).id;
    await db.submission(invited, { state: 'CONFIRMED', origin: 'INVITED', formatId: await db.format(invited, 'keynote', 'Keynote') }, []);
    expect((await collectContent(db.sql, invited)).submissions).toMatchObject({ held: false, total: 0 });
    const drafted = (await db.event(await db.series())).id;
    await db.submission(drafted, { state: 'DRAFT', origin: 'CFP', formatId: null }, []);
    expect((await collectContent(db.sql, drafted)).submissions).toMatchObject({ held: true, total: 0, accepted: 0 });
  });
});
