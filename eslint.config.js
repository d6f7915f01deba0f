import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/*.tmp.mjs', '**/node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['packages/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Core is pure: no clock, no randomness, no console. Time and seeds come in as parameters.
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'core takes the time as a parameter' },
        { object: 'Math', property: 'random', message: 'core takes random seeds as parameters' },
        { object: 'performance', property: 'now', message: 'core takes the time as a parameter' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'core takes the time as a parameter' },
        { selector: "CallExpression[callee.name='Date']", message: 'core takes the time as a parameter' },
      ],
      'no-restricted-globals': ['error', 'process', 'window', 'document', 'fetch', 'crypto', 'setTimeout', 'setInterval'],
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'http', 'crypto'] }],
    },
  },
);
