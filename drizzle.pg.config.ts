import { defineConfig } from 'drizzle-kit'

/** Team mode's PostgreSQL migrations, generated from src/main/db/pg-schema.ts beside SQLite's. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/main/db/pg-schema.ts',
  out: './resources/migrations-pg',
})
