// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const focusedOrSkipped = ['describe', 'it', 'test'].flatMap((object) =>
  ['only', 'skip', 'todo'].map((property) => ({
    object,
    property,
    message: 'Committed tests run in full: no .only, .skip or .todo.',
  })),
);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'libs/database/generated/**', 'out/**', 'coverage/**', '**/*.cjs', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['prisma.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'no-type-imports', disallowTypeAnnotations: false }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Configuration is read once, by libs/config (loadConfig).' },
        ...focusedOrSkipped,
      ],
      'no-restricted-syntax': [
        'error',
        {
          // typestack/class-validator issue 1705: it throws on a number written with an exponent (1e-7), a 500
          selector: "Property[key.name='maxDecimalPlaces']",
          message: "class-validator's maxDecimalPlaces throws on 1e-7: use IsNumberWithDecimals from apps/api/src/http/dto-rules.",
        },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-duplicate-imports': 'error',
    },
  },
  {
    // vitest's asymmetric matchers (expect.any, expect.objectContaining, ...) are typed `any` by design
    files: ['test/**', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    // the one reader of the environment, and the Prisma CLI's own configuration file
    files: ['libs/config/**', 'prisma.config.ts'],
    rules: { 'no-restricted-properties': ['error', ...focusedOrSkipped] },
  },
);
