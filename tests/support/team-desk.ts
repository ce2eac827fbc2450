/**
 * One officer's desk in team mode, as its own process: the app's runtime on the shared PostgreSQL
 * (`openTeamRuntime`), and an officer who looks at a dwelling of the quarter and takes the step its
 * screen offers (present, choose, reject, reject all, accept or decline the offer), again and again.
 * The concurrency test starts three of these on one database, the team benchmark five.
 *
 *   node <bundle> <options as JSON>        (see DeskOptions; bundled by team-load.ts)
 *
 * With `lockstep` the desks meet at a barrier (through the parent, over IPC) before every step, so
 * their steps start together: the desks read a dwelling, wait for each other, and click at once —
 * two officers looking at the same screen. Without it every desk runs at its own pace.
 * At the end the desk writes what it did, step by step, to `resultFile` as JSON.
 *
 * With `office` (the team benchmark) the desk works as an officer does once the looks come up empty:
 * it reads the board of the quarters under way for dwellings with a round or an offer open, and when
 * there are none it turns to the next quarter's mail — takes the corporations' and care providers'
 * Excel files one by one from the shared folder, imports them (dwellings:import, clients:import) and
 * makes the quarter's batch (shortlists:generate). Another desk may be making it: refused by the
 * batch lock, the desk retries once that desk is done, for dwellings it imported after the other
 * batch began. That office work is recorded apart from the workflow steps (`office`).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import { parseDatabaseUrl } from '../../src/main/db/pg-url'
import { loadAssignmentSolver } from '../../src/main/matching/highs-solver'
import { openTeamRuntime } from '../../src/main/runtime'
import type {
  BoardRow,
  DwellingMatching,
  GenerateSummary,
  ImportReport,
} from '../../src/shared/api'
import { DECLINE_REASON, REJECTION_REASON } from '../../src/shared/domain/vocabulary'

export interface DeskOptions {
  url: string
  desk: number
  officer: string
  seed: number
  /** Workflow steps to attempt (a tick without any step to take counts as idle, not as a step). */
  steps: number
  /** The quarter's dwellings that had a round, and the few all desks favour (same for all). */
  dwellings: number[]
  hot: number[]
  /** Share of picks from `hot`. */
  hotShare: number
  /** Share of open offers the desk accepts (the rest it declines): low keeps the quarter going. */
  acceptShare: number
  /**
   * Whether the desk reads a dwelling afresh before every step. Without, it acts on what its
   * screen last showed of that dwelling (the answer of its own last step there), reading only
   * dwellings it has not seen or whose step was refused: staler, so more refusals, and cheaper.
   */
  reread: boolean
  lockstep: boolean
  /** The day every desk works on (fixed, so a serial replay makes the same dates). */
  now: string
  migrationsFolder: string
  resultFile: string
  /** The team benchmark's office work (see the header); without it the desk stops when idle. */
  office?: { open: string; next: OfficeQuarter[] }
}

/** A quarter after the open one: the files the corporations and care providers sent for it. */
export interface OfficeQuarter {
  quarter: string
  /** In the shared mail folder: a desk takes a file by moving it, so each is imported once. */
  files: { kind: 'dwellings' | 'clients'; path: string; rows: number }[]
}

/** Work that is not a workflow step: reading the board, an import, a batch. */
export interface OfficeEvent {
  desk: number
  officer: string
  quarter: string
  channel: 'shortlists:board' | 'dwellings:import' | 'clients:import' | 'shortlists:generate'
  ok: boolean
  code: string | null
  message: string | null
  /** Dwellings or clients created by an import, rounds made by a batch, work found on a board. */
  count: number
  ms: number
}

/** One step a desk took: what it sent, and what came back. */
export interface DeskStep {
  desk: number
  officer: string
  tick: number
  channel: string
  input: Record<string, unknown>
  ok: boolean
  code: string | null
  message: string | null
  ms: number
}

export interface DeskResult {
  desk: number
  officer: string
  steps: DeskStep[]
  /** Ticks in which the desk found nothing to do on the dwellings it looked at. */
  idle: number
  /** Reads of a dwelling's state (shortlists:forDwelling) and their time. */
  reads: number
  readMs: number
  wallMs: number
  /** From the process's start to ready (modules, solver, runtime and pool opened), and closing. */
  startMs: number
  /** Of startMs: loading the modules, the HiGHS solver, opening the runtime and its pool. */
  startParts: { modules: number; solver: number; runtime: number }
  stopMs: number
  /** Office work (only with `office`). */
  office: OfficeEvent[]
  /** The desk stopped short of its steps: the board was empty and the inbox too. */
  outOfWork: boolean
}

export interface Plan {
  channel: string
  input: Record<string, unknown>
}

