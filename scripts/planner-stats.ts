/**
 * `npm run bench:stats`: writes the planner statistics of the ten-year database (a full ANALYZE of
 * a copy) to tests/fixtures/planner-stats-ten-years.json. The query-plan test gives them to the demo
 * file, so SQLite plans its queries as on a file of ten years (SQLite's documented way to see
 * production plans on a small database). Run again after adding an index to a large table.
 */
import Database from 'better-sqlite3'
import { copyFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { BENCH, removeDb, tenYearsFile } from './bench-file'

const copy = join(BENCH, 'planner-stats.db')
removeDb(copy)
copyFileSync(await tenYearsFile(), copy)
const sqlite = new Database(copy)
try {
  sqlite.exec('ANALYZE')
  const rows = sqlite
    .prepare('SELECT tbl, idx, stat FROM sqlite_stat1 ORDER BY tbl, idx')
    .all() as { tbl: string; idx: string | null; stat: string }[]
  const out = join('tests', 'fixtures', 'planner-stats-ten-years.json')
  writeFileSync(out, `${JSON.stringify(rows, null, 2)}\n`)
  console.log(`${rows.length} rows of statistics written to ${out}`)
} finally {
  sqlite.close()
  removeDb(copy)
}
