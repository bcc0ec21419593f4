import { MIN_ROWS_EACH_SIDE, SIZES } from '@reports/render/layout';

/**
 * Measures a rendered report's page breaks from the PDF itself, with pdf.js reading each text run's position and
 * size, and recognises the report's blocks by how Layout draws them: headings by their sizes, table cells by their
 * inset from the margin (headers in the small size, body rows in the body size), anything else at the margin.
 */
export interface PageRun {
  text: string;
  /** Points from the top of the page to the top of the run. */
  top: number;
  x: number;
  size: number;
}

export interface LayoutProblem {
  page: number;
  rule: 'table split' | 'heading at foot' | 'half-empty page';
  detail: string;
}

const MARGIN = { top: 56, bottom: 60, left: 56 };
/** Table cells start this far from the margin (the table's cell padding). */
const CELL_X = MARGIN.left + 4;
const near = (a: number, b: number, tolerance = 0.6) => Math.abs(a - b) <= tolerance;

export async function readRuns(pdf: Buffer): Promise<{ pages: PageRun[][]; height: number }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  try {
    const pages: PageRun[][] = [];
    let height = 0;
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      height = page.view[3];
      const content = await page.getTextContent();
      const runs: PageRun[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [, , c, d, e, f] = item.transform as number[];
        const size = Math.hypot(c, d);
        runs.push({ text: item.str, x: e, size, top: height - f - size });
      }
      pages.push(runs.sort((a, b) => a.top - b.top || a.x - b.x));
    }
    return { pages, height };
  } finally {
    await document.destroy();
  }
}

/** Everything on the page but its footer ("Page n of m"). */
function body(runs: PageRun[], height: number) {
  return runs.filter((run) => run.top < height - MARGIN.bottom);
}

const isHeading = (run: PageRun) => near(run.size, SIZES.heading) || near(run.size, SIZES.subheading);
const isSectionHeading = (run: PageRun) => near(run.size, SIZES.heading);
const isHeaderCell = (run: PageRun) => near(run.x, CELL_X) && near(run.size, SIZES.small);
const isRowStart = (run: PageRun) => near(run.x, CELL_X) && near(run.size, SIZES.body);
/** A line of a wrapped cell is closer to the line above it than a new row (padding on both sides) would be. */
const SAME_ROW = SIZES.body * 1.45;

/** Table rows per page: for each table on a page, its rows, whether it starts the page, whether it ends it. */
function tablesOn(runs: PageRun[]) {
  const tables: { rows: number; atTop: boolean; atBottom: boolean }[] = [];
  let current: { rows: number; atTop: boolean; atBottom: boolean; lastTop: number } | undefined;
  runs.forEach((run, index) => {
    if (isHeaderCell(run)) {
      if (!current || current.rows > 0) {
        current = { rows: 0, atTop: index === 0, atBottom: false, lastTop: -Infinity };
        tables.push(current);
      }
    } else if (current && isRowStart(run)) {
      if (run.top - current.lastTop > SAME_ROW) current.rows++;
      current.lastTop = run.top;
    } else if (run.x < CELL_X - 1) {
      current = undefined;
    }
  });
  if (current) current.atBottom = true;
  return tables.map(({ rows, atTop, atBottom }) => ({ rows, atTop, atBottom }));
}

/** The page-break rules of layout.ts, measured; an empty list when every page keeps them. */
export function layoutProblems(pages: PageRun[][], height: number): LayoutProblem[] {
  const problems: LayoutProblem[] = [];
  const content = height - MARGIN.top - MARGIN.bottom;
  pages.forEach((all, index) => {
    const page = index + 1;
    const runs = body(all, height);
    const next = pages[index + 1] ? body(pages[index + 1], height) : undefined;
    // a heading with nothing under it on its page
    const last = runs.at(-1);
    if (last && isHeading(last)) problems.push({ page, rule: 'heading at foot', detail: last.text });
    // a table split with too few rows on either side
    const tables = tablesOn(runs);
    const continued = next ? tablesOn(next)[0] : undefined;
    const ending = tables.at(-1);
    if (ending?.atBottom && continued?.atTop) {
      if (ending.rows < MIN_ROWS_EACH_SIDE || continued.rows < MIN_ROWS_EACH_SIDE) {
        problems.push({ page, rule: 'table split', detail: `${ending.rows} rows, then ${continued.rows} on the next page` });
      }
    }
    // a page more than half empty, unless a section ends there (the next page opens with a section heading)
    if (next && last) {
      const used = last.top + last.size - MARGIN.top;
      const sectionEnds = next.length > 0 && isSectionHeading(next[0]);
      if (used < content / 2 && !sectionEnds) problems.push({ page, rule: 'half-empty page', detail: `${Math.round((100 * used) / content)}% used` });
    }
  });
  return problems;
}

/** How many table splits the document has, so that a test can tell its measurement saw some. */
export function tableSplits(pages: PageRun[][], height: number): number {
  let splits = 0;
  pages.forEach((all, index) => {
    const next = pages[index + 1];
    if (!next) return;
    const ending = tablesOn(body(all, height)).at(-1);
    const continued = tablesOn(body(next, height))[0];
    if (ending?.atBottom && continued?.atTop) splits++;
  });
  return splits;
}
