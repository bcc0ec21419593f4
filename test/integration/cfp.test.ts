import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { Clock } from '@lectern/clock/clock';
import { parseZonedDateTime, toZonedIso } from '@lectern/clock/zoned-time';
import { complete, draft, expectProblem, openCfp, outboxOf, profile, speaker, submitted } from '@test/support/cfp';
import { query } from '@test/support/databases';
import { TestApi, createEventWithOrganiser, signUp, startApi } from '@test/support/harness';
import { OrProblem, Problem, Wire } from '@test/support/api-types';
import { CfpDto, FormatDto, QuestionDto, TrackDto } from '@api/cfp/cfp.dto';
import { MySubmissionDto, PendingInvitationDto, SubmissionDto, SubmissionPageDto } from '@api/cfp/submissions.dto';
import { AuditPageDto } from '@api/events/events.dto';

/** Choice options whose values are their English labels, as most tests need. */
const choices = (...values: string[]) => values.map((value) => ({ value, label: { en: value } }));

describe('call for proposals', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('lets organisers open a CFP with local deadlines, default formats, tracks and questions; anyone reads it', async () => {
    const event = await createEventWithOrganiser(api);
    const token = event.organiser.token;
    const put = await api.http.request<Wire<CfpDto>>('PUT', `/v1/events/${event.slug}/cfp`, {
      token,
      body: { opensAt: '2030-01-10T09:00:00', closesAt: '2030-03-01T23:59:59', maxSubmissionsPerSpeaker: 3, codePrefix: 'kccn30' },
    });
    expect(put.status, put.text).toBe(200);
    expect(put.body).toMatchObject({
      timezone: 'Asia/Shanghai',
      opensAt: '2030-01-10T01:00:00.000Z',
      opensAtLocal: '2030-01-10T09:00:00+08:00',
      closesAt: '2030-03-01T15:59:59.000Z',
      closesAtLocal: '2030-03-01T23:59:59+08:00',
      languages: ['en', 'zh-CN'],
      levels: ['BEGINNER', 'INTERMEDIATE', 'ADVANCED'],
      codePrefix: 'KCCN30',
      maxSubmissionsPerSpeaker: 3,
    });
    expect(put.body.formats.map((f: { slug: string }) => f.slug)).toEqual([
      'keynote', 'breakout', 'maintainer-track', 'lightning-talk', 'panel', 'workshop',
    ]);
    expect(put.body.formats[0]).toMatchObject({ slug: 'keynote', openForSubmissions: false, name: { en: 'Keynote', 'zh-CN': '主题演讲' } });

    const format = await api.http.post<Wire<FormatDto>>(`/v1/events/${event.slug}/cfp/formats`, { slug: 'tutorial', name: { en: 'Tutorial' }, durationMinutes: 90, maxSpeakers: 4 }, { token });
    expect(format.status, format.text).toBe(201);
    expectProblem(await api.http.post(`/v1/events/${event.slug}/cfp/formats`, { slug: 'tutorial', name: { en: 'Again' }, durationMinutes: 90, maxSpeakers: 4 }, { token }), 409, 'FORMAT_SLUG_TAKEN');
    const track = await api.http.post<Wire<TrackDto>>(`/v1/events/${event.slug}/cfp/tracks`, { slug: 'security', name: { en: 'Security', 'zh-CN': '安全' }, description: { en: 'Supply chain, policy', 'zh-CN': '供应链与策略' } }, { token });
    expect(track.status).toBe(201);
    expect(track.body.description).toEqual({ en: 'Supply chain, policy', 'zh-CN': '供应链与策略' });
    const question = await api.http.post<Wire<QuestionDto>>(
      `/v1/events/${event.slug}/cfp/questions`,
      {
        scope: 'SUBMISSION',
        type: 'CHOICE',
        label: { en: 'Given before?' },
        helpText: { en: 'Where and when, if so', 'zh-CN': '如果讲过，请说明时间和地点' },
        options: [{ value: 'no', label: { en: 'No', 'zh-CN': '没有' } }, { value: 'meetup', label: { en: 'Yes, at a meetup' } }, { value: 'no', label: { en: 'Again' } }],
        required: true,
      },
      { token },
    );
    expect(question.status, question.text).toBe(201);
    expect(question.body).toMatchObject({
      helpText: { en: 'Where and when, if so', 'zh-CN': '如果讲过，请说明时间和地点' },
      options: [{ value: 'no', label: { en: 'No', 'zh-CN': '没有' } }, { value: 'meetup', label: { en: 'Yes, at a meetup' } }],
    });
    // Descriptions, help texts and option labels are translated texts like names: the edition's languages, its primary one first.
    const badTexts = await api.http.post<Problem>(
      `/v1/events/${event.slug}/cfp/questions`,
      { scope: 'SPEAKER', type: 'CHOICE', label: { en: 'Needs' }, helpText: { 'zh-CN': '需要' }, options: [{ value: 'visa', label: { en: 'Visa', ko: '비자' } }] },
      { token },
    );
    expectProblem(badTexts, 400, 'LOCALIZED_TEXT_INVALID');
    expect(badTexts.body.errors!.map((e) => [e.field, e.code])).toEqual([['helpText.en', 'languageMissing'], ['options.0.label.ko', 'languageNotPublished']]);
    const badDescription = await api.http.patch<Problem>(`/v1/events/${event.slug}/cfp/tracks/security`, { description: { en: 'x', 'x-klingon': 'y' } }, { token });
    expectProblem(badDescription, 400, 'LOCALIZED_TEXT_INVALID');
    expect(badDescription.body.errors!.map((e) => e.field)).toEqual(['description.x-klingon']);
    const cleared = await api.http.patch<Wire<TrackDto>>(`/v1/events/${event.slug}/cfp/tracks/security`, { description: null }, { token });
    expect(cleared.status, cleared.text).toBe(200);
    expect(cleared.body.description).toBeNull();
    const noOptions = await api.http.post<Problem>(`/v1/events/${event.slug}/cfp/questions`, { scope: 'SPEAKER', type: 'MULTI_CHOICE', label: { en: 'Needs' } }, { token });
    expectProblem(noOptions, 400, 'VALIDATION_FAILED');
    expect(noOptions.body.errors).toEqual([expect.objectContaining({ field: 'options', code: 'isDefined' })]);

    const anonymous = await api.http.get<Wire<CfpDto>>(`/v1/events/${event.slug}/cfp`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.tracks).toEqual([expect.objectContaining({ slug: 'security', name: { en: 'Security', 'zh-CN': '安全' } })]);
    expect(anonymous.body.questions).toEqual([expect.objectContaining({ type: 'CHOICE', required: true })]);
    expect(anonymous.body.formats.map((f: { slug: string }) => f.slug)).toContain('tutorial');

    const archived = await api.http.delete(`/v1/events/${event.slug}/cfp/questions/${question.body.id}`, { token });
    expect(archived.status).toBe(204);
    expect((await api.http.get<Wire<CfpDto>>(`/v1/events/${event.slug}/cfp`)).body.questions).toEqual([]);

    const reversed = await api.http.patch<Problem>(`/v1/events/${event.slug}/cfp`, { closesAt: '2029-12-31T00:00:00Z' }, { token, lang: 'zh-CN' });
    expectProblem(reversed, 400, 'CFP_WINDOW_INVALID');
    expect(reversed.body.detail).toBe('议题征集的截止时间必须晚于开始时间。');
    const badDate = await api.http.patch<Problem>(`/v1/events/${event.slug}/cfp`, { closesAt: '2030-02-30T10:00:00' }, { token });
    expectProblem(badDate, 400, 'VALIDATION_FAILED');
    expect(badDate.body.errors).toEqual([expect.objectContaining({ field: 'closesAt', code: 'isIso8601' })]);

    const stranger = await signUp(api.http, 'stranger');
    expectProblem(await api.http.request('PUT', `/v1/events/${event.slug}/cfp`, { token: stranger.token, body: { opensAt: '2030-01-01T00:00:00Z', closesAt: '2030-02-01T00:00:00Z', maxSubmissionsPerSpeaker: 1 } }), 403, 'FORBIDDEN');
    const draftEvent = await createEventWithOrganiser(api, {}, false);
    expectProblem(await api.http.get(`/v1/events/${draftEvent.slug}/cfp`), 404, 'EVENT_NOT_FOUND');
    expectProblem(await api.http.get(`/v1/events/${draftEvent.slug}/cfp`, { token: draftEvent.organiser.token }), 404, 'CFP_NOT_CONFIGURED');
  });

  it('runs the whole speaker flow: profile, draft, submit, edit, co-speaker invite and acceptance, withdraw', async () => {
    const event = await openCfp(api);
    const owner = await signUp(api.http, 'owner');
    expectProblem(await api.http.get('/v1/me/speaker-profile', { token: owner.token }), 404, 'SPEAKER_PROFILE_NOT_FOUND');

    const created = await api.http.post<Wire<SubmissionDto>>(`/v1/events/${event.slug}/submissions`, { title: '  Pods at scale  ' }, { token: owner.token });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ state: 'DRAFT', title: 'Pods at scale', origin: 'CFP', editable: true, abstract: null });
    expect(created.body.code).toMatch(/^[A-Z0-9]{2,10}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(created.body.cfpClosesAtLocal).toBe('2100-01-01T07:59:59+08:00');
    const id = created.body.id;
    const path = `/v1/events/${event.slug}/submissions/${id}`;

    const incomplete = await api.http.post<Problem>(`${path}/submit`, undefined, { token: owner.token, lang: 'zh-CN' });
    expectProblem(incomplete, 422, 'SUBMISSION_INCOMPLETE');
    expect(incomplete.body.detail).toBe('缺少部分必填字段或回答，详见 errors 中的各项。');
    expect(incomplete.body.errors!.map((e) => e.field).sort()).toEqual(['abstract', 'format', 'language', 'level', 'track']);

    const filled = await api.http.patch(path, complete('Pods at scale'), { token: owner.token });
    expect(filled.status, filled.text).toBe(200);
    expectProblem(await api.http.post(`${path}/submit`, undefined, { token: owner.token }), 409, 'SPEAKER_PROFILE_REQUIRED');
    const saved = await api.http.request('PUT', '/v1/me/speaker-profile', { token: owner.token, body: profile('Ada', { pronouns: 'she/her' }) });
    expect(saved.body).toMatchObject({ name: 'Ada', country: 'CN', pronouns: 'she/her', firstTimeSpeaker: true });

    const submittedResponse = await api.http.post<Wire<SubmissionDto>>(`${path}/submit`, undefined, { token: owner.token });
    expect(submittedResponse.status, submittedResponse.text).toBe(200);
    expect(submittedResponse.body).toMatchObject({ state: 'SUBMITTED', editable: true, speakers: [{ role: 'OWNER', name: 'Ada', firstTimeSpeaker: true }] });
    expect(submittedResponse.body.submittedAt).toEqual(expect.any(String));
    expect(submittedResponse.body.speakers[0].email).toBeUndefined();

    const edited = await api.http.patch(path, { abstract: 'Now with numbers.', level: 'ADVANCED' }, { token: owner.token });
    expect(edited.body).toMatchObject({ state: 'SUBMITTED', abstract: 'Now with numbers.', level: 'ADVANCED', title: 'Pods at scale' });
    const blanked = await api.http.patch<Problem>(path, { abstract: ' ', format: null, title: 'Renamed' }, { token: owner.token });
    expectProblem(blanked, 422, 'SUBMISSION_INCOMPLETE');
    expect(blanked.body.errors!.map((e) => e.field)).toEqual(['abstract', 'format']);
    expectProblem(await api.http.patch(path, { title: null }, { token: owner.token }), 400, 'VALIDATION_FAILED');
    expect((await api.http.get(path, { token: owner.token })).body).toMatchObject({ title: 'Pods at scale', abstract: 'Now with numbers.', format: { slug: 'breakout' } });

    const cospeaker = await signUp(api.http, 'cospeaker');
    const invited = await api.http.post<Wire<SubmissionDto>>(`${path}/cospeakers`, { email: cospeaker.email.toUpperCase() }, { token: owner.token });
    expect(invited.status, invited.text).toBe(200);
    expect(invited.body.invitations).toEqual([expect.objectContaining({ email: cospeaker.email, status: 'PENDING' })]);
    const invitationId = invited.body.invitations[0].id;
    expectProblem(await api.http.post(`${path}/cospeakers`, { email: cospeaker.email }, { token: owner.token }), 409, 'INVITATION_DUPLICATE');

    const inbox = await api.http.get('/v1/me/cospeaker-invitations', { token: cospeaker.token });
    expect(inbox.body).toEqual([expect.objectContaining({ id: invitationId, eventSlug: event.slug, title: 'Pods at scale', ownerName: 'Ada', submissionCode: created.body.code })]);
    expectProblem(await api.http.get(path, { token: cospeaker.token }), 404, 'SUBMISSION_NOT_FOUND');

    const accept = `/v1/events/${event.slug}/cospeaker-invitations/${invitationId}/accept`;
    expectProblem(await api.http.post(accept, undefined, { token: owner.token }), 404, 'INVITATION_NOT_FOUND');
    expectProblem(await api.http.post(accept, undefined, { token: cospeaker.token }), 409, 'SPEAKER_PROFILE_REQUIRED');
    await api.http.request('PUT', '/v1/me/speaker-profile', { token: cospeaker.token, body: profile('Grace', { firstTimeSpeaker: false }) });
    const accepted = await api.http.post<Wire<SubmissionDto>>(accept, undefined, { token: cospeaker.token });
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body.speakers).toEqual([
      expect.objectContaining({ role: 'OWNER', name: 'Ada' }),
      expect.objectContaining({ role: 'CO_SPEAKER', name: 'Grace', firstTimeSpeaker: false }),
    ]);
    expect(accepted.body.invitations[0].status).toBe('ACCEPTED');
    expectProblem(await api.http.post(accept, undefined, { token: cospeaker.token }), 409, 'INVITATION_NOT_PENDING');

    // a co-speaker sees and edits, but only the owner withdraws
    const coEdit = await api.http.patch<Wire<SubmissionDto>>(path, { description: 'Demo included.' }, { token: cospeaker.token });
    expect(coEdit.status).toBe(200);
    expect(coEdit.body.description).toBe('Demo included.');
    expect((await api.http.get(`/v1/events/${event.slug}/submissions/mine`, { token: cospeaker.token })).body).toEqual([
      expect.objectContaining({ id, role: 'CO_SPEAKER', state: 'SUBMITTED' }),
    ]);
    expectProblem(await api.http.post(`${path}/withdraw`, undefined, { token: cospeaker.token }), 403, 'SUBMISSION_OWNER_ONLY');

    const withdrawn = await api.http.post(`${path}/withdraw`, undefined, { token: owner.token });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ state: 'WITHDRAWN', editable: false });
    const again = await api.http.post<Problem>(`${path}/withdraw`, undefined, { token: owner.token, lang: 'zh-CN' });
    expectProblem(again, 409, 'SUBMISSION_TRANSITION');
    expect(again.body.detail).toBe('议题不能从 WITHDRAWN 变为 WITHDRAWN。');
    expectProblem(await api.http.post(`${path}/submit`, undefined, { token: owner.token }), 409, 'SUBMISSION_TRANSITION');
    expectProblem(await api.http.patch(path, { title: 'Too late' }, { token: owner.token }), 409, 'SUBMISSION_NOT_EDITABLE');

    // every state change is in the audit log and the outbox
    const audit = await api.http.get<Wire<AuditPageDto>>(`/v1/events/${event.slug}/audit`, { token: event.organiser.token });
    const mine = audit.body.items.filter((e: { entityId: string }) => e.entityId === id);
    expect(mine.map((e: { action: string }) => e.action).reverse()).toEqual([
      'submission.created', 'submission.updated', 'submission.state_changed', 'submission.updated',
      'cospeaker.invited', 'cospeaker.accepted', 'submission.updated', 'submission.state_changed',
    ]);
    expect(mine[0]).toMatchObject({ before: { state: 'SUBMITTED' }, after: { state: 'WITHDRAWN' }, actor: { email: owner.email } });
    expect((await outboxOf(id)).map((r) => r.type)).toEqual(['submission.submitted', 'cospeaker.invited', 'submission.withdrawn']);
  });

  it('enforces the deadline to the second in the event’s time zone', async () => {
    // Amsterdam is on summer time (UTC+2) at the close: 23:59:59 local is 21:59:59 UTC.
    const event = await openCfp(api, { opensAt: '2030-04-01T00:00:00', closesAt: '2030-06-30T23:59:59' }, { timezone: 'Europe/Amsterdam' });
    expect(event.cfp).toMatchObject({ closesAt: '2030-06-30T21:59:59.000Z', closesAtLocal: '2030-06-30T23:59:59+02:00' });
    const clock = api.app.get(Clock);
    const at = (iso: string) => vi.spyOn(clock, 'now').mockReturnValue(new Date(iso));
    const user = await speaker(api, 'deadline');

    at('2030-03-31T21:59:59Z');
    const early = await api.http.post<Problem>(`/v1/events/${event.slug}/submissions`, complete(), { token: user.token });
    expectProblem(early, 409, 'CFP_NOT_OPEN');
    expect(early.body.detail).toBe('The call for proposals opens at 2030-04-01T00:00:00+02:00 (Europe/Amsterdam).');

    at('2030-06-30T21:00:00Z');
    const onTime = await draft(api, event.slug, user);
    const late = await draft(api, event.slug, user);
    expect((await api.http.get<Wire<CfpDto>>(`/v1/events/${event.slug}/cfp`)).body.isOpen).toBe(true);

    at('2030-06-30T21:59:59.000Z');
    const last = await api.http.post(`/v1/events/${event.slug}/submissions/${onTime.id}/submit`, undefined, { token: user.token });
    expect(last.status, last.text).toBe(200);

    at('2030-06-30T22:00:00.000Z');
    const refused = await api.http.post<Problem>(`/v1/events/${event.slug}/submissions/${late.id}/submit`, undefined, { token: user.token });
    expectProblem(refused, 409, 'CFP_CLOSED');
    expect(refused.body).toMatchObject({ closesAtLocal: '2030-06-30T23:59:59+02:00', timezone: 'Europe/Amsterdam' });
    expect(refused.body.detail).toBe(
      'The call for proposals closed at 2030-06-30T23:59:59+02:00 (Europe/Amsterdam); proposals can no longer be submitted or changed.',
    );
    const refusedZh = await api.http.post<Problem>(`/v1/events/${event.slug}/submissions/${late.id}/submit`, undefined, { token: user.token, lang: 'zh-CN' });
    expect(refusedZh.body.detail).toBe('议题征集已于 2030-06-30T23:59:59+02:00（Europe/Amsterdam）截止，无法再提交或修改议题。');
    expectProblem(await api.http.patch(`/v1/events/${event.slug}/submissions/${onTime.id}`, { title: 'Changed' }, { token: user.token }), 409, 'CFP_CLOSED');
    const cfp = await api.http.get<Wire<CfpDto>>(`/v1/events/${event.slug}/cfp`);
    expect(cfp.body.isOpen).toBe(false);
    // withdrawing needs no open CFP: it is allowed until a decision
    expect((await api.http.post(`/v1/events/${event.slug}/submissions/${onTime.id}/withdraw`, undefined, { token: user.token })).status).toBe(200);
  });

  it('refuses bad proposals with a 4xx problem in both languages', async () => {
    const event = await openCfp(api, { maxSubmissionsPerSpeaker: 1 });
    const token = event.organiser.token;
    const base = `/v1/events/${event.slug}`;
    const choice = await api.http.post<Wire<QuestionDto>>(`${base}/cfp/questions`, { scope: 'SUBMISSION', type: 'CHOICE', label: { en: 'Given before?' }, options: choices('No', 'Yes'), required: true }, { token });
    const count = await api.http.post<Wire<QuestionDto>>(`${base}/cfp/questions`, { scope: 'SUBMISSION', type: 'NUMBER', label: { en: 'Demo minutes' } }, { token });
    const flag = await api.http.post<Wire<QuestionDto>>(`${base}/cfp/questions`, { scope: 'SUBMISSION', type: 'BOOLEAN', label: { en: 'Recording ok?' } }, { token });
    const needs = await api.http.post<Wire<QuestionDto>>(`${base}/cfp/questions`, { scope: 'SPEAKER', type: 'MULTI_CHOICE', label: { en: 'Needs' }, options: choices('Visa letter', 'Travel funding'), required: true }, { token });
    const user = await speaker(api, 'validation');
    const post = (body: unknown, lang = 'en') => api.http.post<Problem>(`${base}/submissions`, body, { token: user.token, lang });

    for (const lang of ['en', 'zh-CN']) {
      const noTitle = await post({ abstract: 'x' }, lang);
      expectProblem(noTitle, 400, 'VALIDATION_FAILED');
      expect(noTitle.body.errors).toEqual(expect.arrayContaining([
        expect.objectContaining({ field: 'title', code: 'isString', message: lang === 'en' ? 'title must be a string.' : 'title 必须是字符串。' }),
      ]));
      const tooLong = await post({ title: 'Long', abstract: 'a'.repeat(1001) }, lang);
      expectProblem(tooLong, 400, 'VALIDATION_FAILED');
      expect(tooLong.body.errors).toEqual([
        expect.objectContaining({ field: 'abstract', code: 'maxLength', message: lang === 'en' ? 'abstract must be at most 1000 characters long.' : 'abstract 最多 1000 个字符。' }),
      ]);
      const format = await post({ title: 'T', format: 'tap-dance' }, lang);
      expectProblem(format, 400, 'SUBMISSION_FORMAT_UNKNOWN');
      expect(format.body.detail).toBe(lang === 'en'
        ? 'This event has no session format "tap-dance"; see the formats of its call for proposals.'
        : '本活动没有议题形式“tap-dance”，请查看议题征集中列出的形式。');
      const track = await post({ title: 'T', track: 'astrology' }, lang);
      expectProblem(track, 400, 'SUBMISSION_TRACK_UNKNOWN');
      expect(track.body.detail).toContain('astrology');
    }
    expectProblem(await post({ title: '   ' }), 400, 'VALIDATION_FAILED');
    expectProblem(await post({ title: 'T', format: 'keynote' }), 400, 'SUBMISSION_FORMAT_CLOSED');
    expectProblem(await post({ title: 'T', language: 'fr' }), 400, 'SUBMISSION_LANGUAGE_UNSUPPORTED');
    expectProblem(await post({ title: 'T', level: 'GURU' }), 400, 'VALIDATION_FAILED');

    const wrongAnswers = {
      title: 'T',
      answers: { [choice.body.id]: 'Maybe', [count.body.id]: 'ten', [flag.body.id]: 'yes', [needs.body.id]: ['Visa letter'], '00000000-0000-4000-8000-000000000000': 1 },
    };
    for (const lang of ['en', 'zh-CN']) {
      const wrongTypes = await post(wrongAnswers, lang);
      expectProblem(wrongTypes, 400, 'VALIDATION_FAILED');
      const byField = Object.fromEntries(wrongTypes.body.errors!.map((e: { field: string; code: string; message: string }) => [e.field, e]));
      expect(byField[`answers.${choice.body.id}`]).toMatchObject({
        code: 'isIn',
        message: lang === 'en' ? `answers.${choice.body.id} must be one of: No, Yes.` : `answers.${choice.body.id} 必须是以下之一：No, Yes。`,
      });
      expect(byField[`answers.${count.body.id}`]).toMatchObject({ code: 'isNumber', message: lang === 'en' ? `answers.${count.body.id} must be a number.` : `answers.${count.body.id} 必须是数字。` });
      expect(byField[`answers.${flag.body.id}`]).toMatchObject({ code: 'isBoolean' });
      // a speaker question is not answered per submission
      expect(byField[`answers.${needs.body.id}`]).toMatchObject({ code: 'unknownField' });
      expect(byField['answers.00000000-0000-4000-8000-000000000000']).toMatchObject({ code: 'unknownField' });
    }
    expect((await api.http.get(`${base}/submissions/mine`, { token: user.token })).body).toEqual([]);

    // a required question left out: the draft saves, the submit names what is missing
    const created = await draft(api, event.slug, user, complete('Answers', { answers: { [count.body.id]: 12 } }));
    const missing = await api.http.post<Problem>(`${base}/submissions/${created.id}/submit`, undefined, { token: user.token });
    expectProblem(missing, 422, 'SUBMISSION_INCOMPLETE');
    expect(missing.body.errors).toEqual([
      { field: `answers.${choice.body.id}`, code: 'isDefined', message: `answers.${choice.body.id} is required.` },
      { field: `speakerAnswers.${needs.body.id}`, code: 'isDefined', message: `speakerAnswers.${needs.body.id} is required.` },
    ]);
    const missingZh = await api.http.post<Problem>(`${base}/submissions/${created.id}/submit`, undefined, { token: user.token, lang: 'zh-CN' });
    expectProblem(missingZh, 422, 'SUBMISSION_INCOMPLETE');
    expect(missingZh.body.title).toBe('议题信息不完整');
    expect(missingZh.body.errors![0].message).toBe(`answers.${choice.body.id} 为必填项。`);
    const blank = await api.http.patch<Wire<SubmissionDto>>(`${base}/submissions/${created.id}`, { answers: { [choice.body.id]: 'Yes', [flag.body.id]: false } }, { token: user.token });
    expect(blank.body.answers).toEqual({ [choice.body.id]: 'Yes', [count.body.id]: 12, [flag.body.id]: false });
    const speakerAnswers = await api.http.request('PUT', `${base}/cfp/speaker-answers`, { token: user.token, body: { answers: { [needs.body.id]: ['Travel funding', 'Visa letter', 'Visa letter'] } } });
    expect(speakerAnswers.body).toEqual({ answers: { [needs.body.id]: ['Visa letter', 'Travel funding'] } });
    expect((await api.http.post(`${base}/submissions/${created.id}/submit`, undefined, { token: user.token })).status).toBe(200);

    // too many submissions: the limit is 1
    const second = await draft(api, event.slug, user, complete('Second', { answers: { [choice.body.id]: 'No' } }));
    for (const lang of ['en', 'zh-CN']) {
      const over = await api.http.post<Problem>(`${base}/submissions/${second.id}/submit`, undefined, { token: user.token, lang });
      expectProblem(over, 409, 'SUBMISSION_LIMIT_REACHED');
      expect(over.body.limit).toBe(1);
      expect(over.body.detail).toBe(lang === 'en'
        ? 'Each speaker may be on at most 1 submissions in this event, and a speaker of this one already is.'
        : '在本活动中，每位讲者最多参与 1 个议题，而本议题的一位讲者已达到上限。');
    }

    // too many speakers: a lightning talk has one
    const lightning = await draft(api, event.slug, user, complete('Lightning', { format: 'lightning-talk' }));
    for (const lang of ['en', 'zh-CN']) {
      const crowd = await api.http.post<Problem>(`${base}/submissions/${lightning.id}/cospeakers`, { email: 'friend@test.lectern' }, { token: user.token, lang });
      expectProblem(crowd, 409, 'SUBMISSION_SPEAKER_LIMIT');
      expect(crowd.body.detail).toBe(lang === 'en'
        ? 'A session of the format "lightning-talk" can have at most 1 speakers, pending invitations included.'
        : '“lightning-talk”形式的议题最多可有 1 位讲者（含待回复的邀请）。');
    }
    const breakout = await draft(api, event.slug, user, complete('Breakout'));
    expect((await api.http.post(`${base}/submissions/${breakout.id}/cospeakers`, { email: 'friend@test.lectern' }, { token: user.token })).status).toBe(200);
    expectProblem(await api.http.post(`${base}/submissions/${breakout.id}/cospeakers`, { email: 'other@test.lectern' }, { token: user.token }), 409, 'SUBMISSION_SPEAKER_LIMIT');
    expectProblem(await api.http.patch(`${base}/submissions/${breakout.id}`, { format: 'lightning-talk' }, { token: user.token }), 409, 'SUBMISSION_SPEAKER_LIMIT');
    expectProblem(await api.http.post(`${base}/submissions/${breakout.id}/cospeakers`, { email: user.email }, { token: user.token }), 409, 'INVITATION_ALREADY_SPEAKER');
  });

  it('keeps submissions private to their speakers and lists them to the event’s organisers only', async () => {
    const event = await openCfp(api);
    const base = `/v1/events/${event.slug}`;
    const a = await speaker(api, 'a');
    const b = await speaker(api, 'b');
    const ofB = await submitted(api, event.slug, b);
    const path = `${base}/submissions/${ofB.id}`;

    expectProblem(await api.http.get(path, { token: a.token }), 404, 'SUBMISSION_NOT_FOUND');
    expectProblem(await api.http.patch(path, { title: 'Mine now' }, { token: a.token }), 404, 'SUBMISSION_NOT_FOUND');
    expectProblem(await api.http.post(`${path}/withdraw`, undefined, { token: a.token }), 404, 'SUBMISSION_NOT_FOUND');
    expectProblem(await api.http.post(`${path}/cospeakers`, { email: a.email }, { token: a.token }), 404, 'SUBMISSION_NOT_FOUND');
    expect((await api.http.get(`${base}/submissions/mine`, { token: a.token })).body).toEqual([]);
    expect((await api.http.get<Wire<SubmissionDto>>(path, { token: b.token })).body.title).toBe('Scheduling 10,000 pods');

    // an invited co-speaker who has not accepted sees nothing
    const invitee = await speaker(api, 'invitee');
    await api.http.post(`${path}/cospeakers`, { email: invitee.email }, { token: b.token });
    expectProblem(await api.http.get(path, { token: invitee.token }), 404, 'SUBMISSION_NOT_FOUND');
    expectProblem(await api.http.patch(path, { title: 'Hijack' }, { token: invitee.token }), 404, 'SUBMISSION_NOT_FOUND');
    expect((await api.http.get(`${base}/submissions/mine`, { token: invitee.token })).body).toEqual([]);
    const invitation = (await api.http.get<Wire<PendingInvitationDto>[]>('/v1/me/cospeaker-invitations', { token: invitee.token })).body[0];
    expectProblem(await api.http.post(`${base}/cospeaker-invitations/${invitation.id}/accept`, undefined, { token: a.token }), 404, 'INVITATION_NOT_FOUND');
    expect((await api.http.post(`${base}/cospeaker-invitations/${invitation.id}/decline`, undefined, { token: invitee.token })).status).toBe(204);
    expectProblem(await api.http.get(path, { token: invitee.token }), 404, 'SUBMISSION_NOT_FOUND');

    // reviewers, anonymous callers and organisers of another event cannot list
    const reviewer = await signUp(api.http, 'reviewer');
    await api.http.post(`${base}/roles`, { email: reviewer.email, role: 'REVIEWER' }, { token: event.organiser.token });
    expectProblem(await api.http.get(`${base}/submissions`, { token: reviewer.token }), 403, 'FORBIDDEN');
    expectProblem(await api.http.get(`${base}/submissions/counts`, { token: reviewer.token }), 403, 'FORBIDDEN');
    expectProblem(await api.http.get(`${base}/submissions/export.csv`, { token: reviewer.token }), 403, 'FORBIDDEN');
    expectProblem(await api.http.get(path, { token: reviewer.token }), 404, 'SUBMISSION_NOT_FOUND');
    expectProblem(await api.http.get(`${base}/submissions`), 401, 'UNAUTHENTICATED');
    expectProblem(await api.http.get(path), 401, 'UNAUTHENTICATED');
    expectProblem(await api.http.get(`${base}/submissions`, { token: a.token }), 403, 'FORBIDDEN');
    const other = await createEventWithOrganiser(api);
    expectProblem(await api.http.get(`${base}/submissions`, { token: other.organiser.token }), 403, 'FORBIDDEN');
    expectProblem(await api.http.get(path, { token: other.organiser.token }), 404, 'SUBMISSION_NOT_FOUND');
    // the submission id does not open it through another event either
    expectProblem(await api.http.get(`/v1/events/${other.slug}/submissions/${ofB.id}`, { token: other.organiser.token }), 404, 'SUBMISSION_NOT_FOUND');

    const list = await api.http.get<Wire<SubmissionPageDto>>(`${base}/submissions`, { token: event.organiser.token });
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([ofB.id]);
    const detail = await api.http.get<Wire<SubmissionDto>>(path, { token: event.organiser.token });
    expect(detail.body.speakers[0]).toMatchObject({ email: b.email, answers: {} });
    expect(detail.body.editable).toBe(false);

    // organisers never see drafts
    const hidden = await draft(api, event.slug, a);
    expectProblem(await api.http.get(`${base}/submissions/${hidden.id}`, { token: event.organiser.token }), 404, 'SUBMISSION_NOT_FOUND');
    expect((await api.http.get<Wire<SubmissionPageDto>>(`${base}/submissions`, { token: event.organiser.token })).body.items).toHaveLength(1);
  });

  it('lets exactly the per-speaker limit through when submits race', async () => {
    const event = await openCfp(api, { maxSubmissionsPerSpeaker: 2 });
    const user = await speaker(api, 'racer');
    const drafts = [];
    for (let i = 0; i < 5; i += 1) drafts.push(await draft(api, event.slug, user, complete(`Race ${i}`)));
    const results = await Promise.all(
      drafts.map((d) => api.http.post<OrProblem<Wire<SubmissionDto>>>(`/v1/events/${event.slug}/submissions/${d.id}/submit`, undefined, { token: user.token })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 409, 409, 409]);
    for (const r of results.filter((r) => r.status === 409)) expect(r.body.code).toBe('SUBMISSION_LIMIT_REACHED');
    const mine = await api.http.get<Wire<MySubmissionDto>[]>(`/v1/events/${event.slug}/submissions/mine`, { token: user.token });
    expect(mine.body.filter((s: { state: string }) => s.state === 'SUBMITTED')).toHaveLength(2);

    // a co-speaker already at the limit cannot join a submitted proposal either
    const other = await speaker(api, 'other');
    const third = await submitted(api, event.slug, other);
    const invited = await api.http.post<Wire<SubmissionDto>>(`/v1/events/${event.slug}/submissions/${third.id}/cospeakers`, { email: user.email }, { token: other.token });
    const invitationId = invited.body.invitations[0].id;
    const join = await api.http.post(`/v1/events/${event.slug}/cospeaker-invitations/${invitationId}/accept`, undefined, { token: user.token });
    expectProblem(join, 409, 'SUBMISSION_LIMIT_REACHED');
    const counted = await query<{ n: number }>(
      inject('databaseUrl'),
      `SELECT count(*)::int AS n FROM submission_speakers ss JOIN submissions s ON s.id = ss.submission_id
        WHERE ss.user_id = $1 AND s.event_id = (SELECT id FROM events WHERE slug = $2) AND s.state = 'SUBMITTED'`,
      [user.id, event.slug],
    );
    expect(counted[0].n).toBe(2);
  });
});

