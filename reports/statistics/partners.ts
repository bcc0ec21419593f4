import { LocalizedText } from '@lectern/i18n/localized-text';
import { ReportInput } from '@reports/build-report';
import { MediaKind, OrganiserFactKind, SponsorTier } from '@reports/report.model';
import { SqlRunner, isoUtc, textArray, whole } from './sql';

export type PartnerStatistics = Pick<ReportInput, 'sponsors' | 'communityPartners' | 'media' | 'colocatedEvents' | 'organiserFacts'>;

/**
 * Sponsors (names per tier), community partners and accredited media and analysts (counted per kind and working
 * language), in one statement. Names are printed in the report, so they come back aggregated per tier.
 */
const PARTNERS_SQL = `
SELECT 'sponsor' AS section, tier::text AS key, NULL AS language, count(*)::int AS count, array_agg(name ORDER BY name) AS names
  FROM sponsors WHERE event_id = $1::uuid GROUP BY tier
UNION ALL
SELECT 'partner', NULL, NULL, count(*)::int, array_agg(name ORDER BY name)
  FROM community_partners WHERE event_id = $1::uuid HAVING count(*) > 0
UNION ALL
SELECT 'media', kind::text, language, count(*)::int, NULL
  FROM media_accreditations WHERE event_id = $1::uuid GROUP BY kind, language`;

/**
 * Co-located events: editions attached to this one (parent_event_id) that took place, so neither drafts nor
 * cancelled ones; each with its own counted (CONFIRMED) registrations.
 */
const COLOCATED_SQL = `
SELECT e.slug, e.name, ${isoUtc('e.starts_at')} AS starts_at, r.registrations
  FROM events e
 CROSS JOIN LATERAL (SELECT count(*)::int AS registrations FROM registrations x
                      WHERE x.event_id = e.id AND x.state = 'CONFIRMED') r
 WHERE e.parent_event_id = $1::uuid AND e.status NOT IN ('DRAFT', 'CANCELLED')
 ORDER BY e.starts_at, e.slug`;

/** Facts typed in by organisers (press clippings, coverage figures, notes); the report marks them as such. */
const FACTS_SQL = `
SELECT kind::text AS kind, label, value, unit, source, url, to_char(published_on, 'YYYY-MM-DD') AS published_on,
       language, ${isoUtc('created_at')} AS entered_at
  FROM event_facts WHERE event_id = $1::uuid
 ORDER BY created_at, id`;

interface PartnerRow {
  section: 'sponsor' | 'partner' | 'media';
  key: string | null;
  language: string | null;
  count: unknown;
  names: unknown;
}

interface ColocatedRow {
  slug: string;
  name: LocalizedText;
  starts_at: string;
  registrations: unknown;
}

interface FactRow {
  kind: OrganiserFactKind;
  label: LocalizedText;
  value: number | string | null;
  unit: LocalizedText | null;
  source: string | null;
  url: string | null;
  published_on: string | null;
  language: string | null;
  entered_at: string;
}

export async function collectPartners(sql: SqlRunner, eventId: string): Promise<PartnerStatistics> {
  const rows = await sql<PartnerRow>(PARTNERS_SQL, [eventId]);
  const colocated = await sql<ColocatedRow>(COLOCATED_SQL, [eventId]);
  const facts = await sql<FactRow>(FACTS_SQL, [eventId]);
  return {
    sponsors: rows
      .filter((row) => row.section === 'sponsor')
      .flatMap((row) => textArray(row.names).map((name) => ({ name, tier: row.key as SponsorTier }))),
    communityPartners: rows.filter((row) => row.section === 'partner').flatMap((row) => textArray(row.names).map((name) => ({ name }))),
    media: rows
      .filter((row) => row.section === 'media')
      .map((row) => ({ kind: row.key as MediaKind, language: row.language as string, count: whole(row.count) })),
    colocatedEvents: colocated.map((row) => ({
      slug: row.slug,
      name: row.name,
      startsAt: row.starts_at,
      registrations: whole(row.registrations),
    })),
    organiserFacts: facts.map((row) => ({
      kind: row.kind,
      label: row.label,
      value: row.value === null ? null : Number(row.value),
      unit: row.unit,
      source: row.source,
      url: row.url,
      publishedOn: row.published_on,
      language: row.language,
      enteredAt: row.entered_at,
    })),
  };
}
