import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { projectRoot } from '@lectern/project-root';

/**
 * One TrueType font for both editions: Noto Sans SC covers Latin and Simplified Chinese, so the English and the
 * Chinese PDF look alike and each embeds a single subset font. Regular weight only (each weight is a 10 MB file);
 * headings differ by size and colour. TTF, not WOFF: fontkit decompresses WOFF glyph by glyph, which made a
 * CJK page take seconds (foliojs/pdfkit#1469).
 */
export const REPORT_FONT_FILE = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';

let loaded: fontkit.Font | undefined;

/**
 * Parsed once per process: PDFKit accepts a fontkit font object, and the tables fontkit parses lazily (cmap,
 * glyph outlines, metrics) stay cached on it, so later reports skip that work. Each document still builds its
 * own subset, so sharing the font cannot leak glyphs from one report into another.
 */
export function reportFont(): fontkit.Font {
  if (!loaded) {
    const path = createRequire(join(projectRoot(), 'package.json')).resolve(REPORT_FONT_FILE);
    const font = fontkit.create(readFileSync(path));
    if (!('layout' in font)) throw new Error(`${REPORT_FONT_FILE} is a font collection, not a single font`);
    loaded = font;
  }
  return loaded;
}
