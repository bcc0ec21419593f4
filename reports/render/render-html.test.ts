import { describe, expect, it } from 'vitest';
import { supportedLanguages, translator } from '@lectern/i18n/i18n';
import { editionWithHistory, firstEdition, postponedEdition, smallEdition } from '@test/support/report-fixtures';
import { buildReport } from '@reports/build-report';
import { reportJson } from '@reports/produce-report';
import { TransparencyReport } from '@reports/report.model';
import { renderHtml } from './render-html';

/** Every number of the JSON with its path, as `<data data-path>` names it (money by its `minor`). */
function jsonNumbers(value: unknown, path = ''): Map<string, number> {
  const found = new Map<string, number>();
  const walk = (node: unknown, at: string) => {
    if (typeof node === 'number') found.set(at, node);
    else if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${at}[${i}]`));
    else if (node && typeof node === 'object') for (const [key, item] of Object.entries(node)) walk(item, at ? `${at}.${key}` : key);
  };
  walk(value, path);
  return found;
}

/**
 * Reads the page as a parser would: every element's tag and attributes, in document order, with a check that each
 * element closes in order (the void elements aside). Enough for this page, which the renderer writes itself.
 */
function parse(html: string) {
  const elements: { tag: string; attributes: Record<string, string>; text: string }[] = [];
  const open: string[] = [];
  const VOID = new Set(['meta', 'br', 'rect', 'link']);
  const pattern = /<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w:-]+(?:="[^"]*")?)*)\s*(\/?)>([^<]*)/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(html))) {
    const [, closing, rawTag, rawAttributes, selfClosing, text] = match;
    const tag = rawTag.toLowerCase();
    if (closing) {
      expect(open.pop(), `</${tag}>`).toBe(tag);
      continue;
    }
    const attributes = Object.fromEntries([...rawAttributes.matchAll(/([\w:-]+)(?:="([^"]*)")?/g)].map((m) => [m[1], m[2] ?? '']));
    elements.push({ tag, attributes, text });
    if (!selfClosing && !VOID.has(tag)) open.push(tag);
  }
  expect(open).toEqual([]);
  return elements;
}

describe('the web edition', () => {
  const reports: Record<string, TransparencyReport> = {
    small: buildReport(smallEdition()),
    first: buildReport(firstEdition()),
    history: buildReport(editionWithHistory()),
    postponed: buildReport(postponedEdition()),
  };

  it('holds every figure of the JSON, with the JSON’s value, in every language', () => {
    for (const [name, report] of Object.entries(reports)) {
      const json = jsonNumbers(JSON.parse(reportJson(report)));
      for (const language of supportedLanguages()) {
        const data = parse(renderHtml(report, language)).filter((el) => el.tag === 'data');
        const shown = new Map<string, number>();
        for (const el of data) {
          const path = el.attributes['data-path'].replace(/&quot;/g, '"');
          const value = Number(el.attributes.value);
          if (shown.has(path)) expect(shown.get(path), `${name} ${language} ${path} shown twice with different values`).toBe(value);
          shown.set(path, value);
          expect(el.text.trim(), `${name} ${language} ${path}`).not.toBe('');
        }
        const wrong = [...shown].filter(([path, value]) => json.get(path) !== value);
        expect(wrong, `${name} ${language}: figures not equal to the JSON`).toEqual([]);
        // a breakdown with nothing merged says so by saying nothing: its zero is the one figure not shown
        const missing = [...json].filter(([path, value]) => !shown.has(path) && !(path.endsWith('.privacy.mergedGroups') && value === 0)).map(([path]) => path);
        expect(missing, `${name} ${language}: figures of the JSON not on the page`).toEqual([]);
      }
    }
  });

  it('is one self-contained, accessible document per language', () => {
    const report = reports.history;
    for (const language of supportedLanguages()) {
      const html = renderHtml(report, language);
      const elements = parse(html);
      expect(elements.find((el) => el.tag === 'html')?.attributes.lang).toBe(language);
      // no external asset: no script, stylesheet link, image, font or frame, and no URL but the organisers' links
      expect(elements.filter((el) => ['script', 'link', 'img', 'iframe', 'object'].includes(el.tag))).toEqual([]);
      expect(html).not.toMatch(/url\(|@import|src=/);
      // one h1, then the sections as h2
      expect(elements.filter((el) => el.tag === 'h1')).toHaveLength(1);
      expect(elements.filter((el) => el.tag === 'h2').length).toBeGreaterThan(6);
      // every chart is an image with a title and a description that states its figures
      const charts = elements.filter((el) => el.tag === 'svg');
      expect(charts.length).toBeGreaterThan(5);
      for (const chart of charts) {
        expect(chart.attributes.role).toBe('img');
        const [titleId, descId] = chart.attributes['aria-labelledby'].split(' ');
        expect(elements.find((el) => el.tag === 'title' && el.attributes.id === titleId)?.text).toBeTruthy();
        expect(elements.find((el) => el.tag === 'desc' && el.attributes.id === descId)?.text).toMatch(/\d/);
      }
      // tables have header cells for their columns and rows
      for (const [index, el] of elements.entries()) {
        if (el.tag !== 'table') continue;
        expect(elements.slice(index, index + 6).some((x) => x.tag === 'th' && x.attributes.scope === 'col')).toBe(true);
      }
    }
    // the trends chart says which edition has no figure, in words, not as zero
    expect(renderHtml(report, 'en')).toMatch(/Jun 2020: n\/a/);
    expect(renderHtml(report, 'zh-CN')).toContain('香港会议展览中心');
  });

  it('leaves out what the edition has nothing to report for, and says what changed, in every language', () => {
    const report = reports.postponed;
    const changes: Record<string, string[]> = {
      en: ['Postponed from March 30, 2020 – April 2, 2020 to August 13, 2020 – August 16, 2020 (announced March 4, 2020)', 'Moved online (announced April 23, 2020)'],
      'zh-CN': ['延期：原定2020年3月30日至2020年4月2日，改为2020年8月13日至2020年8月16日（2020年3月4日宣布）', '改为线上举办（2020年4月23日宣布）'],
    };
    for (const language of supportedLanguages()) {
      const t = translator(language);
      const elements = parse(renderHtml(report, language));
      const tiles = elements.filter((el) => el.tag === 'data' && el.attributes['data-path'].startsWith('headline.'));
      // the tiles this edition has a source for, and no other
      expect(tiles.map((el) => el.attributes['data-path']).sort(), language).toEqual([
        'headline.continents',
        'headline.countries',
        'headline.firstTimeAttendees.count',
        'headline.firstTimeAttendees.percent',
        'headline.firstTimeAttendees.respondents',
        'headline.registrations',
        'headline.topCountry.count',
        'headline.topCountry.percent',
      ]);
      const headings = elements.filter((el) => el.tag === 'h2' || el.tag === 'h3').map((el) => el.text);
      for (const key of ['content.title', 'diversity.title', 'partners.title', 'attendees.companySize', 'attendees.jobFunction']) {
        expect(headings, `${language} ${key}`).not.toContain(t(`report:${key}`));
      }
      const summary = elements[elements.findIndex((el) => el.tag === 'h2' && el.text === t('report:summary.title')) + 1].text;
      for (const clause of ['summary.sponsors', 'summary.communityPartners', 'summary.colocated', 'summary.media', 'summary.cfp']) {
        expect(summary, `${language} ${clause}`).not.toContain(t(`report:${clause}`, { count: 0, n: '0' }));
      }
      // "What changed" is a section of its own, one list item per change, right after the cover
      const title = elements.findIndex((el) => el.tag === 'h2' && el.text === t('report:changes.title'));
      expect(title, language).toBeGreaterThan(0);
      expect(elements[title - 1]).toMatchObject({ tag: 'section', attributes: { 'aria-labelledby': 'changes' } });
      expect(elements[title].attributes.id).toBe('changes');
      const items = elements.slice(title).filter((el) => el.tag === 'li').slice(0, 2).map((el) => el.text);
      if (changes[language]) expect(items, language).toEqual(changes[language]);
      expect(items.every((item) => item.includes('2020')), language).toBe(true);
    }
  });

  it('leaves out the livestream row and the check-in line of an edition that had neither, and keeps real zeros', () => {
    const regs = postponedEdition().registrations;
    const used = buildReport({ ...postponedEdition(), event: { ...postponedEdition().event, format: 'HYBRID' }, registrations: { ...regs, checkedIn: 0 } });
    for (const language of supportedLanguages()) {
      const t = translator(language);
      const labels = [t('report:attendees.virtual'), t('report:attendees.checkIn')];
      const figures = (elements: ReturnType<typeof parse>) =>
        Object.fromEntries(
          elements
            .filter((el) => el.tag === 'data' && /^attendees\.(virtual|checkIn)/.test(el.attributes['data-path']))
            .map((el) => [el.attributes['data-path'], Number(el.attributes.value)]),
        );
      const absent = parse(renderHtml(reports.postponed, language));
      expect(figures(absent), language).toEqual({});
      expect(absent.filter((el) => labels.some((label) => el.text.includes(label))), language).toEqual([]);
      const shown = parse(renderHtml(used, language));
      expect(figures(shown), language).toEqual({ 'attendees.virtual': 0, 'attendees.checkIn.checkedIn': 0, 'attendees.checkIn.eligible': 60, 'attendees.checkIn.percent': 0 });
      expect(shown.find((el) => el.tag === 'th' && el.text === labels[0]), language).toBeDefined();
      expect(shown.find((el) => el.tag === 'p' && el.text.startsWith(labels[1])), language).toBeDefined();
    }
  });
});
