import { expect, inject } from 'vitest';
import { query } from './databases';
import { TicketTypeDto } from '@api/registrations/ticket-types.dto';
import { ApplicationDto } from '@api/scholarships/applications.dto';
import { ProgrammeDto } from '@api/scholarships/programmes.dto';
import { Problem, Wire } from './api-types';
import { Response, TestApi, createEventWithOrganiser, signUp } from './harness';
import { AwardDto } from '@api/scholarships/awards.dto';

/** Helpers of the scholarship tests: an event with a committee, a scholarship ticket type and a programme. */

export type User = Awaited<ReturnType<typeof signUp>>;

export function expectProblem(response: Response, status: number, code: string) {
  expect(response.status, response.text).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect((response.body as Problem).code).toBe(code);
}

export const db = () => inject('databaseUrl');

export async function grant(api: TestApi, slug: string, token: string, user: User, role: string) {
  const granted = await api.http.post(`/v1/events/${slug}/roles`, { email: user.email, role }, { token });
  expect(granted.status, granted.text).toBe(201);
}

export interface ScholarshipSetup {
  slug: string;
  organiser: User;
  committee: User[];
  ticketTypeId: string;
  programmeId: string;
}

/**
 * A published event (Asia/Shanghai) with `members` committee members, a hidden free SCHOLARSHIP ticket type
 * (with a quota of `seats` when given) and one programme open from 2000 to 2099 (the real clock is inside).
 */
export async function scholarshipEvent(
  api: TestApi,
  options: { members?: number; seats?: number; programme?: Record<string, unknown> } = {},
): Promise<ScholarshipSetup> {
  const { slug, organiser } = await createEventWithOrganiser(api);
  const token = organiser.token;
  const committee: User[] = [];
  for (let i = 0; i < (options.members ?? 2); i += 1) {
    const member = await signUp(api.http, `committee${i}`);
    await grant(api, slug, token, member, 'SCHOLARSHIP_COMMITTEE');
    committee.push(member);
  }
  const type = await api.http.post<Wire<TicketTypeDto>>(
    `/v1/events/${slug}/ticket-types`,
    { name: { en: 'Scholarship', 'zh-CN': '奖学金' }, category: 'SCHOLARSHIP', attendance: 'IN_PERSON', priceCents: 0, hidden: true },
    { token },
  );
  expect(type.status, type.text).toBe(201);
  if (options.seats !== undefined) {
    const quota = await api.http.post(`/v1/events/${slug}/quotas`, { name: 'Scholarship seats', size: options.seats, ticketTypeIds: [type.body.id] }, { token });
    expect(quota.status, quota.text).toBe(201);
  }
  const programme = await api.http.post<Wire<ProgrammeDto>>(
    `/v1/events/${slug}/scholarships/programmes`,
    {
      key: 'diversity',
      name: { en: 'Diversity scholarship', 'zh-CN': '多样性奖学金' },
      kind: 'DIVERSITY',
      opensAt: '2000-01-01T00:00:00Z',
      closesAt: '2099-12-31T23:59:59Z',
      currency: 'USD',
      budgetMinor: 30_000_000,
      travelCapMinor: 150_000,
      ticketTypeId: type.body.id,
      reviewsPerApplication: 2,
      ...options.programme,
    },
    { token },
  );
  expect(programme.status, programme.text).toBe(201);
  return { slug, organiser, committee, ticketTypeId: type.body.id, programmeId: programme.body.id };
}

export const application = (programmeId: string, extra: Record<string, unknown> = {}) => ({
  programmeId,
  statement: 'I maintain a CNI plugin in my spare time and could not otherwise attend.',
  contributions: 'Organiser of the Lagos cloud native meetup.',
  requestedTravelMinor: 120_000,
  travelOrigin: 'ng',
  underrepresented: true,
  backgroundNote: 'First engineer in my family.',
  consent: true,
  ...extra,
});

/** A new user who applied to the programme; returns the user and the application id. */
export async function applicant(api: TestApi, setup: ScholarshipSetup, label: string, extra: Record<string, unknown> = {}) {
  const user = await signUp(api.http, label);
  const sent = await api.http.post<Wire<ApplicationDto>>(`/v1/events/${setup.slug}/scholarships/applications`, application(setup.programmeId, extra), { token: user.token });
  expect(sent.status, sent.text).toBe(201);
  return { user, applicationId: sent.body.id };
}

export function award<T = Wire<AwardDto>>(api: TestApi, setup: ScholarshipSetup, token: string, applicationId: string, body: Record<string, unknown> = {}) {
  return api.http.post<T>(`/v1/events/${setup.slug}/scholarships/awards`, { applicationId, ...body }, { token });
}

/** The counting awards' grants of a programme, read straight from the database. */
export async function committedInDb(programmeId: string) {
  const rows = await query<{ committed: number; awards: number }>(
    db(),
    `SELECT coalesce(sum(travel_grant_minor), 0)::int AS committed, count(*)::int AS awards
       FROM scholarship_awards WHERE programme_id = $1 AND state IN ('OFFERED', 'ACCEPTED')`,
    [programmeId],
  );
  return rows[0];
}
