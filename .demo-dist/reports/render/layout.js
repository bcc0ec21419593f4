"use strict";
/**
 * Drawing primitives for the report: headings, paragraphs, tables, key figures and horizontal bar charts, all as
 * PDF text and vector paths (no images), laid out top to bottom with page breaks where a block would not fit.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.Layout = exports.SIZES = exports.COLORS = void 0;
exports.COLORS = {
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
exports.SIZES = { title: 24, heading: 16, subheading: 11.5, body: 9.5, small: 8, kpi: 17 };
class Layout {
    doc;
    constructor(doc) {
        this.doc = doc;
    }
    get left() {
        return this.doc.page.margins.left;
    }
    get width() {
        return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
    }
    get bottom() {
        return this.doc.page.height - this.doc.page.margins.bottom;
    }
    /** Starts a new page unless `height` more points fit on this one. */
    ensure(height) {
        if (this.doc.y + height > this.bottom)
            this.doc.addPage();
    }
    gap(points) {
        this.doc.y += points;
    }
    title(text) {
        this.doc.fillColor(exports.COLORS.accent).fontSize(exports.SIZES.title).text(text, this.left, this.doc.y, { width: this.width });
        this.gap(4);
    }
    /** A section heading, also added to the PDF outline (bookmarks). */
    heading(text, newPage = false) {
        if (newPage && this.doc.y > this.doc.page.margins.top)
            this.doc.addPage();
        else
            this.ensure(90);
        this.doc.outline.addItem(text);
        this.doc.fillColor(exports.COLORS.accent).fontSize(exports.SIZES.heading).text(text, this.left, this.doc.y, { width: this.width });
        const y = this.doc.y + 2;
        this.doc.moveTo(this.left, y).lineTo(this.left + this.width, y).lineWidth(0.8).strokeColor(exports.COLORS.accent).stroke();
        this.gap(10);
    }
    subheading(text) {
        this.ensure(60);
        this.gap(4);
        this.doc.fillColor(exports.COLORS.text).fontSize(exports.SIZES.subheading).text(text, this.left, this.doc.y, { width: this.width });
        this.gap(4);
    }
    paragraph(text, options = {}) {
        const size = options.size ?? exports.SIZES.body;
        this.doc.fontSize(size);
        this.ensure(Math.min(this.doc.heightOfString(text, { width: this.width }), 120));
        this.doc.fillColor(options.color ?? exports.COLORS.text).text(text, this.left, this.doc.y, { width: this.width, lineGap: 2 });
        this.gap(4);
    }
    /** Key figures as a grid of cards, four per row. */
    keyFigures(figures) {
        const columns = 4;
        const spacing = 8;
        const cardWidth = (this.width - spacing * (columns - 1)) / columns;
        const pad = 8;
        for (let start = 0; start < figures.length; start += columns) {
            const row = figures.slice(start, start + columns);
            const heights = row.map((figure) => {
                this.doc.fontSize(exports.SIZES.kpi);
                let height = this.doc.heightOfString(figure.value, { width: cardWidth - 2 * pad });
                this.doc.fontSize(exports.SIZES.body);
                height += this.doc.heightOfString(figure.label, { width: cardWidth - 2 * pad });
                if (figure.detail) {
                    this.doc.fontSize(exports.SIZES.small);
                    height += this.doc.heightOfString(figure.detail, { width: cardWidth - 2 * pad }) + 2;
                }
                return height + 2 * pad;
            });
            const height = Math.max(...heights);
            this.ensure(height + spacing);
            const top = this.doc.y;
            row.forEach((figure, i) => {
                const x = this.left + i * (cardWidth + spacing);
                this.doc.roundedRect(x, top, cardWidth, height, 4).fill(exports.COLORS.card);
                this.doc.fillColor(exports.COLORS.accent).fontSize(exports.SIZES.kpi).text(figure.value, x + pad, top + pad, { width: cardWidth - 2 * pad });
                this.doc.fillColor(exports.COLORS.text).fontSize(exports.SIZES.body).text(figure.label, x + pad, this.doc.y, { width: cardWidth - 2 * pad });
                if (figure.detail) {
                    this.doc.fillColor(exports.COLORS.muted).fontSize(exports.SIZES.small).text(figure.detail, x + pad, this.doc.y + 2, { width: cardWidth - 2 * pad });
                }
            });
            this.doc.y = top + height + spacing;
        }
    }
    /** A table with a header row, zebra stripes and optionally a bold-ruled total row at the end. */
    table(columns, rows, options = {}) {
        const pad = 4;
        const widths = columns.map((c) => c.width * this.width);
        const measure = (cells, size) => {
            this.doc.fontSize(size);
            return Math.max(...cells.map((cell, i) => this.doc.heightOfString(cell, { width: widths[i] - 2 * pad }))) + 2 * pad;
        };
        const drawRow = (cells, size, color, fill) => {
            const height = measure(cells, size);
            if (this.doc.y + height > this.bottom) {
                this.doc.addPage();
                drawHeader();
            }
            const top = this.doc.y;
            if (fill)
                this.doc.rect(this.left, top, this.width, height).fill(fill);
            let x = this.left;
            cells.forEach((cell, i) => {
                this.doc
                    .fillColor(color)
                    .fontSize(size)
                    .text(cell, x + pad, top + pad, { width: widths[i] - 2 * pad, align: columns[i].align ?? 'left' });
                x += widths[i];
            });
            this.doc.y = top + height;
        };
        const drawHeader = () => {
            drawRow(columns.map((c) => c.header), exports.SIZES.small, exports.COLORS.muted);
            const y = this.doc.y;
            this.doc.moveTo(this.left, y).lineTo(this.left + this.width, y).lineWidth(0.6).strokeColor(exports.COLORS.rule).stroke();
        };
        this.ensure(measure(columns.map((c) => c.header), exports.SIZES.small) + measure(rows[0] ?? [''], exports.SIZES.body));
        drawHeader();
        rows.forEach((cells, index) => {
            const total = options.totalRow && index === rows.length - 1;
            if (total) {
                const y = this.doc.y;
                this.doc.moveTo(this.left, y).lineTo(this.left + this.width, y).lineWidth(0.6).strokeColor(exports.COLORS.text).stroke();
            }
            drawRow(cells, exports.SIZES.body, exports.COLORS.text, !total && index % 2 === 1 ? exports.COLORS.zebra : undefined);
        });
        this.gap(8);
    }
    /** A horizontal bar chart drawn with vector rectangles, bars scaled to the largest value. */
    bars(bars) {
        const rowHeight = 17;
        const barHeight = 10;
        const labelWidth = this.width * 0.34;
        const captionWidth = 96;
        const barArea = this.width - labelWidth - captionWidth - 12;
        const max = Math.max(1, ...bars.map((b) => b.value));
        this.ensure(Math.min(bars.length, 4) * rowHeight);
        for (const bar of bars) {
            this.ensure(rowHeight);
            const top = this.doc.y;
            this.doc.fillColor(exports.COLORS.text).fontSize(exports.SIZES.body).text(bar.label, this.left, top + 2, {
                width: labelWidth - 6,
                lineBreak: false,
                ellipsis: true,
            });
            const barX = this.left + labelWidth;
            const barY = top + (rowHeight - barHeight) / 2;
            this.doc.rect(barX, barY, barArea, barHeight).fill(exports.COLORS.track);
            const length = (bar.value / max) * barArea;
            if (length > 0)
                this.doc.rect(barX, barY, Math.max(length, 1), barHeight).fill(bar.muted ? exports.COLORS.barOther : exports.COLORS.bar);
            this.doc.fillColor(exports.COLORS.muted).fontSize(exports.SIZES.small).text(bar.caption, barX + barArea + 8, top + 3, {
                width: captionWidth,
                lineBreak: false,
            });
            this.doc.y = top + rowHeight;
        }
        this.gap(6);
    }
    /** Writes "Page n of m" on every page; needs a document created with bufferPages. */
    pageNumbers(label) {
        const range = this.doc.bufferedPageRange();
        for (let i = range.start; i < range.start + range.count; i++) {
            this.doc.switchToPage(i);
            const margins = this.doc.page.margins;
            const bottom = margins.bottom;
            // text below the bottom margin would make PDFKit start a new page
            margins.bottom = 0;
            this.doc
                .fillColor(exports.COLORS.muted)
                .fontSize(exports.SIZES.small)
                .text(label(i + 1, range.count), margins.left, this.doc.page.height - 36, { width: this.width, align: 'center', lineBreak: false });
            margins.bottom = bottom;
        }
    }
}
exports.Layout = Layout;
//# sourceMappingURL=layout.js.map