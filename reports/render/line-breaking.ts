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
 * `text` with a newline at each space where a line must end for it to fit `width`, so PDFKit's own wrapping finds
 * nothing left to break. Widths are summed word by word from `widthOf` at the current font size, as PDFKit sums its
 * own, and each line is measured with its newline: PDFKit counts that character's width (the font's missing-glyph
 * width) in the line it ends. A word wider than a whole line stays as it is, for PDFKit to break where it must.
 */
export function breakAtSpaces(text: string, width: number, widthOf: (text: string) => number): string {
  const space = widthOf(' ');
  const newline = widthOf('\n');
  return text
    .split('\n')
    .map((paragraph) => {
      const [first, ...rest] = paragraph.split(' ');
      let line = first;
      let used = widthOf(first);
      const lines: string[] = [];
      for (const word of rest) {
        const wordWidth = widthOf(word);
        if (used + space + wordWidth + newline <= width || line.length === 0) {
          line = `${line} ${word}`;
          used += space + wordWidth;
        } else {
          lines.push(line);
          line = word;
          used = wordWidth;
        }
      }
      lines.push(line);
      return lines.join('\n');
    })
    .join('\n');
}
