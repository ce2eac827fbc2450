/**
 * `npm run bench:ui`: what the officer waits for in the grids, in Debian's Chromium on the
 * ten-year database through the loopback host, each figure beside its target. Times are taken in
 * the page (performance.now from the action until the grid shows its result and the next frame
 * is painted), so Playwright's own round trips are not counted.
 */
import { test } from '@playwright/test'
import { copyFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { resourcePath } from '../src/main/db/connection'
import { startHost } from '../src/main/host'
import { loadAssignmentSolver } from '../src/main/matching/highs-solver'
import { openRuntime } from '../src/main/runtime'
import { BENCH, BENCH_TODAY, removeDb, tenYearsFile } from './bench-file'

interface Line {
  what: string
  ms: number
  target: number
}

/** Runs in the page: does `act`, then waits until `done()` holds and a frame has been painted. */
function timeInPage(script: string, done: string): string {
  return `(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()))
    const started = performance.now()
    ;${script};
    const deadline = started + 60000
    while (!(${done})) {
      if (performance.now() > deadline) throw new Error('timed out: ' + ${JSON.stringify(done)})
      await frame()
    }
    await frame()
    return performance.now() - started
  })()`
}

const rowCount = `(document.querySelector('.row-count')?.textContent ?? '')`
const firstRow = `document.querySelector('[role=grid] .ag-center-cols-container [role=row]')`

/** Sets a form control the way a user does, so React sees the change. */
const setValue = (selector: string, value: string, event: 'input' | 'change') => `
  {
    const el = document.querySelector(${JSON.stringify(selector)})
    const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype
    Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, ${JSON.stringify(value)})
    el.dispatchEvent(new Event(${JSON.stringify(event)}, { bubbles: true }))
  }`

test('grids on ten years of data', async ({ page }) => {
  const file = join(BENCH, 'ui.db')
  removeDb(file)
  copyFileSync(await tenYearsFile(), file)
  await loadAssignmentSolver()
  const runtime = await openRuntime(file, {
    context: { now: () => BENCH_TODAY },
    startupTasks: false,
    lock: false,
  })
  const rendererDir = join(resourcePath('migrations'), '..', '..', 'out', 'renderer')
  const host = await startHost({ routes: runtime.routes, rendererDir })
  const lines: Line[] = []
  const measure = async (what: string, target: number, script: string, done: string) => {
    const ms = (await page.evaluate(timeInPage(script, done))) as number
    lines.push({ what, ms, target })
  }
  const count = (sql: string) => runtime.store.sqlite.prepare(sql).pluck().get() as number
  const nl = (n: number) => n.toLocaleString('nl-NL')
  try {
    const clients = count('SELECT count(*) FROM clients')
    const waiting = count("SELECT count(*) FROM clients WHERE status = 'wachtend'")
    const code = runtime.store.sqlite
      .prepare("SELECT code FROM clients WHERE status = 'wachtend' ORDER BY id DESC LIMIT 1")
      .pluck()
      .get() as string
    await page.goto(host.url)
    await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor()

    // Kandidaten: the waiting clients first, then all statuses, a search, a sort.
    for (let run = 1; run <= 3; run++) {
      await page.getByRole('link', { name: 'Overzicht', exact: true }).click()
      await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor()
      await measure(
        `Kandidaten: first rows (${nl(waiting)} waiting), run ${run}`,
        800,
        `document.querySelector('nav[aria-label=Hoofdmenu] a[href="#/kandidaten"]').click()`,
        `${firstRow} && ${rowCount}.includes(${JSON.stringify(nl(waiting))})`,
      )
      // Every client loads in the background behind the waiting ones; a switch before that is in
      // waits for it, which is timed apart from the switch itself.
      await measure(
        `Kandidaten: every client loaded in the background after the first rows, run ${run}`,
        800,
        '',
        `document.querySelector('.grid[aria-busy=false]')`,
      )
      await measure(
        `Kandidaten: status filter → all statuses (${nl(clients)} rows), run ${run}`,
        150,
        setValue('#client-status', '', 'change'),
        `${rowCount} === ${JSON.stringify(`${nl(clients)} kandidaten`)} && ${firstRow}`,
      )
      await measure(
        `Kandidaten: quick search for one code in ${nl(clients)} rows, run ${run}`,
        150,
        setValue('input[type=search]', code, 'input'),
        `${rowCount}.startsWith('1 van')`,
      )
      await measure(
        `Kandidaten: search cleared, run ${run}`,
        150,
        setValue('input[type=search]', '', 'input'),
        `${rowCount} === ${JSON.stringify(`${nl(clients)} kandidaten`)}`,
      )
      // The grid works out each row's search text once, in the background after the rows arrive;
      // the first search above may come before that is done, this one after.
      await page.waitForTimeout(2000)
      await measure(
        `Kandidaten: quick search again, the rows' texts ready, run ${run}`,
        150,
        setValue('input[type=search]', code, 'input'),
        `${rowCount}.startsWith('1 van')`,
      )
      await measure(
        `Kandidaten: search cleared again, run ${run}`,
        150,
        setValue('input[type=search]', '', 'input'),
        `${rowCount} === ${JSON.stringify(`${nl(clients)} kandidaten`)}`,
      )
      await measure(
        `Kandidaten: sort ${nl(clients)} rows by waiting time, run ${run}`,
        150,
        `[...document.querySelectorAll('.ag-header-cell')].find((h) => h.textContent.includes('Wachttijd')).querySelector('.ag-header-cell-label').click()`,
        `[...document.querySelectorAll('.ag-header-cell')].find((h) => h.textContent.includes('Wachttijd')).getAttribute('aria-sort') === 'ascending'`,
      )
      await measure(
        `Kandidaten: status filter → waiting again, run ${run}`,
        150,
        setValue('#client-status', 'wachtend', 'change'),
        `${rowCount} === ${JSON.stringify(`${nl(waiting)} kandidaten`)}`,
      )
    }

    // Woningen: one quarter at a time (the page has no status filter).
    const quarter = runtime.store.sqlite
      .prepare(
        'SELECT quarter_key FROM dwellings GROUP BY quarter_key ORDER BY count(*) DESC LIMIT 1',
      )
      .pluck()
      .get() as string
    const inQuarter = count(`SELECT count(*) FROM dwellings WHERE quarter_key = '${quarter}'`)
    const open = count("SELECT count(*) FROM dwellings WHERE quarter_key = '2026-Q4'")
    const address = runtime.store.sqlite
      .prepare('SELECT address FROM dwellings WHERE quarter_key = ? LIMIT 1')
      .pluck()
      .get(quarter) as string
    for (let run = 1; run <= 3; run++) {
      await page.getByRole('link', { name: 'Overzicht', exact: true }).click()
      await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor()
      await measure(
        `Woningen: first rows (2026-Q4, ${nl(open)} dwellings), run ${run}`,
        800,
        `document.querySelector('nav[aria-label=Hoofdmenu] a[href="#/woningen"]').click()`,
        `${firstRow} && ${rowCount}.includes(${JSON.stringify(nl(open))})`,
      )
      await measure(
        `Woningen: another quarter (${quarter}, ${nl(inQuarter)} dwellings), run ${run}`,
        800,
        setValue('#dwelling-quarter', quarter, 'change'),
        `${rowCount}.includes(${JSON.stringify(nl(inQuarter))}) && ${firstRow}`,
      )
      await measure(
        `Woningen: quick search for one address, run ${run}`,
        150,
        setValue('input[type=search]', address, 'input'),
        `${rowCount}.includes(' van ')`,
      )
      await measure(
        `Woningen: search cleared, run ${run}`,
        150,
        setValue('input[type=search]', '', 'input'),
        `!${rowCount}.includes(' van ')`,
      )
      await measure(
        `Woningen: sort by rent, run ${run}`,
        150,
        `[...document.querySelectorAll('.ag-header-cell')].find((h) => h.textContent.includes('huur')).querySelector('.ag-header-cell-label').click()`,
        `[...document.querySelectorAll('.ag-header-cell')].find((h) => h.textContent.includes('huur')).getAttribute('aria-sort') === 'ascending'`,
      )
    }
  } finally {
    await host.close()
    runtime.close()
    removeDb(file)
  }

  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, Chromium via Playwright, load average ${loadavg()[0]!.toFixed(1)} at the end`
  const width = Math.max(...lines.map((l) => l.what.length))
  console.log(
    `\nGrids on the ten-year database; ${machine}; run ${new Date().toISOString().slice(0, 16)}Z\n`,
  )
  for (const line of lines) {
    const verdict = line.ms <= line.target ? 'ok' : 'OVER'
    console.log(
      `${line.what.padEnd(width)}  ${line.ms.toFixed(0).padStart(6)} ms  ≤ ${line.target} ms  ${verdict}`,
    )
  }
})
