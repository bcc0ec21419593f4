import { Language, i18n, translator } from '@lectern/i18n/i18n';

/** Each top-level section of the report JSON and the key of its title in locales/<tag>/report.json. */
export const SECTION_TITLES = {
  headline: 'summary.title',
  attendees: 'attendees.title',
  content: 'content.title',
  diversity: 'diversity.title',
  partners: 'partners.title',
  yearOverYear: 'yoy.title',
  organiserFacts: 'facts.title',
  sharedCfp: 'content.sharedCfp.title',
  speakerOrigins: 'content.speakerOrigins.title',
  privacy: 'privacy.title',
  changes: 'changes.title',
} as const;

/**
 * The words of one language edition, for readers of the JSON: the report's title, each section's title under the
 * section's own key, the headline figures' labels, and the label of every coded value (continents, ticket
 * categories, company sizes ...) under `values.<dimension>.<code>`, exactly as the PDF of that language prints them.
 */
export interface ReportLabels {
  title: string;
  sections: Record<keyof typeof SECTION_TITLES, string>;
  /** Labels of the headline figures (`kpi.*` without placeholders). */
  figures: Record<string, string>;
  values: Record<string, Record<string, string>>;
}

function stringsOf(tree: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries((tree ?? {}) as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && !entry[1].includes('{{')),
  );
}

/** The labels of the report in each of `languages`, in that order. */
export function reportLabels(languages: readonly Language[]): Record<Language, ReportLabels> {
  return Object.fromEntries(
    languages.map((language) => {
      const t = translator(language);
      const bundle = (i18n().getResourceBundle(language, 'report') ?? {}) as { kpi?: unknown; values?: Record<string, unknown> };
      const labels: ReportLabels = {
        title: t('report:cover.kicker'),
        sections: Object.fromEntries(Object.entries(SECTION_TITLES).map(([section, key]) => [section, t(`report:${key}`)])) as ReportLabels['sections'],
        figures: stringsOf(bundle.kpi),
        values: Object.fromEntries(Object.entries(bundle.values ?? {}).map(([dimension, tree]) => [dimension, stringsOf(tree)])),
      };
      return [language, labels];
    }),
  );
}
