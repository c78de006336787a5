// ESLint for the TypeScript, JavaScript and Astro files (npm run lint; zero warnings allowed).
// A dotfile at the root, passed with --config, so the top level keeps only the project's files.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'node_modules/', '.astro/', 'tests/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  { languageOptions: { globals: { ...globals.node } } },
  // The pages' small scripts run in the browser (inlined; some are served as they are).
  { files: ['src/scripts/**/*.{js,ts}'], languageOptions: { globals: { ...globals.browser } } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The inline scripts ignore storage that is not there (private mode, file://) in `catch {}`:
      // they are sent with every page, so no comment stands in the block.
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Japanese text and comments use the ideographic space (U+3000) on purpose.
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipComments: true, skipTemplates: true, skipRegExps: true, skipJSXText: true },
      ],
    },
  },
);
