import { beforeAll, describe, expect, it } from 'vitest';
import { supportedLanguages } from '@lectern/i18n/i18n';
import { editionWithHistory, postponedEdition, smallEdition } from '@test/support/report-fixtures';
import { PdfStructure, StructNode, elements, readStructure, textOf } from '@test/support/pdf-structure';
import { buildReport } from '@reports/build-report';
import { TransparencyReport } from '@reports/report.model';
import { Edition, changeSentences, renderReport } from './render-report';

const squeeze = (text: string) => text.replace(/\s+/g, '');

/** Every element of every page's tree, each with its parent, in reading order. */
function walk(structure: PdfStructure): { node: StructNode; parent: StructNode }[] {
  const visit = (parent: StructNode): { node: StructNode; parent: StructNode }[] =>
    parent.children.flatMap((node) => [{ node, parent }, ...visit(node)]);
  return structure.pages.flatMap(visit);
}

const byRole = (structure: PdfStructure, role: string) => structure.pages.flatMap((page) => elements(page).filter((node) => node.role === role));

/**
 * The tagged PDF as assistive technology reads it (pdf.js's structure tree and marked text): the structure, the
 * reading order, header cells, lists, and alternative text for every chart that states its figures, in each
 * language edition of the demo-like edition and of one with a history and long names.
 */
