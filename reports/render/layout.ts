import { ReportFonts } from './font';
import { breakAtSpaces } from './line-breaking';

/**
 * Drawing primitives for the report: headings, paragraphs, tables, key figures and horizontal bar charts, all as
 * PDF text and vector paths (no images), laid out top to bottom with page breaks where a block would not fit.
 *
 * The document is a tagged PDF (ISO 32000-1 14.8): every primitive puts what it draws into the structure tree as it
 * draws it, so the tree's order is the reading order. Document → one Sect per section (the cover, then one per
 * heading) → H1 to H3, P, Table/TR/TH/TD, L/LI/Lbl/LBody and Figure (a chart, with alternative text from the
 * caller). Page furniture (page numbers, rules, stripes, cards, a table's header repeated on a new page) is an
 * Artifact, outside the tree. A marked-content sequence never spans a page break that Layout makes itself
 * (`addPage`): it is closed before and a new one opened after; PDFKit carries one across a break inside a text.
 */

export const COLORS = {
  text: '#1f2933',
  muted: '#52606d',
  accent: '#1d4e89',
  bar: '#3b7dd8',
  barOther: '#9aa5b1',
  track: '#e4e7eb',
  rule: '#cbd2d9',
  zebra: '#f5f7fa',
  card: '#f0f4f8',
  marker: '#9c4221',
};

export const SIZES = { title: 24, heading: 16, subheading: 11.5, body: 9.5, small: 8, kpi: 17 };

/**
 * Page-break rules, the same in every language (a test measures them on the rendered PDFs):
 * - a table is split only with at least this many rows on each side of the break; a shorter table moves whole;
 * - a heading is never the last thing on a page: it is drawn with the start of what follows it (keep with next);
 * - so a page ends early only where a section ends or before a block too short to split (at most a few rows).
 */
export const MIN_ROWS_EACH_SIDE = 3;

/** A heading waiting for the block that follows it, so that both land on the same page. */
interface PendingHeading {
  height: number;
  draw: () => void;
}

export interface Column {
  header: string;
  /** Share of the content width. */
  width: number;
  align?: 'left' | 'right';
}

export interface Bar {
  label: string;
  value: number;
  /** What is printed after the bar, e.g. "2,905 · 83%". */
  caption: string;
  muted?: boolean;
}

/** One column of a column chart; a null value is drawn as an empty, dashed column captioned `missing`. */
export interface ColumnBar {
  label: string;
  value: number | null;
  caption: string;
  missing: string;
  /** Drawn in the accent colour: the edition the report is about. */
  current?: boolean;
}

/** The standard structure types the report uses (PDF 1.7). */
type StructType = 'Document' | 'Sect' | 'H1' | 'H2' | 'H3' | 'P' | 'L' | 'LI' | 'Lbl' | 'LBody' | 'Table' | 'TR' | 'TH' | 'TD' | 'Figure';

/**
 * An element's options: a header cell's Scope and a block's Placement are attributes PDFKit writes but its typings
 * do not list.
 */
type ElementOptions = PDFKit.Mixins.StructureElementOptions & { scope?: 'Column' | 'Row'; placement?: 'Block' };

export interface KeyFigure {
  value: string;
  label: string;
  detail?: string;
}

