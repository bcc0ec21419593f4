/**
 * Reads a PDF back the way a person's viewer would: pdf.js (the engine of Firefox's viewer) extracts each page's
 * text and the document metadata. pdfjs-dist ships only ES modules; vitest loads them as they are.
 */
export interface PdfContent {
  pages: string[];
  /** All pages' text, with every run of whitespace removed, for substring checks that ignore line breaks. */
  compact: string;
  info: Record<string, unknown>;
  language: string | null;
}

export async function readPdf(pdf: Buffer): Promise<PdfContent> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      pages.push(
        content.items
          .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
          .join(''),
      );
    }
    const metadata = await document.getMetadata();
    const info = metadata.info as Record<string, unknown>;
    return {
      pages,
      compact: pages.join('').replace(/\s+/g, ''),
      info,
      // pdf.js reports the catalog's /Lang as the Language entry of the info it returns
      language: typeof info.Language === 'string' ? info.Language : null,
    };
  } finally {
    await document.destroy();
  }
}