describe('wall-clock times in IANA zones', () => {
  it('reads local deadlines as instants and shows instants with the zone’s offset, across daylight saving', () => {
    expect(parseZonedDateTime('2030-03-01T23:59:59', 'Asia/Shanghai')?.toISOString()).toBe('2030-03-01T15:59:59.000Z');
    expect(parseZonedDateTime('2030-12-01T00:00', 'America/New_York')?.toISOString()).toBe('2030-12-01T05:00:00.000Z');
    expect(parseZonedDateTime('2030-07-01T00:00:00Z', 'America/New_York')?.toISOString()).toBe('2030-07-01T00:00:00.000Z');
    // 02:30 does not exist on the night clocks go forward; it is taken as 03:30 summer time
    expect(parseZonedDateTime('2030-03-31T02:30:00', 'Europe/Amsterdam')?.toISOString()).toBe('2030-03-31T01:30:00.000Z');
    expect(parseZonedDateTime('2030-02-30T10:00:00', 'UTC')).toBeNull();
    expect(toZonedIso(new Date('2030-11-01T03:59:59Z'), 'America/New_York')).toBe('2030-10-31T23:59:59-04:00');
    expect(toZonedIso(new Date('2030-06-30T21:59:59.500Z'), 'Asia/Kolkata')).toBe('2030-07-01T03:29:59.500+05:30');
  });
});