/** mulberry32: small, seeded, the same sequence on every machine. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pick = <T>(rng: () => number, values: readonly T[]): T =>
  values[Math.floor(rng() * values.length)]!

/** The step an officer takes on what the screen shows for a dwelling, or null when there is none. */
export function planFor(
  state: DwellingMatching,
  rng: () => number,
  startsOn: string,
  acceptShare: number,
): Plan | null {
  const offer = state.offers.find((o) => o.outcome === 'open')
  if (offer) {
    if (rng() < acceptShare)
      return { channel: 'offers:accept', input: { offerId: offer.id, startsOn } }
    const reason = pick(rng, DECLINE_REASON.keys)
    return {
      channel: 'offers:decline',
      input: {
        offerId: offer.id,
        decline: { reason, text: reason === 'anders' ? 'Toelichting van de kandidaat' : null },
      },
    }
  }
  const round = [...state.rounds].sort((a, b) => b.round - a.round)[0]
  if (!round) return null
  if (round.status === 'concept')
    return { channel: 'shortlists:present', input: { shortlistId: round.id } }
  if (round.status !== 'voorgedragen') return null
  const open = round.candidates.filter((c) => c.decision === 'open')
  if (open.length === 0) return null
  const rejection = {
    reason: pick(
      rng,
      REJECTION_REASON.keys.filter((k) => k !== 'anders'),
    ),
  }
  const roll = rng()
  if (roll < 0.45)
    return {
      channel: 'shortlists:choose',
      input: { shortlistId: round.id, clientId: pick(rng, open).clientId },
    }
  if (roll < 0.85)
    return {
      channel: 'shortlists:rejectCandidate',
      input: { shortlistId: round.id, clientId: pick(rng, open).clientId, rejection },
    }
  return {
    channel: 'shortlists:rejectAll',
    input: {
      shortlistId: round.id,
      rejection,
      motivation: 'Geen van de kandidaten past bij dit complex.',
    },
  }
}

/** Dwellings whose screen offers a step: a round under way or an offer open. */
const hasWork = (row: BoardRow) => row.status === 'in-voordracht' || row.status === 'aangeboden'

/**
 * The few dwellings every desk favours, from what the board shows: the same on every desk that
 * reads the same board (chosen by a hash of the id, not by the desk's own dice), so the desks meet.
 */
function hotOf(dwellings: number[]): number[] {
  const hash = (id: number) => Math.imul(id, 2654435761) >>> 0
  return [...dwellings].sort((a, b) => hash(a) - hash(b)).slice(0, 10)
}

/** Waits for the parent's go for this tick (every desk has said it is ready). */
function barrier(tick: number): Promise<void> {
  return new Promise((resolve) => {
    const onMessage = (message: unknown) => {
      if ((message as { go?: number }).go === tick) {
        process.off('message', onMessage)
        resolve()
      }
    }
    process.on('message', onMessage)
    process.send!({ ready: tick })
  })
}

