import { randomBytes } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createWorker } from '@worker/worker.factory';
import { Language } from '@lectern/i18n/i18n';
import { buildReport } from '@reports/build-report';
import { TransparencyReport } from '@reports/report.model';
import { collectReportInput } from '@reports/statistics/collect-report-input';
import { CfpGroupDto, OfferAnswerDto, OfferDecisionDto, OfferReleaseResultDto, OfferedProposalPageDto, OffersDto } from '@api/cfp/shared-cfp.dto';
import { Problem, Wire } from '@test/support/api-types';
import { User, complete, expectProblem, speaker, submitted } from '@test/support/cfp';
import { query } from '@test/support/databases';
import { TestApi, createEventWithOrganiser, signUp, startApi, testConfig, uniqueSlug } from '@test/support/harness';
import { readPdf } from '@test/support/pdf-text';
import { ReportScratch } from '@test/support/report-scratch';
import { ReportBody, printedNumbers, waitForReport } from '@test/support/reports';
import { autoAssign, grantRole, openReview, review, reviewer } from '@test/support/reviews';
import { waitUntil } from '@test/support/smtp-sink';

const LANGUAGES: Language[] = ['en', 'zh-CN', 'ja', 'ko'];
const HEADINGS: Record<string, string> = { en: 'Local and international speakers', 'zh-CN': '本地与国际讲者', ja: '国内と海外の登壇者', ko: '국내 및 해외 발표자' };
const squeeze = (text: string) => text.replace(/\s+/g, '');
const db = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => query<T>(inject('databaseUrl'), sql, params);

/**
 * A Kubernetes Forum in two cities with one CFP, run and reviewed in Seoul: four speakers (two from Korea, one
 * from Australia, one from the US) offer proposals to Seoul, Sydney or both; each city decides, releases and hears
 * its answers on its own, and each city's report counts what was offered to it and who speaks there.
 */
