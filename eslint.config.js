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
    // A forgotten await is an error: the services reach the database asynchronously, and a step
    // not awaited would commit (or fail) after its caller moved on. Type-aware, so on TypeScript only.
    files: ['src/main/**/*.ts', 'tests/**/*.ts', 'scripts/**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // `return promise` inside try/catch would let its rejection pass the catch.
      '@typescript-eslint/return-await': ['error', 'error-handling-correctness-only'],
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
