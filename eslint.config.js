import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'out/',
      'node_modules/',
      'resources/migrations/',
      'resources/migrations-pg/',
      'test-results/',
      '.native/',
      '.bench/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer reaches the main process only through the typed client.
      'no-restricted-imports': [
        'error',
        { patterns: ['electron', 'node:*', 'better-sqlite3', 'drizzle-orm*', '**/main/**'] },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['tests/e2e/**/*.ts'],
    // Playwright fixtures destructure an empty object by convention.
    rules: { 'no-empty-pattern': 'off' },
  },
)
