import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '@lectern/project-root';

const API = join(projectRoot(), 'apps', 'api', 'src');

function dtoFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return dtoFiles(path);
    return entry.name.endsWith('.dto.ts') ? [path] : [];
  });
}

/** Every class declared in the file, exported or not: Swagger names a schema after its class either way. */
function classNames(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest);
  const names: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isClassDeclaration(node) || ts.isClassExpression(node)) && node.name) names.push(node.name.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

describe('DTO class names', () => {
  // @nestjs/swagger keys components.schemas by class name and silently keeps one of two same-named classes, so a
  // duplicate name makes /docs-json describe one route's body with another route's schema.
  it('are unique across the API, so every OpenAPI schema is the class its routes use', () => {
    const files = dtoFiles(API);
    expect(files.length).toBeGreaterThan(10);
    const declaredIn = new Map<string, string[]>();
    for (const file of files) {
      for (const name of classNames(file)) declaredIn.set(name, [...(declaredIn.get(name) ?? []), relative(API, file)]);
    }
    const duplicates = [...declaredIn].filter(([, where]) => where.length > 1).map(([name, where]) => `${name}: ${where.join(', ')}`);
    expect(duplicates).toEqual([]);
  });
});
