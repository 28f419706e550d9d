// ESLint: typescript-eslint's type-checked recommended rules over the sources, the tests and the build
// script. `npm run lint` (part of `npm test`) allows no warnings. Each rule relaxed here says why.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', '.cache/**'],
  },
  {
    linterOptions: {
      reportUnusedDisableDirectives: 'error',
    },
  },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        // Each file is checked with the tsconfig.json nearest to it: src/webview/tsconfig.json (DOM
        // types) for the panel's script, the root one for everything else.
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Leaving a key out of a copy with `const { key: _unused, ...rest } = value` is the idiom, and
      // tsc's noUnusedLocals (tsconfig.base.json) accepts it too.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Test doubles implement interfaces that return promises (fetch, fs.realpath, a token store)
      // with `async` methods that need no await: that keeps them as short as what they stand for,
      // and a throw in one becomes a rejection, as in the real implementation.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly' },
    },
  },
);
