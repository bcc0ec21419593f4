import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LANGUAGE, supportedLanguages } from '@lectern/i18n/languages';
import { projectRoot } from '@lectern/project-root';

const root = join(projectRoot(), 'locales');
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

type Messages = Record<string, unknown>;

const read = (language: string, file: string) => JSON.parse(readFileSync(join(root, language, file), 'utf8')) as Messages;

/** Every leaf of a messages file as [dotted key, text]. */
function leaves(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, inner]) => leaves(inner, prefix ? `${prefix}.${key}` : key));
  }
  return [[prefix, String(value)]];
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*-?\s*(\w+)/g)].map((m) => m[1]);

/**
 * A file's messages by key with i18next's plural suffixes folded: `other_one` and `other_other` are the one
 * message `other`, its forms those the file has, its placeholders those of all forms.
 */
function messages(language: string, file: string) {
  const folded = new Map<string, { forms: Set<string>; placeholders: Set<string> }>();
  for (const [key, text] of leaves(read(language, file))) {
    const suffix = PLURAL_SUFFIX.exec(key);
    const base = suffix ? key.slice(0, suffix.index) : key;
    const entry = folded.get(base) ?? { forms: new Set<string>(), placeholders: new Set<string>() };
    if (suffix) entry.forms.add(suffix[1]);
    for (const name of placeholders(text)) entry.placeholders.add(name);
    folded.set(base, entry);
  }
  return folded;
}

describe('locale files', () => {
  const files = readdirSync(join(root, DEFAULT_LANGUAGE)).sort();
  const others = supportedLanguages().filter((language) => language !== DEFAULT_LANGUAGE);

  it('exist for more than one language', () => {
    expect(others.length).toBeGreaterThan(0);
  });

  describe.each(others)('%s', (language) => {
    // the plural forms i18next asks this language for: Japanese and Korean only "other", English "one" and "other"
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories.slice().sort();

    it('has the same files as en', () => {
      expect(readdirSync(join(root, language)).sort()).toEqual(files);
    });

    it.each(files)('has the messages of en in %s, with their placeholders and its own plural forms', (file) => {
      const en = messages(DEFAULT_LANGUAGE, file);
      const translated = messages(language, file);
      expect([...translated.keys()].sort(), file).toEqual([...en.keys()].sort());
      for (const [key, { forms, placeholders }] of en) {
        const own = translated.get(key)!;
        expect([...own.placeholders].sort(), `${file} ${key}`).toEqual([...placeholders].sort());
        // a plural message needs exactly the forms of this language's rules; a plain one stays plain
        expect([...own.forms].sort(), `${file} ${key}`).toEqual(forms.size > 0 ? categories : []);
      }
    });

    it('has no empty message and no broken placeholder', () => {
      for (const file of files) {
        for (const [key, text] of leaves(read(language, file))) {
          expect(text.trim().length, `${file} ${key}`).toBeGreaterThan(0);
          expect(text, `${file} ${key}`).not.toMatch(/\{\{[^}]*$|^[^{]*\}\}/);
        }
      }
    });
  });

  it('give en the plural forms English needs', () => {
    for (const file of files) {
      for (const [key, { forms }] of messages(DEFAULT_LANGUAGE, file)) {
        if (forms.size > 0) expect([...forms].sort(), `${file} ${key}`).toEqual(['one', 'other']);
      }
    }
  });

  it('translate every error code the code base can raise, in every language', () => {
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.name === 'generated' || entry.name === 'node_modules') continue;
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) sources.push(readFileSync(path, 'utf8'));
      }
    };
    walk(join(projectRoot(), 'apps'));
    walk(join(projectRoot(), 'libs'));
    const codes = new Set(sources.flatMap((s) => [...s.matchAll(/new DomainError\(\s*'([A-Z0-9_]+)'/g)].map((m) => m[1])));
    expect(codes.size).toBeGreaterThan(20);
    type Errors = Record<string, { title?: string; detail?: string } | undefined>;
    for (const language of supportedLanguages()) {
      const table = Object.assign(
        {},
        ...readdirSync(join(root, language))
          .filter((f) => f.startsWith('errors'))
          .map((f) => read(language, f) as Errors),
      ) as Errors;
      const missing = [...codes].filter((code) => !table[code]?.title || !table[code]?.detail);
      expect(missing, language).toEqual([]);
    }
  });
});
