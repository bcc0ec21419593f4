import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query } from '@test/support/databases';
import { TestApi, signUp, startApi } from '@test/support/harness';
import { applicant, award, committedInDb, db, expectProblem, scholarshipEvent } from '@test/support/scholarships';
import { Problem, Wire } from '@test/support/api-types';
import { TicketTypeDto } from '@api/registrations/ticket-types.dto';
import { ApplicationDto } from '@api/scholarships/applications.dto';
import { ProgrammeDto, ProgrammeTotalsDto } from '@api/scholarships/programmes.dto';

describe('scholarship budget', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ DATABASE_POOL_SIZE: '10' });
  });
  afterAll(() => api.close());

  it('holds under concurrent awards that together exceed it; the surplus ones are refused with the amount left', async () => {
    const setup = await scholarshipEvent(api, {
      members: 1,
      programme: { budgetMinor: 100_000, travelCapMinor: 30_000, ticketTypeId: null },
    });
    const [member] = setup.committee;
    const applications = [];
    for (let i = 0; i < 8; i += 1) applications.push(await applicant(api, setup, `concurrent${i}`, { requestedTravelMinor: 30_000 }));

    // eight awards of 300.00 USD against a 1000.00 USD budget, all at once: three fit
    const responses = await Promise.all(applications.map((a) => award<Problem>(api, setup, member.token, a.applicationId, { travelGrantMinor: 30_000 })));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses, responses.map((r) => r.text).join('\n')).toEqual([201, 201, 201, 409, 409, 409, 409, 409]);
    for (const refused of responses.filter((r) => r.status === 409)) {
      expectProblem(refused, 409, 'SCHOLARSHIP_BUDGET_EXCEEDED');
      expect(refused.body.detail).toBe('This award (300.00 USD) would exceed the programme’s budget: only 100.00 USD is left.');
      expect(refused.body).toMatchObject({ remainingMinor: 10_000, requestedMinor: 30_000, currency: 'USD' });
    }
    expect(await committedInDb(setup.programmeId)).toEqual({ committed: 90_000, awards: 3 });

    // the refusal in Chinese, and what is left still fits
    const zh = await api.http.post<Problem>(
      `/v1/events/${setup.slug}/scholarships/awards`,
      { applicationId: applications.find((_, i) => responses[i].status === 409)!.applicationId, travelGrantMinor: 10_001 },
      { token: member.token, lang: 'zh-CN' },
    );
    expectProblem(zh, 409, 'SCHOLARSHIP_BUDGET_EXCEEDED');
    expect(zh.body.detail).toBe('这项资助（100.01 USD）将超出项目预算：仅剩 100.00 USD。');
    const last = responses.findIndex((r) => r.status === 409);
    const exact = await award(api, setup, member.token, applications[last].applicationId, { travelGrantMinor: 10_000 });
    expect(exact.status, exact.text).toBe(201);
    expect(await committedInDb(setup.programmeId)).toEqual({ committed: 100_000, awards: 4 });
  });

  it('takes free registrations through the registration module, within its quota, or awards nothing', async () => {
    const setup = await scholarshipEvent(api, { members: 1, seats: 2, programme: { budgetMinor: 1_000_000, travelCapMinor: 10_000 } });
    const [member] = setup.committee;
    // someone who registered already cannot get a second registration; a grant is fine
    const paying = await signUp(api.http, 'paying');
    const corporate = await api.http.post<Wire<TicketTypeDto>>(
      `/v1/events/${setup.slug}/ticket-types`,
      { name: { en: 'Corporate' }, category: 'CORPORATE', attendance: 'IN_PERSON', priceCents: 0 },
      { token: setup.organiser.token },
    );
    const registered = await api.http.post(`/v1/events/${setup.slug}/registrations`, { ticketTypeId: corporate.body.id, attendeeName: 'Paying' }, { token: paying.token });
    expect(registered.status, registered.text).toBe(201);
    const sent = await api.http.post<Wire<ApplicationDto>>(
      `/v1/events/${setup.slug}/scholarships/applications`,
      { programmeId: setup.programmeId, statement: 'Already registered.', travelOrigin: 'BR', consent: true },
      { token: paying.token },
    );
    expect(sent.status, sent.text).toBe(201);
    expectProblem(await award(api, setup, member.token, sent.body.id, { travelGrantMinor: 5_000, includesRegistration: true }), 409, 'SCHOLARSHIP_RECIPIENT_REGISTERED');
    expect((await award(api, setup, member.token, sent.body.id, { travelGrantMinor: 5_000, includesRegistration: false })).status).toBe(201);

    const applications = [];
    for (let i = 0; i < 6; i += 1) applications.push(await applicant(api, setup, `seat${i}`, { requestedTravelMinor: 10_000 }));

    const responses = await Promise.all(applications.map((a) => award(api, setup, member.token, a.applicationId, { travelGrantMinor: 10_000 })));
    expect(responses.map((r) => r.status).sort(), responses.map((r) => r.text).join('\n')).toEqual([201, 201, 409, 409, 409, 409]);
    for (const refused of responses.filter((r) => r.status === 409)) expectProblem(refused, 409, 'SCHOLARSHIP_TICKETS_SOLD_OUT');
    // a refused seat takes its award with it: budget and registrations agree (plus the grant-only award above)
    expect(await committedInDb(setup.programmeId)).toEqual({ committed: 25_000, awards: 3 });
    const seats = await query(db(), `SELECT count(*)::int AS n FROM registrations WHERE ticket_type_id = $1 AND state = 'CONFIRMED'`, [setup.ticketTypeId]);
    expect(seats[0].n).toBe(2);

    // a grant without a registration still works for the others
    const refusedIndex = responses.findIndex((r) => r.status === 409);
    const grantOnly = await award(api, setup, member.token, applications[refusedIndex].applicationId, { travelGrantMinor: 10_000, includesRegistration: false });
    expect(grantOnly.status, grantOnly.text).toBe(201);
    expect(grantOnly.body).toMatchObject({ includesRegistration: false, registrationId: null });
  });

  it('gives a declined award’s amount back to the budget and cancels its free registration', async () => {
    const setup = await scholarshipEvent(api, { members: 1, programme: { budgetMinor: 50_000, travelCapMinor: 30_000 } });
    const [member] = setup.committee;
    const base = `/v1/events/${setup.slug}/scholarships`;
    const a = await applicant(api, setup, 'decliner', { requestedTravelMinor: 30_000 });
    const b = await applicant(api, setup, 'waiting', { requestedTravelMinor: 30_000 });
    const c = await applicant(api, setup, 'revoked', { requestedTravelMinor: 10_000 });

    const first = await award(api, setup, member.token, a.applicationId, { travelGrantMinor: 30_000 });
    expect(first.status, first.text).toBe(201);
    const refused = await award<Problem>(api, setup, member.token, b.applicationId, { travelGrantMinor: 30_000 });
    expectProblem(refused, 409, 'SCHOLARSHIP_BUDGET_EXCEEDED');
    expect(refused.body.remainingMinor).toBe(20_000);
    expectProblem(await api.http.post(`${base}/awards/${first.body.id}/decline`, undefined, { token: b.user.token }), 404, 'SCHOLARSHIP_AWARD_NOT_FOUND');

    // accepted, then declined after all (a visa refused): the money and the seat come back
    expect((await api.http.post(`${base}/awards/${first.body.id}/accept`, undefined, { token: a.user.token })).status).toBe(200);
    expectProblem(await api.http.post(`${base}/applications/${a.applicationId}/withdraw`, undefined, { token: a.user.token }), 409, 'SCHOLARSHIP_APPLICATION_AWARDED');
    const declined = await api.http.post(`${base}/awards/${first.body.id}/decline`, undefined, { token: a.user.token });
    expect(declined.status, declined.text).toBe(200);
    expect(declined.body).toMatchObject({ state: 'DECLINED', registrationId: first.body.registrationId });
    const registration = await api.http.get(`/v1/events/${setup.slug}/registrations/me`, { token: a.user.token });
    expect(registration.body).toMatchObject({ id: first.body.registrationId, state: 'CANCELLED', cancelReason: 'ATTENDEE' });
    expectProblem(await api.http.post(`${base}/awards/${first.body.id}/accept`, undefined, { token: a.user.token }), 409, 'SCHOLARSHIP_AWARD_STATE');
    expectProblem(await api.http.post(`${base}/awards/${first.body.id}/decline`, undefined, { token: a.user.token }), 409, 'SCHOLARSHIP_AWARD_STATE');

    const totals = await api.http.get<Wire<ProgrammeTotalsDto>[]>(`${base}/summary`, { token: setup.organiser.token });
    expect(totals.body[0]).toMatchObject({ committedMinor: 0, grantedMinor: 0, remainingMinor: 50_000, awards: { offered: 0, accepted: 0, declined: 1, revoked: 0 } });
    const second = await award(api, setup, member.token, b.applicationId, { travelGrantMinor: 30_000 });
    expect(second.status, second.text).toBe(201);

    // a revocation frees the amount the same way
    const third = await award(api, setup, member.token, c.applicationId, { travelGrantMinor: 20_000 });
    expect(third.status, third.text).toBe(201);
    expectProblem(await award(api, setup, member.token, a.applicationId, { travelGrantMinor: 1 }), 409, 'SCHOLARSHIP_BUDGET_EXCEEDED');
    const revoked = await api.http.post(`${base}/awards/${third.body.id}/revoke`, undefined, { token: member.token });
    expect(revoked.status, revoked.text).toBe(200);
    expect(revoked.body).toMatchObject({ state: 'REVOKED', revokedAt: expect.any(String) });
    const revokedRegistration = await api.http.get(`/v1/events/${setup.slug}/registrations/me`, { token: c.user.token });
    expect(revokedRegistration.body).toMatchObject({ state: 'CANCELLED', cancelReason: 'ORGANISER' });
    const reaward = await award(api, setup, member.token, a.applicationId, { travelGrantMinor: 20_000 });
    expect(reaward.status, reaward.text).toBe(201);
    expect(await committedInDb(setup.programmeId)).toEqual({ committed: 50_000, awards: 2 });
  });

  it('enforces the budget in the database too, and never lets the budget drop below what awards hold', async () => {
    const setup = await scholarshipEvent(api, { members: 1, programme: { budgetMinor: 50_000, travelCapMinor: 20_000, ticketTypeId: null } });
    const [member] = setup.committee;
    const a = await applicant(api, setup, 'sql-a', { requestedTravelMinor: 20_000 });
    const b = await applicant(api, setup, 'sql-b', { requestedTravelMinor: 20_000 });
    const c = await applicant(api, setup, 'sql-c', { requestedTravelMinor: 20_000 });
    expect((await award(api, setup, member.token, a.applicationId, { travelGrantMinor: 20_000 })).status).toBe(201);
    expect((await award(api, setup, member.token, b.applicationId, { travelGrantMinor: 20_000 })).status).toBe(201);

    // an award written around the API, past the budget or the cap, is refused by the trigger
    const insert = (grant: number) =>
      query(
        db(),
        `INSERT INTO scholarship_awards (id, programme_id, application_id, travel_grant_minor, includes_registration, offered_at, updated_at)
         VALUES (gen_random_uuid(), $1, $2, $3, false, now(), now())`,
        [setup.programmeId, c.applicationId, grant],
      );
    await expect(insert(10_001)).rejects.toThrow(/LECTERN:SCHOLARSHIP_BUDGET_EXCEEDED/);
    await expect(insert(20_001)).rejects.toThrow(/LECTERN:SCHOLARSHIP_GRANT_ABOVE_CAP/);
    await expect(query(db(), `UPDATE scholarship_programmes SET budget_minor = 39999 WHERE id = $1`, [setup.programmeId])).rejects.toThrow(
      /LECTERN:SCHOLARSHIP_BUDGET_BELOW_COMMITTED/,
    );
    expect(await committedInDb(setup.programmeId)).toEqual({ committed: 40_000, awards: 2 });
    await insert(10_000);
    expect(await committedInDb(setup.programmeId)).toEqual({ committed: 50_000, awards: 3 });

    const base = `/v1/events/${setup.slug}/scholarships/programmes/${setup.programmeId}`;
    const cut = await api.http.patch<Problem>(base, { budgetMinor: 49_999 }, { token: setup.organiser.token });
    expectProblem(cut, 409, 'SCHOLARSHIP_BUDGET_BELOW_COMMITTED');
    expect(cut.body.detail).toBe('Offered and accepted awards already hold 500.00 USD; the budget cannot be lower.');
    expectProblem(await api.http.patch(base, { currency: 'EUR' }, { token: setup.organiser.token }), 409, 'SCHOLARSHIP_CURRENCY_LOCKED');
    const raised = await api.http.patch<Wire<ProgrammeDto>>(base, { budgetMinor: 60_000 }, { token: setup.organiser.token });
    expect(raised.status, raised.text).toBe(200);
    expect(raised.body.budgetMinor).toBe(60_000);
  });
});