async function main(options: DeskOptions): Promise<void> {
  const modulesLoaded = performance.now()
  await loadAssignmentSolver()
  const solverLoaded = performance.now()
  const now = new Date(options.now)
  const runtime = await openTeamRuntime(parseDatabaseUrl(options.url), {
    migrationsFolder: options.migrationsFolder,
    startupTasks: false,
    context: {
      actor: { officer: options.officer, osUser: `desk${options.desk}` },
      now: () => now,
    },
  })
  const startParts = {
    modules: modulesLoaded,
    solver: solverLoaded - modulesLoaded,
    runtime: performance.now() - solverLoaded,
  }
  const rng = seeded(options.seed)
  const startsOn = new Date(now.getTime() + 8 * 86_400_000).toISOString().slice(0, 10)
  const result: DeskResult = {
    desk: options.desk,
    officer: options.officer,
    steps: [],
    idle: 0,
    reads: 0,
    readMs: 0,
    wallMs: 0,
    startMs: 0,
    startParts,
    stopMs: 0,
    office: [],
    outOfWork: false,
  }
  /** What this desk's screen last showed per dwelling. */
  const screen = new Map<number, DwellingMatching>()
  const call = async (channel: string, input: unknown) => await runtime.routes.get(channel)!(input)
  let dwellings = options.dwellings
  let hot = options.hot
  /** The quarters whose boards this desk reads (the open quarter's always), of the inbox's. */
  let opened = 0
  /** The inbox's quarter this desk takes mail from when its board is empty. */
  let reached = 0
  /** Ticks in a row in which the looks found nothing to do. */
  let dry = 0
  const office = async (
    quarter: string,
    channel: OfficeEvent['channel'],
    input: unknown,
    count: (data: unknown) => number,
  ) => {
    const begun = performance.now()
    const answer = await call(channel, input)
    result.office.push({
      desk: options.desk,
      officer: options.officer,
      quarter,
      channel,
      ok: answer.ok,
      code: answer.ok ? null : answer.error.code,
      message: answer.ok ? null : answer.error.message,
      count: answer.ok ? count(answer.data) : 0,
      ms: performance.now() - begun,
    })
    return answer
  }
  /** The dwellings with a round or an offer open, on the boards of the quarters under way. */
  const boardWork = async (): Promise<number[]> => {
    const found: number[] = []
    for (const quarter of [
      options.office!.open,
      ...options.office!.next.slice(0, opened).map((q) => q.quarter),
    ]) {
      const answer = await office(
        quarter,
        'shortlists:board',
        { quarter },
        (data) => (data as BoardRow[]).filter(hasWork).length,
      )
      if (!answer.ok) throw new Error(`board ${quarter}: ${answer.error.message}`)
      found.push(...(answer.data as BoardRow[]).filter(hasWork).map((row) => row.dwellingId))
    }
    return found
  }
  /**
   * A quarter from the inbox: the desk takes the quarter's files one at a time from the shared mail
   * folder (moving one there is atomic: a file another desk took is gone) and imports each, then
   * makes the quarter's batch. Refused while another desk makes it, it tries again once that batch
   * is done: that one may have begun before these imports were in.
   */
  const openQuarter = async (next: OfficeQuarter) => {
    for (const file of next.files) {
      const taken = `${file.path}.bureau-${options.desk}`
      try {
        renameSync(file.path, taken)
      } catch {
        continue
      }
      const payload = {
        fileName: basename(file.path),
        base64: readFileSync(taken).toString('base64'),
      }
      const answer = await office(
        next.quarter,
        `${file.kind}:import`,
        payload,
        (data) => (data as ImportReport).created,
      )
      if (!answer.ok) throw new Error(`${basename(file.path)}: ${answer.error.message}`)
      const report = answer.data as ImportReport
      if (!report.committed || report.errors.length)
        throw new Error(`${basename(file.path)}: ${JSON.stringify(report.errors.slice(0, 3))}`)
    }
    // An officer told the batch is being made elsewhere looks again a second later, for a minute.
    for (let tries = 0; tries < 60; tries++) {
      const answer = await office(
        next.quarter,
        'shortlists:generate',
        { quarter: next.quarter },
        (data) => (data as GenerateSummary).shortlistsMade,
      )
      if (answer.ok) return
      if (answer.error.code !== 'conflict') throw new Error(`batch: ${answer.error.message}`)
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
  }
  // The desks start together (the parent answers when every desk is ready).
  result.startMs = performance.now()
  if (process.send) await barrier(-1)
  const started = performance.now()
  try {
    for (let tick = 0; result.steps.length < options.steps; tick++) {
      let plan: Plan | null = null
      let target = 0
      // A few looks for a dwelling with something to do, as an officer scrolls the board.
      for (let look = 0; look < 6 && !plan; look++) {
        const dwellingId =
          rng() < options.hotShare && hot.length ? pick(rng, hot) : pick(rng, dwellings)
        let state = options.reread ? undefined : screen.get(dwellingId)
        if (!state) {
          const read = performance.now()
          const answer = await call('shortlists:forDwelling', { dwellingId })
          result.reads++
          result.readMs += performance.now() - read
          if (!answer.ok) throw new Error(`forDwelling ${dwellingId}: ${answer.error.message}`)
          state = answer.data as DwellingMatching
          screen.set(dwellingId, state)
        }
        plan = planFor(state, rng, startsOn, options.acceptShare)
        // Nothing to do on what the screen showed: look again next time, it may have moved on.
        if (!plan) screen.delete(dwellingId)
        target = dwellingId
      }
      if (options.lockstep) await barrier(tick)
      if (!plan) {
        result.idle++
        if (!options.office) {
          // Everything looked at is let or has no round: the quarter is worked out.
          if (result.idle > options.steps) break
          continue
        }
        // Two ticks of looks found nothing: the officer turns to the board, then to the inbox.
        if (++dry < 2) continue
        dry = 0
        dwellings = await boardWork()
        // The board is empty: the next quarter's mail, until a quarter gives work or none is left.
        while (dwellings.length === 0 && reached < options.office.next.length) {
          opened = Math.max(opened, reached + 1)
          await openQuarter(options.office.next[reached]!)
          dwellings = await boardWork()
          if (dwellings.length === 0) reached++
        }
        if (dwellings.length === 0) {
          result.outOfWork = true
          break
        }
        hot = hotOf(dwellings)
        screen.clear()
        continue
      }
      dry = 0
      const begun = performance.now()
      const answer = await call(plan.channel, plan.input)
      // What the screen shows next: the step's answer, or (refused) nothing until read again.
      if (answer.ok) screen.set(target, answer.data as DwellingMatching)
      else screen.delete(target)
      result.steps.push({
        desk: options.desk,
        officer: options.officer,
        tick,
        channel: plan.channel,
        input: plan.input,
        ok: answer.ok,
        code: answer.ok ? null : answer.error.code,
        message: answer.ok ? null : answer.error.message,
        ms: performance.now() - begun,
      })
    }
  } finally {
    result.wallMs = performance.now() - started
    const stopping = performance.now()
    process.send?.({ done: true })
    await runtime.close()
    result.stopMs = performance.now() - stopping
    writeFileSync(options.resultFile, JSON.stringify(result))
  }
}

// Only as the desk process (team-load.ts sets this), not when the test or the bench imports it.
const argument = process.argv[2]
if (process.env['VIERDE_HUIS_DESK'] === '1' && argument) {
  await main(JSON.parse(argument) as DeskOptions)
  process.disconnect?.()
}
