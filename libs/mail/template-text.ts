/**
 * Organisers' wording of a message: plain text with placeholders `{name}` that the message's context fills in.
 * Their text is text, never markup: the renderer escapes it in the HTML part like every other value, and the
 * values put in for placeholders are made safe as the default templates make them.
 */

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

// Bidirectional overrides and isolates, and control characters but tab and newline: nothing an organiser means.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g;

/** The placeholders `text` uses, each once, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]))];
}

/** The placeholders of `text` that `allowed` does not have. */
export function unknownPlaceholders(text: string, allowed: readonly string[]): string[] {
  return placeholdersIn(text).filter((name) => !allowed.includes(name));
}

/** The text with each placeholder replaced by its value; an unknown one (never stored) stays as written. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return organiserText(text).replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(values, name) ? values[name] : whole));
}

/** Organisers' text with line ends made one kind and nothing invisible that could disguise it. */
export function organiserText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(INVISIBLE, '');
}

/** Paragraphs are separated by blank lines; single newlines stay line breaks within one. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);
}
