import { Language, scriptOf } from '@lectern/i18n/languages';

/**
 * Scripts whose lines break only between words. PDFKit breaks lines where Unicode's line breaking algorithm
 * (UAX #14) allows, which suits Latin (at spaces), Chinese and Japanese (after any ideograph or kana, never
 * before closing punctuation or small kana). Korean is written with spaces between words and its readers expect
 * a line to end at one (CSS `word-break: keep-all`), but UAX #14 also allows a break between any two Hangul
 * syllables, which split "참가자" as "참가 / 자".
 */
const WORDS_ONLY = new Set(['Kore']);

/** The line breaking of reports in `language`: PDFKit's own, or breaks at spaces only. */
export function lineBreaking(language: Language): 'uax14' | 'words' {
  return WORDS_ONLY.has(scriptOf(language)) ? 'words' : 'uax14';
}

/**
 * `text` with a newline at each space where a line must end for it to fit `width`, measured by `widthOf` at the
 * current font size, so PDFKit's own wrapping finds nothing left to break. Each line is measured with its newline:
 * PDFKit counts that character's width (the font's missing-glyph width) in the line it ends. A word wider than a
 * whole line stays as it is, for PDFKit to break wherever it must.
 */
export function breakAtSpaces(text: string, width: number, widthOf: (text: string) => number): string {
  return text
    .split('\n')
    .map((paragraph) => {
      const words = paragraph.split(' ');
      const lines: string[] = [];
      let line = words[0];
      for (const word of words.slice(1)) {
        const longer = `${line} ${word}`;
        if (widthOf(`${longer}\n`) <= width || line.length === 0) line = longer;
        else {
          lines.push(line);
          line = word;
        }
      }
      lines.push(line);
      return lines.join('\n');
    })
    .join('\n');
}
