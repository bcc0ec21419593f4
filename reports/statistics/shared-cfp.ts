import { LocalizedText } from '@lectern/i18n/localized-text';
import { ReportInput } from '@reports/build-report';
import { SqlRunner, whole } from './sql';

/**
 * The edition's share of a CFP it shares with other editions. Counting rules:
 * - offered = proposals offered to this edition that were submitted (every state but DRAFT: a withdrawn proposal
 *   was submitted, so it counts, as in the content section);
 * - accepted = this edition's released acceptances (an unreleased decision is not yet one); confirmed and declined
 *   are the speakers' answers to them.
 * No row when the edition shares no CFP.
 */
const SHARED_CFP_SQL = `
WITH grp AS (
  SELECT g.id, g.host_event_id FROM cfp_group_editions m JOIN cfp_groups g ON g.id = m.group_id WHERE m.event_id = $1::uuid
), offered AS (
  SELECT count(*)::int AS offered,
         count(*) FILTER (WHERE o.decision = 'ACCEPTED' AND o.released_at IS NOT NULL)::int AS accepted,
         count(*) FILTER (WHERE o.response = 'CONFIRMED')::int AS confirmed,
         count(*) FILTER (WHERE o.response = 'DECLINED')::int AS declined
    FROM submission_offers o JOIN submissions s ON s.id = o.submission_id
   WHERE o.event_id = $1::uuid AND s.state <> 'DRAFT'
)
SELECT h.slug AS host_slug, h.name AS host_name,
       (SELECT json_agg(json_build_object('slug', e.slug, 'city', e.city) ORDER BY m.position, e.slug)
          FROM cfp_group_editions m JOIN events e ON e.id = m.event_id WHERE m.group_id = grp.id) AS editions,
       offered.*
  FROM grp JOIN events h ON h.id = grp.host_event_id CROSS JOIN offered`;

/**
 * Speakers by origin. Counting rules: the distinct people on the edition's held sessions, which are its own
 * submissions ACCEPTED or CONFIRMED (as in the content section) and the proposals of a shared CFP it accepted and
 * released, unless their speakers declined it or withdrew the proposal. Local = the profile's country is the
 * edition's; a speaker without a profile country is in neither group.
 */
const SPEAKER_ORIGINS_SQL = `
WITH held AS (
  SELECT s.id FROM submissions s WHERE s.event_id = $1::uuid AND s.state IN ('ACCEPTED', 'CONFIRMED')
  UNION
  SELECT o.submission_id FROM submission_offers o JOIN submissions s ON s.id = o.submission_id
   WHERE o.event_id = $1::uuid AND o.decision = 'ACCEPTED' AND o.released_at IS NOT NULL
     AND o.response IS DISTINCT FROM 'DECLINED' AND s.state = 'SUBMITTED'
), people AS (
  SELECT DISTINCT ss.user_id FROM held h JOIN submission_speakers ss ON ss.submission_id = h.id
)
SELECT count(*)::int AS speakers,
       (count(*) FILTER (WHERE p.country = e.country))::int AS local,
       (count(*) FILTER (WHERE p.country IS NULL))::int AS without_country
  FROM people JOIN events e ON e.id = $1::uuid
  LEFT JOIN speaker_profiles p ON p.user_id = people.user_id`;

interface SharedRow {
  host_slug: string;
  host_name: LocalizedText;
  editions: { slug: string; city: LocalizedText }[] | string;
  offered: unknown;
  accepted: unknown;
  confirmed: unknown;
  declined: unknown;
}

export async function collectSharedCfp(sql: SqlRunner, eventId: string): Promise<Pick<ReportInput, 'sharedCfp' | 'speakerOrigins'>> {
  const [shared] = await sql<SharedRow>(SHARED_CFP_SQL, [eventId]);
  const [origins] = await sql<{ speakers: unknown; local: unknown; without_country: unknown }>(SPEAKER_ORIGINS_SQL, [eventId]);
  return {
    sharedCfp: shared
      ? {
          host: { slug: shared.host_slug, name: shared.host_name },
          editions: typeof shared.editions === 'string' ? (JSON.parse(shared.editions) as Exclude<SharedRow['editions'], string>) : shared.editions,
          offered: whole(shared.offered),
          accepted: whole(shared.accepted),
          confirmed: whole(shared.confirmed),
          declined: whole(shared.declined),
        }
      : null,
    speakerOrigins: { speakers: whole(origins.speakers), local: whole(origins.local), withoutCountry: whole(origins.without_country) },
  };
}