describe('the report PDF for screen readers', () => {
  const editions: Record<string, TransparencyReport> = { small: buildReport(smallEdition()), history: buildReport(editionWithHistory()) };
  const read = {} as Record<string, { structure: PdfStructure; e: Edition; outline: string[] }>;
  const cases = Object.keys(editions).flatMap((name) => supportedLanguages().map((language) => ({ name, language, key: `${name} ${language}` })));

  beforeAll(async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    for (const { name, language, key } of cases) {
      const pdf = await renderReport(editions[name], language);
      const document = await pdfjs.getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
      const outline = ((await document.getOutline()) ?? []).map((item) => item.title);
      await document.destroy();
      read[key] = { structure: await readStructure(pdf), e: new Edition(language, editions[name]), outline };
    }
  }, 240_000);

  it('is tagged (MarkInfo /Marked true, "Tagged: yes" in pdfinfo), in the edition’s language, with the report’s title shown', () => {
    for (const { name, key, language } of cases) {
      const { structure, e } = read[key];
      expect(structure.marked, key).toBe(true);
      expect(structure.language, key).toBe(language);
      expect(structure.title, key).toBe(e.t('meta.title', { event: e.name(editions[name].event.name) }));
      expect(structure.displayDocTitle, key).toBe(true);
    }
  });

  it('puts every text in the structure tree once, and the page numbers outside it as page furniture', () => {
    for (const { key } of cases) {
      const { structure, e } = read[key];
      const pages = structure.pages.length;
      expect(structure.untagged, key).toEqual(structure.pages.map(() => []));
      expect(structure.orphans, key).toEqual(structure.pages.map(() => []));
      expect(structure.shared, key).toEqual(structure.pages.map(() => []));
      structure.artifacts.forEach((texts, i) => {
        expect(squeeze(texts.join('')), `${key} page ${i + 1}`).toContain(squeeze(e.t('footer.page', { page: e.n(i + 1), pages: e.n(pages) })));
      });
      const tagged = structure.pages.map((page) => squeeze(textOf(page))).join('');
      expect(tagged, key).not.toContain(squeeze(e.t('footer.page', { page: e.n(1), pages: e.n(pages) })));
    }
  });

  it('is a Document of sections, each opened by its heading, in the order of the outline', () => {
    for (const { name, key } of cases) {
      const { structure, e, outline } = read[key];
      for (const page of structure.pages) {
        expect(page.children.map((node) => node.role), key).toEqual(['Document']);
        expect(new Set(page.children[0].children.map((node) => node.role)), key).toEqual(new Set(['Sect']));
      }
      const all = walk(structure);
      const h1 = all.filter(({ node }) => node.role === 'H1');
      expect(h1.map(({ node }) => squeeze(node.text)), key).toEqual([squeeze(e.name(editions[name].event.name))]);
      const h2 = all.filter(({ node }) => node.role === 'H2');
      // the cover's "From the organisers" is its H2; every other H2 opens a section and is in the outline
      const sections = h2.filter(({ parent }) => parent.children[0].role === 'H2');
      expect(sections.map(({ node }) => squeeze(node.text)), key).toEqual(outline.map(squeeze));
      expect(outline.map(squeeze), key).toEqual(expect.arrayContaining([e.t('summary.title'), e.t('attendees.title'), e.t('privacy.title')].map(squeeze)));
      for (const { node, parent } of all.filter(({ node }) => /^H\d$/.test(node.role))) {
        expect(parent.role, `${key} ${node.text}`).toBe('Sect');
        expect(node.text.trim(), key).not.toBe('');
      }
      expect(all.filter(({ node }) => node.role === 'H3').length, key).toBeGreaterThan(10);
    }
  });

  it('gives every table a row of column headers and each row a row header (TH), the repeated header outside', () => {
    for (const { key } of cases) {
      const { structure, e } = read[key];
      const tables = walk(structure).filter(({ node }) => node.role === 'Table');
      expect(tables.length, key).toBeGreaterThan(8);
      let continued = 0;
      for (const { node: table } of tables) {
        expect(new Set(table.children.map((row) => row.role)), key).toEqual(new Set(['TR']));
        const widths = new Set(table.children.map((row) => row.children.length));
        expect(widths.size, key).toBe(1);
        for (const row of table.children) {
          expect(row.children[0].role, `${key} ${textOf(row)}`).toBe('TH');
          expect(row.children.every((cell) => cell.role === 'TH' || cell.role === 'TD'), key).toBe(true);
        }
        expect(table.children[0].children.every((cell) => cell.role === 'TH'), key).toBe(true);
        if (textOf(table.children[0]) === '') {
          // the rest of a table split across pages: at the top of its page, its header drawn again as furniture
          continued++;
          const page = structure.pages[table.page - 1];
          expect(squeeze(textOf(page)).startsWith(squeeze(textOf(table))), key).toBe(true);
          expect(structure.artifacts[table.page - 1].length, key).toBeGreaterThan(2);
        }
      }
      if (key.startsWith('history')) expect(continued, key).toBeGreaterThan(0);
      const overview = tables.find(({ node }) => squeeze(textOf(node.children[0].children[0])) === squeeze(e.t('attendees.overview')));
      expect(overview?.node.children.map((row) => row.children.map((cell) => squeeze(cell.text))), key).toEqual(
        [
          [e.t('attendees.overview'), e.t('common.count')],
          [e.t('attendees.inPerson'), e.n(e.report.attendees.inPerson)],
          ...(e.report.attendees.virtual === null ? [] : [[e.t('attendees.virtual'), e.n(e.report.attendees.virtual)]]),
          [e.t('attendees.registrations'), e.n(e.report.attendees.registrations)],
        ].map((row) => row.map(squeeze)),
      );
    }
  });

  it('makes every chart a Figure whose alternative text names it and states every figure it draws', () => {
    for (const { key } of cases) {
      const { structure, e } = read[key];
      const all = walk(structure);
      const figures = all.filter(({ node }) => node.role === 'Figure');
      const distributions = [e.report.attendees.countries, e.report.attendees.continents, e.report.attendees.companySize, e.report.attendees.ticketMix];
      expect(figures.length, key).toBeGreaterThanOrEqual(distributions.length + 1);
      for (const { node, parent } of figures) {
        expect(node.alt, key).toBeTruthy();
        const alt = squeeze(node.alt ?? '');
        // the chart's title is the heading just before it
        const index = parent.children.indexOf(node);
        expect(parent.children[index - 1]?.role, key).toBe('H3');
        expect(alt, key).toContain(squeeze(parent.children[index - 1].text));
        if (node.text === '') continue;
        const drawn = node.text.match(/\d[\d,.]*%?/g) ?? [];
        expect(drawn.length, key).toBeGreaterThan(0);
        expect(drawn.filter((figure) => !alt.includes(figure)), key).toEqual([]);
      }
      // and the alternative text says each figure with its label, not only the numbers
      const countries = figures.find(({ node }) => squeeze(node.alt ?? '').includes(squeeze(e.t('attendees.countries'))));
      for (const item of e.report.attendees.countries!.items) {
        for (const part of [e.item('country', item), e.n(item.count), e.pct(item.percent)]) {
          expect(squeeze(countries?.node.alt ?? ''), `${key} ${part}`).toContain(squeeze(part));
        }
      }
      const trend = figures.filter(({ node }) => squeeze(node.alt ?? '').includes(squeeze(e.t('yoy.chartTitle'))));
      expect(trend.length, key).toBe(e.report.yearOverYear.length > 1 ? 1 : 0);
      for (const row of trend.length > 0 ? e.report.yearOverYear : []) {
        const value = row.registrations === null ? e.t('common.notAvailable') : e.n(row.registrations);
        const alt = squeeze(trend[0].node.alt ?? '');
        const month = squeeze(e.fmt.month(row.startsAt, e.report.event.timezone));
        expect(alt, key).toContain(month);
        // the figure said next to the month, before the separator of the next one
        expect(alt.slice(alt.indexOf(month)).split(squeeze(e.t('chart.separator')))[0], key).toContain(squeeze(value));
      }
    }
  });

  it('states the figures of a chart in words of the edition’s language', () => {
    const alt = (key: string, title: string) => byRole(read[key].structure, 'Figure').find((node) => node.alt?.includes(title))?.alt;
    expect(alt('small en', 'Countries')).toBe(
      'Bar chart, Countries: China 150 (77.3%); United States 20 (10.3%); Japan 12 (6.2%); Germany 6 (3.1%); Other (3 groups) 6 (3.1%).',
    );
    expect(alt('small zh-CN', '国家和地区')).toBe('条形图，国家和地区：中国 150（77.3%）；美国 20（10.3%）；日本 12（6.2%）；德国 6（3.1%）；其他（3 组） 6（3.1%）。');
    expect(alt('history en', 'Registrations per edition')).toBe(
      'Column chart, Registrations per edition: Jun 2018 1,500; Jun 2019 1,750; Jun 2020 n/a; Jun 2021 n/a; Jun 2022 2,500; Jun 2023 2,750; Jun 2024 3,000; Jun 2025 3,250; Jun 2026 (this edition) 512.',
    );
    expect(alt('history zh-CN', '历届注册人数')).toBe(
      '柱状图，历届注册人数：2018年6月 1,500；2019年6月 1,750；2020年6月 不适用；2021年6月 不适用；2022年6月 2,500；2023年6月 2,750；2024年6月 3,000；2025年6月 3,250；2026年6月（本届）512。',
    );
  });

  it('tags lists as L, LI, Lbl and LBody: the key figures, the entered facts and the privacy notes', () => {
    for (const { name, key } of cases) {
      const { structure, e } = read[key];
      const lists = byRole(structure, 'L');
      for (const list of lists) {
        expect(new Set(list.children.map((item) => item.role)), key).toEqual(new Set(['LI']));
        // items with their text on this page (the others are read with their own page)
        for (const item of list.children.filter((child) => textOf(child) !== '')) {
          const roles = item.children.map((child) => child.role);
          expect([['LBody'], ['Lbl', 'LBody']], `${key} ${roles.join()}`).toContainEqual(roles);
        }
      }
      const items = (list: StructNode | undefined) => list?.children.map((item) => squeeze(textOf(item.children.at(-1) as StructNode))) ?? [];
      const figures = lists.find((list) => items(list)[0]?.startsWith(squeeze(e.n(e.report.headline.registrations) + e.t('kpi.registrations'))));
      expect(figures?.children.length, key).toBeGreaterThan(8);
      const facts = lists.find((list) => list.children[0].children[0].role === 'Lbl' && squeeze(textOf(list.children[0].children[0])).includes(squeeze(e.t('facts.marker'))));
      expect(facts?.children.length, key).toBe(editions[name].organiserFacts.length);
      const privacy = lists.find((list) => items(list).some((text) => text.startsWith(squeeze(e.t('privacy.sections.attendees.countries')))));
      const notes = editions[name].privacy.notes;
      expect(privacy?.children.length ?? 0, key).toBe(notes.filter((n) => n.suppressed).length + notes.filter((n) => n.mergedGroups > 0).length);
    }
  });
});

describe('the "What changed" part for screen readers', () => {
  it('is a heading on the first page followed by a list, one item per change, in every language', async () => {
    const report = buildReport(postponedEdition());
    for (const language of supportedLanguages()) {
      const e = new Edition(language, report);
      const structure = await readStructure(await renderReport(report, language));
      const nodes = walk({ ...structure, pages: structure.pages.slice(0, 1) });
      const heading = nodes.findIndex(({ node }) => node.role === 'H2' && squeeze(textOf(node)) === squeeze(e.t('changes.title')));
      expect(heading, language).toBeGreaterThan(0);
      const { parent } = nodes[heading];
      const list = parent.children[parent.children.indexOf(nodes[heading].node) + 1];
      expect(list.role, language).toBe('L');
      expect(list.children.map((item) => item.children.map((child) => child.role)), language).toEqual([['Lbl', 'LBody'], ['Lbl', 'LBody']]);
      expect(list.children.map((item) => squeeze(textOf(item.children[1]))), language).toEqual(changeSentences(e).map(squeeze));
    }
  });
});
