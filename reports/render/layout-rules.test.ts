import { beforeAll, describe, expect, it } from 'vitest';
import { Language, supportedLanguages } from '@lectern/i18n/i18n';
import { editionWithHistory, smallEdition } from '@test/support/report-fixtures';
import { PageRun, layoutProblems, readRuns, tableSplits } from '@test/support/pdf-layout';
import { buildReport } from '@reports/build-report';
import { renderReport } from './render-report';

/**
 * The page-break rules (layout.ts), measured on the rendered PDFs of every language: no table split with fewer than
 * three rows on either side, no heading at the foot of a page, no page more than half empty unless a section ends
 * there. The demo's own PDFs are measured the same way in test/integration/demo-report.test.ts.
 */
describe('the layout rules', () => {
  const editions = { small: buildReport(smallEdition()), 'long names': buildReport(editionWithHistory()) };
  const measured = {} as Record<string, { pages: PageRun[][]; height: number }>;

  beforeAll(async () => {
    for (const [name, report] of Object.entries(editions)) {
      for (const language of supportedLanguages()) measured[`${name} ${language}`] = await readRuns(await renderReport(report, language));
    }
  }, 120_000);

  it('hold on every page of every language edition', () => {
    for (const [name, { pages, height }] of Object.entries(measured)) {
      expect(layoutProblems(pages, height), name).toEqual([]);
    }
  });

  it('are measured on what they are about: headings, and tables that do split across pages', () => {
    const languages: readonly Language[] = supportedLanguages();
    for (const language of languages) {
      const { pages, height } = measured[`long names ${language}`];
      // the long-name edition's tables are long enough to cross pages in every language
      expect(tableSplits(pages, height), language).toBeGreaterThan(0);
      expect(pages.flat().filter((run) => Math.abs(run.size - 16) < 0.6).length, language).toBeGreaterThan(5);
    }
  });

  it('would catch a table split with a small remainder, a heading at the foot and a half-empty page', () => {
    const row = (top: number, x = 60, size = 9.5): PageRun => ({ text: 'x', top, x, size });
    const header = (top: number): PageRun => ({ text: 'Header', top, x: 60, size: 8 });
    const height = 841.89;
    const full = [row(60, 56), header(100), ...Array.from({ length: 30 }, (_, i) => row(120 + 20 * i))];
    const tail = [header(56), row(76), row(96)];
    expect(layoutProblems([full, tail], height).map((p) => p.rule)).toEqual(['table split']);
    const foot = [row(60, 56), { text: 'Industry', top: 760, x: 56, size: 11.5 }];
    expect(layoutProblems([foot, [row(60, 56)]], height).map((p) => p.rule)).toEqual(['heading at foot']);
    expect(layoutProblems([[row(60, 56), row(300, 56)], [row(60, 56)]], height).map((p) => p.rule)).toEqual(['half-empty page']);
    // a short page before a section heading is where a section ends
    expect(layoutProblems([[row(60, 56)], [{ text: 'Content', top: 56, x: 56, size: 16 }, row(80, 56)]], height)).toEqual([]);
  });
});
