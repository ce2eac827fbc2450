/**
 * The quarter report in a process of its own, so its peak memory is the report's and not the
 * benchmark's: prints one JSON line with the time and the peak resident set size.
 *
 *   npx tsx scripts/bench-report.ts <database> <quarter> <yyyy-mm-dd>
 */
import { openRuntime } from '../src/main/runtime'

const [file, quarter, day] = process.argv.slice(2)
if (!file || !quarter || !day)
  throw new Error('gebruik: bench-report.ts <database> <kwartaal> <dag>')

const mb = (kb: number) => kb / 1024
const runtime = await openRuntime(file, {
  context: { now: () => new Date(`${day}T12:00:00`) },
  startupTasks: false,
})
const before = mb(process.resourceUsage().maxRSS)
const started = performance.now()
const result = await runtime.routes.get('reports:quarter')!({ quarter })
const ms = performance.now() - started
runtime.close()
if (!result.ok) throw new Error(JSON.stringify(result.error))
console.log(JSON.stringify({ ms, peakMb: mb(process.resourceUsage().maxRSS), beforeMb: before }))