describe('one CFP for a Forum in two cities', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let seoul: Awaited<ReturnType<typeof createEventWithOrganiser>>;
  let sydney: { slug: string; id: string };
  let organiser: string;
  let sydneyOrganiser: User;
  const people: Record<string, User> = {};
  const ids: Record<string, string> = {};

  const offersOf = (key: string) =>
    db<{ slug: string; decision: string | null; released: boolean; response: string | null }>(
      `SELECT e.slug, o.decision::text AS decision, o.released_at IS NOT NULL AS released, o.response::text AS response
         FROM submission_offers o JOIN events e ON e.id = o.event_id WHERE o.submission_id = $1 ORDER BY e.slug`,
      [ids[key]],
    );
  const decide = (slug: string, key: string, decision: string, token = organiser, lang?: string) =>
    api.http.request<Wire<OfferDecisionDto>>('PUT', `/v1/events/${slug}/offers/${ids[key]}/decision`, { token, body: { decision }, lang });
  const answer = (slug: string, key: string, verb: 'confirm' | 'decline') =>
    api.http.post<Wire<OfferAnswerDto>>(`/v1/events/${slug}/offers/${ids[key]}/${verb}`, undefined, { token: people[key].token });

  beforeAll(async () => {
    const prefix = `${testConfig().redis.prefix}_forum_${randomBytes(2).toString('hex')}`;
    // threshold 1: every group is shown in the reports requested here; the threshold's effect is checked below
    api = await startApi({ REDIS_PREFIX: prefix, REPORT_PRIVACY_THRESHOLD: '1' });
    worker = await createWorker(testConfig({ REDIS_PREFIX: prefix, MAINTENANCE_EVERY_SECONDS: '3600' }), pino({ level: 'silent' }));
    await worker.init();

    seoul = await createEventWithOrganiser(
      api,
      { name: { en: 'Kubernetes Forum Seoul' }, city: { en: 'Seoul', ko: '서울' }, country: 'KR', timezone: 'Asia/Seoul', startsAt: '2030-12-09T00:00:00Z', endsAt: '2030-12-10T09:00:00Z' },
      true,
      LANGUAGES,
    );
    organiser = seoul.organiser.token;
    const sydneySlug = uniqueSlug('forum-sydney');
    const created = await api.http.post<{ id: string }>(
      '/v1/events',
      {
        seriesSlug: seoul.seriesSlug,
        slug: sydneySlug,
        name: { en: 'Kubernetes Forum Sydney' },
        city: { en: 'Sydney', 'zh-CN': '悉尼' },
        country: 'AU',
        timezone: 'Australia/Sydney',
        startsAt: '2030-12-11T22:00:00Z',
        endsAt: '2030-12-13T07:00:00Z',
        format: 'IN_PERSON',
      },
      { token: seoul.adminToken },
    );
    expect(created.status, created.text).toBe(201);
    sydney = { slug: sydneySlug, id: created.body.id };
    expect((await api.http.patch(`/v1/events/${sydneySlug}`, { status: 'PUBLISHED' }, { token: seoul.adminToken })).status).toBe(200);
    await grantRole(api, sydneySlug, seoul.adminToken, seoul.organiser.email, 'ORGANISER');
    sydneyOrganiser = await signUp(api.http, 'sydney-organiser');
    await grantRole(api, sydneySlug, seoul.adminToken, sydneyOrganiser.email, 'ORGANISER');

    const base = `/v1/events/${seoul.slug}`;
    const cfp = await api.http.request('PUT', `${base}/cfp`, {
      token: organiser,
      body: { opensAt: '2000-01-01T00:00:00Z', closesAt: '2099-12-31T23:59:59Z', maxSubmissionsPerSpeaker: 3 },
    });
    expect(cfp.status, cfp.text).toBe(200);
    expect((await api.http.post(`${base}/cfp/tracks`, { slug: 'scheduling', name: { en: 'Scheduling' } }, { token: organiser })).status).toBe(201);
    for (const [key, country] of [['a', 'KR'], ['b', 'AU'], ['c', 'US'], ['d', 'KR']] as const) {
      people[key] = await speaker(api, `forum-${key}`, { country, company: `Company ${key}` });
    }
  }, 180_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('groups the two cities under the Seoul CFP', async () => {
    const other = await createEventWithOrganiser(api);
    const bad = await api.http.request<Problem>('PUT', `/v1/events/${seoul.slug}/cfp-group`, { token: organiser, body: { editions: [sydney.slug, other.slug] }, lang: 'zh-CN' });
    expectProblem(bad, 400, 'CFP_GROUP_EDITION_INVALID');
    expect(bad.body.detail).toContain(other.slug);
    expect(bad.body.detail).toContain('不是您负责组织的本系列活动届次');
    expect(await db('SELECT 1 FROM cfp_groups g JOIN events e ON e.id = g.host_event_id WHERE e.slug = $1', [seoul.slug])).toEqual([]);
    // the Sydney-only organiser cannot make Sydney part of someone else's call, nor is Sydney a host
    expectProblem(await api.http.request('PUT', `/v1/events/${seoul.slug}/cfp-group`, { token: sydneyOrganiser.token, body: { editions: [sydney.slug] } }), 403, 'FORBIDDEN');

    const set = await api.http.request<Wire<CfpGroupDto>>('PUT', `/v1/events/${seoul.slug}/cfp-group`, { token: organiser, body: { editions: [seoul.slug, sydney.slug] } });
    expect(set.status, set.text).toBe(200);
    expect(set.body.host.slug).toBe(seoul.slug);
    expect(set.body.editions.map((e) => [e.slug, e.country])).toEqual([[seoul.slug, 'KR'], [sydney.slug, 'AU']]);
    // anyone sees the group from either city
    const fromSydney = await api.http.get<Wire<CfpGroupDto>>(`/v1/events/${sydney.slug}/cfp-group`);
    expect(fromSydney.status, fromSydney.text).toBe(200);
    expect(fromSydney.body).toEqual(set.body);
    const sydneyAsHost = await api.http.request<Problem>('PUT', `/v1/events/${sydney.slug}/cfp-group`, { token: organiser, body: { editions: [sydney.slug] } });
    expectProblem(sydneyAsHost, 409, 'CFP_GROUP_NOT_HOST');
    expectProblem(await api.http.get(`/v1/events/${other.slug}/cfp-group`), 404, 'CFP_GROUP_NOT_FOUND');
  });

  it('takes one proposal per speaker, offered to the cities they can present in', async () => {
    const offers: Record<string, string[]> = { a: [seoul.slug, sydney.slug], b: [seoul.slug, sydney.slug], c: [seoul.slug], d: [sydney.slug] };
    for (const key of Object.keys(offers)) {
      ids[key] = (await submitted(api, seoul.slug, people[key], complete(`Forum talk ${key}`))).id;
      const put = await api.http.request<Wire<OffersDto>>('PUT', `/v1/events/${seoul.slug}/submissions/${ids[key]}/editions`, {
        token: people[key].token,
        body: { editions: offers[key] },
      });
      expect(put.status, put.text).toBe(200);
      expect(put.body.editions.map((e) => [e.slug, e.decision])).toEqual(offers[key].map((slug) => [slug, null]));
    }

    // a city outside the group: refused in the caller's language, nothing changed
    const before = await offersOf('c');
    const outside = await createEventWithOrganiser(api);
    for (const [lang, phrase] of [['en', 'is not one of the editions that share this call for proposals'], ['zh-CN', '不是共享此议题征集的届次之一']]) {
      const bad = await api.http.request<Problem>('PUT', `/v1/events/${seoul.slug}/submissions/${ids.c}/editions`, {
        token: people.c.token,
        body: { editions: [seoul.slug, outside.slug] },
        lang,
      });
      expectProblem(bad, 400, 'OFFER_EDITION_NOT_IN_GROUP');
      expect(bad.body.detail).toContain(phrase);
      expect(bad.body.errors?.map((e) => e.field)).toEqual(['editions.1']);
    }
    expect(await offersOf('c')).toEqual(before);
    // only the owner offers the proposal
    expectProblem(
      await api.http.request('PUT', `/v1/events/${seoul.slug}/submissions/${ids.c}/editions`, { token: people.a.token, body: { editions: [seoul.slug] } }),
      404,
      'SUBMISSION_NOT_FOUND',
    );
  });

  it('is reviewed once, in Seoul', async () => {
    await openReview(api, seoul.slug, organiser, { reviewsPerSubmission: 1 });
    const judge = await reviewer(api, seoul.slug, organiser, 'forum-judge');
    expect((await autoAssign(api, seoul.slug, organiser)).added).toBe(4);
    for (const key of ['a', 'b', 'c', 'd']) {
      const done = await api.http.post(`/v1/events/${seoul.slug}/review/submissions/${ids[key]}/review`, review(4, key === 'b' ? { speakerComment: 'A great fit for both cities' } : {}), {
        token: judge.token,
      });
      expect(done.status, done.text).toBe(201);
    }
    expect(await db('SELECT 1 FROM reviews WHERE submission_id = ANY($1::uuid[])', [Object.values(ids)])).toHaveLength(4);
  });

  it('is decided per city: by each city’s organisers, only where it was offered', async () => {
    // the Seoul CFP's own decision route refuses a proposal that is decided per city
    expectProblem(await api.http.request('PUT', `/v1/events/${seoul.slug}/submissions/${ids.a}/decision`, { token: organiser, body: { decision: 'ACCEPTED' } }), 409, 'DECISION_PER_EDITION');
    // a city the proposal was not offered to: 404 in both languages, nothing written
    for (const [lang, phrase] of [['en', 'This proposal is not offered to this edition.'], ['zh-CN', '此议题没有投向本届活动。']]) {
      const bad = await decide(sydney.slug, 'c', 'ACCEPTED', sydneyOrganiser.token, lang);
      expectProblem(bad, 404, 'OFFER_NOT_FOUND');
      expect((bad.body as unknown as Problem).detail).toBe(phrase);
    }
    // Sydney's organiser has no say in Seoul
    expectProblem(await decide(seoul.slug, 'a', 'ACCEPTED', sydneyOrganiser.token), 403, 'FORBIDDEN');
    expect((await offersOf('c')).map((o) => o.decision)).toEqual([null]);

    // the two cities decide on the same proposal at the same time: both land, one row each
    const [inSeoul, inSydney] = await Promise.all([decide(seoul.slug, 'b', 'ACCEPTED'), decide(sydney.slug, 'b', 'ACCEPTED', sydneyOrganiser.token)]);
    expect([inSeoul.status, inSydney.status]).toEqual([200, 200]);
    expect(inSydney.body).toMatchObject({ submissionId: ids.b, edition: sydney.slug, decision: 'ACCEPTED', releasedAt: null });
    expect((await decide(seoul.slug, 'a', 'ACCEPTED')).status).toBe(200);
    expect((await decide(sydney.slug, 'a', 'WAITLISTED', sydneyOrganiser.token)).status).toBe(200);
    // revisable until released
    expect((await decide(sydney.slug, 'a', 'REJECTED', sydneyOrganiser.token)).body.decision).toBe('REJECTED');
    expect((await decide(seoul.slug, 'c', 'ACCEPTED')).status).toBe(200);
    expect((await decide(sydney.slug, 'd', 'WAITLISTED', sydneyOrganiser.token)).status).toBe(200);

    // the offered cities cannot change once one of them decided
    expectProblem(
      await api.http.request('PUT', `/v1/events/${seoul.slug}/submissions/${ids.a}/editions`, { token: people.a.token, body: { editions: [seoul.slug] } }),
      409,
      'OFFER_EDITIONS_LOCKED',
    );
    // nothing shows to the speakers before release
    const early = await api.http.get<Wire<OffersDto>>(`/v1/events/${seoul.slug}/submissions/${ids.a}/editions`, { token: people.a.token });
    expect(early.body.editions.map((e) => e.decision)).toEqual([null, null]);
  });

  it('lists what was offered to a city for its organisers, page by page', async () => {
    const path = `/v1/events/${sydney.slug}/offers`;
    const first = await api.http.get<Wire<OfferedProposalPageDto>>(`${path}?limit=2`, { token: sydneyOrganiser.token });
    expect(first.status, first.text).toBe(200);
    const second = await api.http.get<Wire<OfferedProposalPageDto>>(`${path}?limit=2&cursor=${first.body.nextCursor}`, { token: sydneyOrganiser.token });
    expect(second.body.nextCursor).toBeNull();
    const items = [...first.body.items, ...second.body.items];
    expect(items.map((i) => [i.submissionId, i.decision, i.releasedAt])).toEqual([
      [ids.a, 'REJECTED', null],
      [ids.b, 'ACCEPTED', null],
      [ids.d, 'WAITLISTED', null],
    ]);
    expect(items.map((i) => i.speakers.map((sp) => sp.country))).toEqual([['KR'], ['AU'], ['KR']]);
    expectProblem(await api.http.get(`${path}?cursor=nonsense`, { token: sydneyOrganiser.token }), 400, 'CURSOR_INVALID');
    // speakers and organisers of other editions only: not theirs to list
    expectProblem(await api.http.get(path, { token: people.b.token }), 403, 'FORBIDDEN');
  });

  it('releases per city, each through the notifications path in that city’s name', async () => {
    const sydneyRelease = await api.http.post<Wire<OfferReleaseResultDto>>(`/v1/events/${sydney.slug}/offers/release`, undefined, { token: sydneyOrganiser.token });
    expect(sydneyRelease.body).toEqual({ released: 3, accepted: 1, rejected: 1, waitlisted: 1 });
    expect((await offersOf('a')).map((o) => [o.decision, o.released])).toEqual(
      [seoul.slug, sydney.slug].sort().map((slug) => (slug === seoul.slug ? ['ACCEPTED', false] : ['REJECTED', true])),
    );
    const seoulRelease = await api.http.post<Wire<OfferReleaseResultDto>>(`/v1/events/${seoul.slug}/offers/release`, undefined, { token: organiser });
    expect(seoulRelease.body).toEqual({ released: 3, accepted: 3, rejected: 0, waitlisted: 0 });
    expect((await api.http.post<Wire<OfferReleaseResultDto>>(`/v1/events/${seoul.slug}/offers/release`, undefined, { token: organiser })).body.released).toBe(0);
    // the decision, as released, stands
    expectProblem(await decide(seoul.slug, 'a', 'REJECTED'), 409, 'OFFER_DECISION_RELEASED');

    const outbox = await db<{ event_id: string; submission_id: string; decision: string }>(
      `SELECT payload->>'eventId' AS event_id, payload->>'submissionId' AS submission_id, payload->>'decision' AS decision
         FROM outbox WHERE type = 'submission.offer_decision_released' AND payload->>'submissionId' = ANY($1::text[])`,
      [Object.values(ids)],
    );
    expect(outbox).toHaveLength(6);
    expect(outbox.filter((r) => r.submission_id === ids.b).map((r) => r.decision)).toEqual(['ACCEPTED', 'ACCEPTED']);

    // B hears twice, once per city, each with its own confirmation link and the reviewer's comment (the proposal's
    // receipt went out at submission)
    let mails: { template: string; event_id: string; context: { data: { confirmUrl?: string; speakerComments: string[] } } }[] = [];
    await waitUntil(
      async () => {
        mails = await db(`SELECT template, event_id, context FROM notification_deliveries WHERE recipient_email = $1 AND template LIKE 'decision.%'`, [people.b.email]);
        return mails.length === 2;
      },
      30_000,
      'the decision messages of B',
    );
    const byCity = Object.fromEntries(mails.map((m) => [m.event_id, m]));
    expect(byCity[sydney.id].template).toBe('decision.accepted');
    expect(byCity[sydney.id].context.data.confirmUrl).toContain(`/events/${sydney.slug}/offers/${ids.b}/confirm`);
    expect(byCity[sydney.id].context.data.speakerComments).toEqual(['A great fit for both cities']);
    const decisionsOfA = () =>
      db<{ template: string }>(`SELECT template FROM notification_deliveries WHERE recipient_email = $1 AND template LIKE 'decision.%' ORDER BY template`, [people.a.email]);
    await waitUntil(async () => (await decisionsOfA()).length === 2, 30_000, 'the decision messages of A');
    expect((await decisionsOfA()).map((m) => m.template)).toEqual([
      'decision.accepted',
      'decision.rejected',
    ]);
  });

  it('is confirmed per city, and only once even when confirmed six times at once', async () => {
    const offers = await api.http.get<Wire<OffersDto>>(`/v1/events/${seoul.slug}/submissions/${ids.b}/editions`, { token: people.b.token });
    expect(offers.body.editions.map((e) => [e.slug, e.decision, e.response])).toEqual([
      [seoul.slug, 'ACCEPTED', null],
      [sydney.slug, 'ACCEPTED', null],
    ]);
    expect((await answer(seoul.slug, 'a', 'confirm')).status).toBe(200);
    // a rejection is not answered
    expectProblem(await answer(sydney.slug, 'a', 'confirm'), 409, 'OFFER_NOT_AWAITING_ANSWER');
    expect((await answer(seoul.slug, 'c', 'decline')).body.response).toBe('DECLINED');

    // six confirmations at once: exactly one lands, and the answer cannot change after it
    const racing = await Promise.all(Array.from({ length: 6 }, () => answer(sydney.slug, 'b', 'confirm')));
    expect(racing.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    expect(racing.filter((r) => r.status === 409).map((r) => (r.body as unknown as Problem).code)).toEqual(Array(5).fill('OFFER_NOT_AWAITING_ANSWER'));
    expect(await db(`SELECT 1 FROM audit_log WHERE entity_id = $1 AND action IN ('offer.confirmed', 'offer.declined')`, [ids.b])).toHaveLength(1);
    expectProblem(await answer(sydney.slug, 'b', 'decline'), 409, 'OFFER_NOT_AWAITING_ANSWER');
    // Seoul is answered on its own
    expect((await answer(seoul.slug, 'b', 'confirm')).body).toMatchObject({ edition: seoul.slug, response: 'CONFIRMED' });
    expect((await offersOf('b')).map((o) => o.response)).toEqual(['CONFIRMED', 'CONFIRMED']);
  });

  it('gives each city a report of what was offered to it and of its local and international speakers, in every language', async () => {
    const expected = {
      // Seoul: a (KR), b (AU), c (US, declined) accepted; speakers a and b
      [seoul.slug]: { sharedCfp: { offered: 3, accepted: 3, acceptanceRatePercent: 100, confirmed: 2, declined: 1 }, origins: [2, 1, 1] },
      // Sydney: a rejected, b accepted, d waitlisted; speaker b, from Australia
      [sydney.slug]: { sharedCfp: { offered: 3, accepted: 1, acceptanceRatePercent: 33.3, confirmed: 1, declined: 0 }, origins: [1, 1, 0] },
    };
    for (const [slug, token] of [[seoul.slug, organiser], [sydney.slug, sydneyOrganiser.token]] as const) {
      const queued = await api.http.post<ReportBody>(`/v1/events/${slug}/reports`, undefined, { token });
      expect(queued.status, queued.text).toBe(202);
      const done = await waitForReport(api.http, slug, queued.body.id, token, (r) => r.status === 'SUCCEEDED' || r.status === 'FAILED', 120_000);
      expect(done.status, done.lastError ?? '').toBe('SUCCEEDED');
      const json = (await api.http.get<TransparencyReport>(`/v1/events/${slug}/reports/${done.id}/json`, { token })).body;
      expect(json.sharedCfp, slug).toMatchObject({ host: { slug: seoul.slug }, ...expected[slug].sharedCfp });
      expect(json.sharedCfp!.editions.map((e) => e.slug)).toEqual([seoul.slug, sydney.slug]);
      const [speakers, local, international] = expected[slug].origins;
      expect(json.speakerOrigins, slug).toMatchObject({ speakers, withoutCountry: 0, local: { count: local, respondents: speakers, suppressed: false }, international });
      // the host's own acceptance figures leave the shared proposals to the cities: the host ran the call, so its
      // own CFP is a real 0; Sydney held none of its own (nor a session): no content section, not zeros
      expect(json.content?.submissions ?? null, slug).toBe(slug === seoul.slug ? 0 : null);

      for (const language of LANGUAGES) {
        const response = await fetch(`${api.http.baseUrl}/v1/events/${slug}/reports/${done.id}/pdf?lang=${language}`, { headers: { authorization: `Bearer ${token}` } });
        expect(response.status).toBe(200);
        const text = await readPdf(Buffer.from(await response.arrayBuffer()));
        const missing = printedNumbers(json, language).filter((n) => !text.compact.includes(squeeze(n.text)));
        expect(missing, `${slug} ${language}`).toEqual([]);
        expect(text.compact, `${slug} ${language}`).toContain(squeeze(HEADINGS[language]));
      }
    }
  }, 300_000);

  it('hides the local and international split below the privacy threshold', async () => {
    const scratch = await ReportScratch.connect();
    try {
      const report = buildReport(await collectReportInput(scratch.sql, sydney.id, { privacyThreshold: 2, generatedAt: new Date('2030-12-14T00:00:00Z') }));
      // one local speaker and no international one: either would be a group of one
      expect(report.speakerOrigins).toEqual({ speakers: 1, withoutCountry: 0, local: { count: null, respondents: 1, percent: null, suppressed: true }, international: null });
      expect(report.privacy.notes).toContainEqual({ section: 'speakerOrigins', mergedGroups: 0, suppressed: true });
    } finally {
      await scratch.close();
    }
  });
});