export class Layout {
  /**
   * @param fonts the edition's font and its fallbacks (the document is created with the edition's font)
   * @param breaking how lines break in the edition's language (line-breaking.ts)
   */
  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly fonts: ReportFonts,
    private readonly breaking: 'uax14' | 'words' = 'uax14',
  ) {
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
    // the cover is the first section; each heading() starts the next
    this.section = doc.struct('Sect');
    this.root.add(this.section);
    this.containers = [this.section];
  }

  private pending: PendingHeading[] = [];
  private readonly root: PDFKit.PDFStructureElement;
  private section: PDFKit.PDFStructureElement;
  /** Where the next element goes: the current section, or a list (item) open inside it. */
  private containers: PDFKit.PDFStructureElement[];
  /** The level of the current section's heading: a subheading is one below it. */
  private level = 1;

  private get container(): PDFKit.PDFStructureElement {
    return this.containers[this.containers.length - 1];
  }

  /** Draws with `draw` the content of a new `type` element of the current container. */
  mark(type: StructType, draw: () => void, options: ElementOptions = {}, parent = this.container): void {
    const content = this.doc.markStructureContent(type);
    draw();
    this.doc.endMarkedContent();
    parent.add(this.doc.struct(type, options, [content]));
  }

  /** Draws page furniture that a screen reader skips: rules, stripes, cards, repeated headers, page numbers. */
  private artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }

  /** A container element (a list, a list item, its body) holding what `build` draws. */
  group(type: 'L' | 'LI' | 'LBody', build: () => void): void {
    const element = this.doc.struct(type);
    this.container.add(element);
    this.containers.push(element);
    build();
    this.containers.pop();
    element.end();
  }

  /**
   * A heading element added to the tree now, in the order of the calls, and given its content when it is drawn
   * (later, with the block after it).
   */
  private headingElement(type: StructType): (draw: () => void) => void {
    const element = this.doc.struct(type);
    this.container.add(element);
    return (draw) => {
      const content = this.doc.markStructureContent(type);
      draw();
      this.doc.endMarkedContent();
      element.add(content);
      element.end();
    };
  }

  /**
   * `doc.text` at (x, y), each piece in a font that has its glyphs: one call in the edition's font for almost every
   * text, else one continued call per run, so the pieces wrap as one text.
   */
  write(text: string, x: number, y: number, options: PDFKit.Mixins.TextOptions): void {
    const runs = this.fonts.runs(text);
    if (runs.length === 1 && runs[0].font === this.fonts.primary) {
      this.doc.text(text, x, y, options);
      return;
    }
    runs.forEach((run, index) => {
      // PDFKit takes a parsed fontkit font as well as a path; its typings list only the path
      this.doc.font(run.font as unknown as string, run.name);
      const continued = index < runs.length - 1;
      if (index === 0) this.doc.text(run.text, x, y, { ...options, continued });
      else this.doc.text(run.text, { ...options, continued });
    });
    this.doc.font(this.fonts.primary as unknown as string, this.fonts.primaryName);
  }

  /** `text` ready for a box `width` wide at the current font size: for a language that wants it, broken at spaces. */
  fitToWidth(text: string, width: number): string {
    return this.breaking === 'words' ? breakAtSpaces(text, width, (part) => this.doc.widthOfString(part)) : text;
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /**
   * Starts a new page unless `height` more points fit on this one, counting the headings waiting for this block,
   * which are then drawn: every block calls this before drawing, with the height it must not be parted from.
   */
  ensure(height: number): void {
    const headings = this.pending.reduce((sum, h) => sum + h.height, 0);
    if (this.doc.y + headings + height > this.bottom) this.doc.addPage();
    const pending = this.pending;
    this.pending = [];
    pending.forEach((h) => h.draw());
  }

  /** Draws headings still waiting (none should be: every heading is followed by a block) and ends the section. */
  finish(): void {
    this.ensure(0);
    this.section.end();
  }

  gap(points: number): void {
    this.doc.y += points;
  }

  /** The document's title: the cover section's H1. */
  title(text: string): void {
    this.doc.fillColor(COLORS.accent).fontSize(SIZES.title);
    this.mark('H1', () => this.write(this.fitToWidth(text, this.width), this.left, this.doc.y, { width: this.width }));
    this.gap(4);
  }

  /**
   * A section heading (H2, starting a new Sect), also added to the PDF outline (bookmarks); drawn with the start
   * of the block after it.
   */
  heading(text: string, newPage = false): void {
    this.finish();
    if (newPage && this.doc.y > this.doc.page.margins.top) this.doc.addPage();
    this.section = this.doc.struct('Sect');
    this.root.add(this.section);
    this.containers = [this.section];
    this.level = 2;
    const tag = this.headingElement('H2');
    this.doc.fontSize(SIZES.heading);
    const fitted = this.fitToWidth(text, this.width);
    this.pending.push({
      height: this.doc.heightOfString(fitted, { width: this.width }) + 12,
      draw: () => {
        this.doc.outline.addItem(text);
        this.doc.fillColor(COLORS.accent).fontSize(SIZES.heading);
        tag(() => this.write(fitted, this.left, this.doc.y, { width: this.width }));
        const y = this.doc.y + 2;
        this.artifact(() => this.doc.moveTo(this.left, y).lineTo(this.left + this.width, y).lineWidth(0.8).strokeColor(COLORS.accent).stroke());
        this.gap(10);
      },
    });
  }

  /** A subheading (one level below the section's heading), drawn with the start of the block after it. */
  subheading(text: string): void {
    const tag = this.headingElement(this.level === 1 ? 'H2' : 'H3');
    this.doc.fontSize(SIZES.subheading);
    const fitted = this.fitToWidth(text, this.width);
    this.pending.push({
      height: this.doc.heightOfString(fitted, { width: this.width }) + 8,
      draw: () => {
        this.gap(4);
        this.doc.fillColor(COLORS.text).fontSize(SIZES.subheading);
        tag(() => this.write(fitted, this.left, this.doc.y, { width: this.width }));
        this.gap(4);
      },
    });
  }

  paragraph(text: string, options: { color?: string; size?: number } = {}): void {
    const size = options.size ?? SIZES.body;
    this.doc.fontSize(size);
    const fitted = this.fitToWidth(text, this.width);
    this.ensure(Math.min(this.doc.heightOfString(fitted, { width: this.width }), 120));
    // the headings ensure() may have drawn changed the size
    this.doc.fontSize(size).fillColor(options.color ?? COLORS.text);
    this.mark('P', () => this.write(fitted, this.left, this.doc.y, { width: this.width, lineGap: 2 }));
    this.gap(4);
  }

  /** Key figures as a grid of cards, four per row; a list (L) of one item per card. */
  keyFigures(figures: KeyFigure[]): void {
    this.group('L', () => this.cards(figures));
  }

  private cards(figures: KeyFigure[]): void {
    const columns = 4;
    const spacing = 8;
    const cardWidth = (this.width - spacing * (columns - 1)) / columns;
    const pad = 8;
    const inner = cardWidth - 2 * pad;
    for (let start = 0; start < figures.length; start += columns) {
      const row = figures.slice(start, start + columns);
      const heights = row.map((figure) => {
        this.doc.fontSize(SIZES.kpi);
        let height = this.doc.heightOfString(this.fitToWidth(figure.value, inner), { width: inner });
        this.doc.fontSize(SIZES.body);
        height += this.doc.heightOfString(this.fitToWidth(figure.label, inner), { width: inner });
        if (figure.detail) {
          this.doc.fontSize(SIZES.small);
          height += this.doc.heightOfString(this.fitToWidth(figure.detail, inner), { width: inner }) + 2;
        }
        return height + 2 * pad;
      });
      const height = Math.max(...heights);
      this.ensure(height + spacing);
      const top = this.doc.y;
      row.forEach((figure, i) => {
        const x = this.left + i * (cardWidth + spacing);
        this.artifact(() => this.doc.roundedRect(x, top, cardWidth, height, 4).fill(COLORS.card));
        this.group('LI', () =>
          this.mark('LBody', () => {
            this.doc.fillColor(COLORS.accent).fontSize(SIZES.kpi);
            this.write(this.fitToWidth(figure.value, inner), x + pad, top + pad, { width: inner });
            this.doc.fillColor(COLORS.text).fontSize(SIZES.body);
            this.write(this.fitToWidth(figure.label, inner), x + pad, this.doc.y, { width: inner });
            if (figure.detail) {
              this.doc.fillColor(COLORS.muted).fontSize(SIZES.small);
              this.write(this.fitToWidth(figure.detail, inner), x + pad, this.doc.y + 2, { width: inner });
            }
          }),
        );
      });
      this.doc.y = top + height + spacing;
    }
  }

  /**
   * A table with a header row, zebra stripes and optionally a bold-ruled total row at the end. Tagged as Table/TR:
   * the header row's cells and each row's first cell are TH (column and row headers, as in the web edition); the
   * header repeated on a new page is an artifact, so a screen reader meets it once.
   */
  table(columns: Column[], rows: string[][], options: { totalRow?: boolean } = {}): void {
    const pad = 4;
    const widths = columns.map((c) => c.width * this.width);
    const table = this.doc.struct('Table');
    const measure = (cells: string[], size: number) => {
      this.doc.fontSize(size);
      return Math.max(...cells.map((cell, i) => this.doc.heightOfString(this.fitToWidth(cell, widths[i] - 2 * pad), { width: widths[i] - 2 * pad }))) + 2 * pad;
    };
    const drawRow = (cells: string[], size: number, color: string, kind: 'header' | 'repeated' | 'body', fill?: string, height = measure(cells, size)) => {
      if (this.doc.y + height > this.bottom) {
        this.doc.addPage();
        drawHeader('repeated');
      }
      const top = this.doc.y;
      if (fill) this.artifact(() => this.doc.rect(this.left, top, this.width, height).fill(fill));
      // a repeated header is no row of the table (and an element never ended would keep the document open)
      const row = kind === 'repeated' ? null : this.doc.struct('TR');
      if (row) table.add(row);
      let x = this.left;
      cells.forEach((cell, i) => {
        this.doc.fillColor(color).fontSize(size);
        const cellX = x;
        const draw = () =>
          this.write(this.fitToWidth(cell, widths[i] - 2 * pad), cellX + pad, top + pad, { width: widths[i] - 2 * pad, align: columns[i].align ?? 'left' });
        if (!row) this.artifact(draw, 'Pagination');
        else if (kind === 'header') this.mark('TH', draw, { scope: 'Column' }, row);
        else if (i === 0) this.mark('TH', draw, { scope: 'Row' }, row);
        else this.mark('TD', draw, {}, row);
        x += widths[i];
      });
      row?.end();
      this.doc.y = top + height;
    };
    const drawHeader = (kind: 'header' | 'repeated') => {
      drawRow(columns.map((c) => c.header), SIZES.small, COLORS.muted, kind);
      const y = this.doc.y;
      this.artifact(() => this.doc.moveTo(this.left, y).lineTo(this.left + this.width, y).lineWidth(0.6).strokeColor(COLORS.rule).stroke());
    };
    const header = measure(columns.map((c) => c.header), SIZES.small);
    const heights = rows.map((cells) => measure(cells, SIZES.body));
    const sum = (from: number, to: number) => heights.slice(from, to).reduce((a, b) => a + b, 0);
    // a table that cannot be split with enough rows on both sides moves whole; any other keeps its first rows
    const minRows = rows.length < 2 * MIN_ROWS_EACH_SIDE ? rows.length : MIN_ROWS_EACH_SIDE;
    this.ensure(header + sum(0, Math.max(minRows, 1)));
    this.container.add(table);
    const breaks = this.tableBreaks(header, heights);
    drawHeader('header');
    rows.forEach((cells, index) => {
      if (breaks.has(index)) {
        this.doc.addPage();
        drawHeader('repeated');
      }
      const total = options.totalRow && index === rows.length - 1;
      if (total) {
        const y = this.doc.y;
        this.artifact(() => this.doc.moveTo(this.left, y).lineTo(this.left + this.width, y).lineWidth(0.6).strokeColor(COLORS.text).stroke());
      }
      drawRow(cells, SIZES.body, COLORS.text, 'body', !total && index % 2 === 1 ? COLORS.zebra : undefined, heights[index]);
    });
    table.end();
    this.gap(8);
  }

  /**
   * Where a table starting at the current position breaks: as many rows on each page as fit, except that a break
   * never leaves fewer than MIN_ROWS_EACH_SIDE rows after it (rows move to the next page to make up the remainder).
   */
  private tableBreaks(header: number, heights: number[]): Set<number> {
    const breaks = new Set<number>();
    const page = this.bottom - this.doc.page.margins.top - header;
    let space = this.bottom - this.doc.y - header;
    let index = 0;
    while (index < heights.length) {
      let fit = 0;
      let used = 0;
      while (index + fit < heights.length && used + heights[index + fit] <= space) used += heights[index + fit++];
      const left = heights.length - index;
      if (fit >= left) break;
      const take = left - fit < MIN_ROWS_EACH_SIDE ? Math.max(left - MIN_ROWS_EACH_SIDE, MIN_ROWS_EACH_SIDE) : Math.max(fit, 1);
      index += Math.min(take, Math.max(fit, 1));
      breaks.add(index);
      space = page;
    }
    return breaks;
  }

  /**
   * A horizontal bar chart drawn with vector rectangles, bars scaled to the largest value: a Figure whose
   * alternative text `alt` states what the chart shows (its parts on two pages are one Figure).
   */
  bars(bars: Bar[], alt: string): void {
    const rowHeight = 17;
    const barHeight = 10;
    const labelWidth = this.width * 0.34;
    const captionWidth = 96;
    const barArea = this.width - labelWidth - captionWidth - 12;
    const max = Math.max(1, ...bars.map((b) => b.value));
    // split like a table: never fewer than MIN_ROWS_EACH_SIDE bars on either side of a page break
    const minRows = bars.length < 2 * MIN_ROWS_EACH_SIDE ? bars.length : MIN_ROWS_EACH_SIDE;
    this.ensure(minRows * rowHeight);
    const breaks = this.tableBreaks(0, bars.map(() => rowHeight));
    const parts = [this.doc.markStructureContent('Figure')];
    for (const [index, bar] of bars.entries()) {
      if (breaks.has(index)) {
        this.doc.endMarkedContent();
        this.doc.addPage();
        parts.push(this.doc.markStructureContent('Figure'));
      }
      const top = this.doc.y;
      this.doc.fillColor(COLORS.text).fontSize(SIZES.body);
      this.write(bar.label, this.left, top + 2, { width: labelWidth - 6, lineBreak: false, ellipsis: true });
      const barX = this.left + labelWidth;
      const barY = top + (rowHeight - barHeight) / 2;
      this.doc.rect(barX, barY, barArea, barHeight).fill(COLORS.track);
      const length = (bar.value / max) * barArea;
      if (length > 0) this.doc.rect(barX, barY, Math.max(length, 1), barHeight).fill(bar.muted ? COLORS.barOther : COLORS.bar);
      this.doc.fillColor(COLORS.muted).fontSize(SIZES.small);
      this.write(bar.caption, barX + barArea + 8, top + 3, { width: captionWidth, lineBreak: false });
      this.doc.y = top + rowHeight;
    }
    this.doc.endMarkedContent();
    const figure: ElementOptions = { alt, placement: 'Block' };
    this.container.add(this.doc.struct('Figure', figure, parts));
    this.gap(6);
  }

  /**
   * A vertical column chart (vector rectangles, scaled to the largest value), labels under the columns: a Figure
   * whose alternative text `alt` states what the chart shows.
   */
  columns(bars: ColumnBar[], alt: string): void {
    const plot = 110;
    const captionHeight = 12;
    const labelHeight = 14;
    this.ensure(captionHeight + plot + labelHeight + 10);
    const top = this.doc.y;
    const base = top + captionHeight + plot;
    const slot = this.width / bars.length;
    const barWidth = Math.min(40, slot * 0.6);
    const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
    this.mark(
      'Figure',
      () => {
        bars.forEach((bar, i) => {
          const x = this.left + i * slot + (slot - barWidth) / 2;
          const height = bar.value === null ? 0 : Math.max((bar.value / max) * plot, bar.value > 0 ? 1 : 0);
          if (bar.value === null) {
            this.doc.save().dash(2, { space: 2 }).lineWidth(0.6).strokeColor(COLORS.barOther).rect(x, base - plot / 4, barWidth, plot / 4).stroke().restore();
          } else if (height > 0) {
            this.doc.rect(x, base - height, barWidth, height).fill(bar.current ? COLORS.accent : COLORS.bar);
          }
          const captionTop = (bar.value === null ? base - plot / 4 : base - height) - captionHeight;
          this.doc.fillColor(COLORS.muted).fontSize(SIZES.small);
          this.write(bar.value === null ? bar.missing : bar.caption, this.left + i * slot, captionTop + 2, { width: slot, align: 'center', lineBreak: false });
          this.doc.fillColor(bar.current ? COLORS.accent : COLORS.text).fontSize(SIZES.small);
          this.write(bar.label, this.left + i * slot, base + 3, { width: slot, align: 'center', lineBreak: false });
        });
        this.doc.moveTo(this.left, base).lineTo(this.left + this.width, base).lineWidth(0.6).strokeColor(COLORS.rule).stroke();
      },
      { alt, placement: 'Block' },
    );
    this.doc.y = base + labelHeight;
    this.gap(8);
  }

  /** A bulleted list item: the bullet its label (Lbl), the text beside it its body (LBody). Inside a list (L). */
  bullet(text: string): void {
    const indent = 10;
    const width = this.width - indent;
    this.doc.fontSize(SIZES.body);
    const fitted = this.fitToWidth(text, width);
    this.ensure(Math.min(this.doc.heightOfString(fitted, { width }), 120));
    this.doc.fontSize(SIZES.body).fillColor(COLORS.text);
    const top = this.doc.y;
    this.group('LI', () => {
      this.mark('Lbl', () => this.write('•', this.left, top, { width: indent, lineBreak: false }));
      this.mark('LBody', () => this.write(fitted, this.left + indent, top, { width, lineGap: 2 }));
    });
    this.gap(4);
  }

  /** Writes "Page n of m" on every page, as page furniture; needs a document created with bufferPages. */
  pageNumbers(label: (page: number, pages: number) => string): void {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const margins = this.doc.page.margins;
      const bottom = margins.bottom;
      // text below the bottom margin would make PDFKit start a new page
      margins.bottom = 0;
      this.doc.fillColor(COLORS.muted).fontSize(SIZES.small);
      this.artifact(
        () => this.write(label(i + 1, range.count), margins.left, this.doc.page.height - 36, { width: this.width, align: 'center', lineBreak: false }),
        'Pagination',
      );
      margins.bottom = bottom;
    }
  }
}
