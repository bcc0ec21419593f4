#!/usr/bin/env node
// Writes the schema's DMMF next to the generated client so that test/integration/schema-agreement.test.ts can compare every
// model and field (with nullability and native type) against the migrated database. The prisma-client generator
// keeps only a reduced runtime model without nullability, hence this second generator.
const { generatorHandler } = require('@prisma/generator-helper');
const { mkdirSync, writeFileSync } = require('node:fs');
const { dirname } = require('node:path');

generatorHandler({
  onManifest: () => ({ prettyName: 'Lectern DMMF snapshot', defaultOutput: '../libs/database/generated/dmmf.json' }),
  onGenerate: async (options) => {
    const file = options.generator.output.value;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(options.dmmf.datamodel, null, 2));
  },
});
