/**
 * Reads a tagged PDF's logical structure back the way assistive technology meets it: pdf.js (whose text layer
 * Firefox exposes to screen readers) gives each page's structure tree, and its marked text says which text each
 * leaf of the tree holds and which text is page furniture (an Artifact).
 */
export interface StructNode {
  role: string;
  alt?: string;
  lang?: string;
  children: StructNode[];
  /**
   * The text of the marked content directly under this element on this page, in content order, its runs joined by
   * spaces (empty for an element whose content is on another page).
   */
  text: string;
  /**
   * The page (1-based) whose tree this node was read from: an element spanning pages is read once per page, with
   * its children on other pages present but without their text.
   */
  page: number;
}

export interface PdfStructure {
  /** The catalog's MarkInfo /Marked: what `pdfinfo` prints as "Tagged: yes". */
  marked: boolean;
  language: string | null;
  title: unknown;
  displayDocTitle: unknown;
  /** Each page's tree, its root ("Root") holding the top-level elements. */
  pages: StructNode[];
  /** Per page, text shown outside any marked content (untagged) and text inside Artifacts. */
  untagged: string[][];
  artifacts: string[][];
  /** Per page, marked-content ids that no structure element refers to, and ids referred to more than once. */
  orphans: string[][];
  shared: string[][];
}

interface RawNode {
  role: string;
  alt?: string;
  lang?: string;
  children: (RawNode | { type: string; id: string })[];
}

interface MarkedItem {
  type: 'beginMarkedContent' | 'beginMarkedContentProps' | 'endMarkedContent';
  id?: string | null;
  tag?: string | null;
}

export async function readStructure(pdf: Buffer): Promise<PdfStructure> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  try {
    const result: PdfStructure = {
      marked: (await document.getMarkInfo())?.Marked === true,
      language: null,
      title: undefined,
      displayDocTitle: ((await document.getViewerPreferences()) as Record<string, unknown> | null)?.DisplayDocTitle,
      pages: [],
      untagged: [],
      artifacts: [],
      orphans: [],
      shared: [],
    };
    const metadata = await document.getMetadata();
    const info = metadata.info as Record<string, unknown>;
    result.language = typeof info.Language === 'string' ? info.Language : null;
    result.title = info.Title;
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent({ includeMarkedContent: true });
      const texts = new Map<string, string>();
      const untagged: string[] = [];
      const artifacts: string[] = [];
      // the open marked-content sequences, innermost last
      const open: MarkedItem[] = [];
      for (const item of content.items) {
        if ('str' in item) {
          const tagged = [...open].reverse().find((m) => m.id);
          // a space between runs, so that two figures drawn apart (a label and its value) stay apart
          if (tagged?.id) texts.set(tagged.id, texts.has(tagged.id) ? `${texts.get(tagged.id)} ${item.str}` : item.str);
          else if (open.some((m) => m.tag === 'Artifact')) artifacts.push(item.str);
          else if (item.str.trim()) untagged.push(item.str);
          continue;
        }
        const marked = item as unknown as MarkedItem;
        if (marked.type === 'endMarkedContent') open.pop();
        else open.push(marked);
      }
      const referred = new Map<string, number>();
      const convert = (node: RawNode): StructNode => {
        const children: StructNode[] = [];
        let text = '';
        for (const child of node.children) {
          if ('role' in child) children.push(convert(child));
          else if (child.type === 'content') {
            referred.set(child.id, (referred.get(child.id) ?? 0) + 1);
            text += texts.get(child.id) ?? '';
          }
        }
        return { role: node.role, alt: node.alt, lang: node.lang, children, text, page: number };
      };
      const tree = (await page.getStructTree()) as unknown as RawNode | null;
      result.pages.push(tree ? convert(tree) : { role: 'Root', children: [], text: '', page: number });
      result.untagged.push(untagged);
      result.artifacts.push(artifacts);
      const ids = content.items.flatMap((item) => {
        const id = 'str' in item ? null : (item as unknown as MarkedItem).id;
        return id ? [id] : [];
      });
      result.orphans.push(ids.filter((id) => !referred.has(id)));
      result.shared.push([...referred].filter(([, count]) => count > 1).map(([id]) => id));
    }
    return result;
  } finally {
    await document.destroy();
  }
}

/** Every element of a tree, depth first in document order (the reading order), the root excluded. */
export function elements(root: StructNode): StructNode[] {
  return root.children.flatMap((child) => [child, ...elements(child)]);
}

/** All text under an element, in reading order. */
export function textOf(node: StructNode): string {
  return node.text + node.children.map(textOf).join('');
}
