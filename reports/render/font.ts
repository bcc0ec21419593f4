import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { Language, scriptOf } from '@lectern/i18n/languages';
import { projectRoot } from '@lectern/project-root';

/**
 * The TrueType font a report is set in, by the ISO 15924 script of its language (`Intl.Locale(tag).maximize()`:
 * `ja` → Jpan, `ko` → Kore, `zh-CN` → Hans, `en` → Latn). Each Noto Sans CJK face also covers Latin, so names
 * and figures in Latin letters need no second font, and each PDF embeds one subset font. Latin text is set in Noto
 * Sans SC, so the English and Chinese editions look alike. Regular weight only (each weight is a 5 to 10 MB file);
 * headings differ by size and colour. TTF, not WOFF: fontkit decompresses WOFF glyph by glyph, which made a CJK
 * page take seconds (foliojs/pdfkit#1469).
 *
 * A language whose script is missing here cannot be rendered: adding one to `locales/` means adding its font here
 * (and to the Dockerfile's list of kept font files); a unit test checks every language Lectern speaks.
 */
export const REPORT_FONT_FILES: Readonly<Record<string, string>> = {
  Latn: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  Hans: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  Jpan: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  Kore: '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf',
};

export class ReportFontMissingError extends Error {
  constructor(
    readonly language: Language,
    readonly script: string,
  ) {
    super(`no report font for ${language} (script ${script}): add one to REPORT_FONT_FILES in reports/render/font.ts`);
  }
}

/** The package path of the font file a report in `language` is set in. */
export function reportFontFile(language: Language): string {
  const script = scriptOf(language);
  const file = REPORT_FONT_FILES[script];
  if (!file) throw new ReportFontMissingError(language, script);
  return file;
}

const loaded = new Map<string, fontkit.Font>();

/**
 * The report font for `language`, parsed once per process and file: PDFKit accepts a fontkit font object, and the
 * tables fontkit parses lazily (cmap, glyph outlines, metrics) stay cached on it, so later reports skip that work.
 * Each document still builds its own subset, so sharing the font cannot leak glyphs from one report into another.
 */
export function reportFont(language: Language): fontkit.Font {
  return fontFile(reportFontFile(language));
}

function fontFile(file: string): fontkit.Font {
  let font = loaded.get(file);
  if (!font) {
    const path = createRequire(join(projectRoot(), 'package.json')).resolve(file);
    const parsed = fontkit.create(readFileSync(path));
    if (!('layout' in parsed)) throw new Error(`${file} is a font collection, not a single font`);
    font = parsed;
    loaded.set(file, font);
  }
  return font;
}

/** A piece of text set in one font. */
export interface FontRun {
  font: fontkit.Font;
  /** The name PDFKit registers the font under in a document. */
  name: string;
  text: string;
}

/**
 * The fonts of one report: its language's, then the other report fonts, each only for the characters the fonts
 * before it lack. Organisers' names come in any script: a Chinese sponsor such as 腾讯云 needs glyphs that Noto
 * Sans JP and KR do not have, and a Korean name in an English report needs Noto Sans KR. Fallback fonts are
 * parsed only when a character needs them.
 */
export class ReportFonts {
  readonly primary: FontRun['font'];
  readonly primaryName: string;
  private readonly fallbackFiles: string[];

  constructor(language: Language) {
    this.primaryName = reportFontFile(language);
    this.primary = reportFont(language);
    this.fallbackFiles = [...new Set(Object.values(REPORT_FONT_FILES))].filter((file) => file !== this.primaryName);
  }

  /** `text` cut where the font must change; one run, in the report's own font, whenever that font has every glyph. */
  runs(text: string): FontRun[] {
    const runs: FontRun[] = [];
    let current: Omit<FontRun, 'text'> = { font: this.primary, name: this.primaryName };
    let start = 0;
    let index = 0;
    for (const char of text) {
      const next = this.fontFor(char, current);
      if (next.name !== current.name) {
        if (index > start) runs.push({ ...current, text: text.slice(start, index) });
        current = next;
        start = index;
      }
      index += char.length;
    }
    runs.push({ ...current, text: text.slice(start) });
    return runs;
  }

  private fontFor(char: string, current: Omit<FontRun, 'text'>): Omit<FontRun, 'text'> {
    const codePoint = char.codePointAt(0)!;
    if (current.font === this.primary && this.primary.hasGlyphForCodePoint(codePoint)) return current;
    // spaces, line breaks and marks without a glyph of their own stay in whatever font is current
    if (/[\s\p{Cc}\p{Cf}]/u.test(char)) return current;
    // a name in Chinese characters stays in one font, not some of them in the report's own
    if (current.font !== this.primary && /\p{Script=Han}/u.test(char) && current.font.hasGlyphForCodePoint(codePoint)) return current;
    if (this.primary.hasGlyphForCodePoint(codePoint)) return { font: this.primary, name: this.primaryName };
    for (const file of this.fallbackFiles) {
      const font = fontFile(file);
      if (font.hasGlyphForCodePoint(codePoint)) return { font, name: file };
    }
    return current;
  }
}
