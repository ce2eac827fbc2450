/**
 * The benchmark's ten-year database: what Het Vierde Huis holds after ten years of quarters at the
 * scale the issue names (≈50,000 clients of whom ≈5,000 waiting, ≈20,000 dwellings of which ≈500
 * open in the current quarter, ≈23,000 shortlists, ≈170,000 audit rows).
 *
 * Clients and dwellings come from the demo's own generators (src/main/demo/), called once per
 * cohort and per quarter. The history is written straight into the same tables the services write
 * (rounds, candidates with score parts, offers, allocations, their audit rows) rather than played
 * through the services step by step: forty quarters through the real engine would take the best
 * part of an hour on this machine, and the benchmark measures today's work, not the past's. The
 * last step is the app's own anonymisation after the retention period, so a start on this file
 * finds nothing left to do, as a real one would.
 */
import type Database from 'better-sqlite3'
import { REJECTION_REASON } from '../src/shared/domain/vocabulary'
import {
  addQuarters,
  quarterBounds,
  quarterKey,
  quarterOf,
  type Quarter,
} from '../src/shared/domain/quarter'
import { openStore } from '../src/main/db/connection'
import { createContext } from '../src/main/services/context'
import { anonymiseExpired } from '../src/main/services/privacy-service'
import { quotasForQuarter } from '../src/main/domain/planning'
import { DEFAULT_YEAR_SETTINGS, YEAR_SETTINGS_KEY } from '../src/main/domain/year-settings'
import { addDays, localIsoDate, nextWeekday } from '../src/main/demo/calendar'
import { generateClients } from '../src/main/demo/clients'
import { generateDwellings } from '../src/main/demo/dwellings'
import type { DemoClient, DemoDwelling } from '../src/main/demo/generate'
import { instroomShareTrajectory } from '../src/shared/domain/targets'
import { CARE_PROVIDERS, CORPORATIONS, contactFor } from '../src/main/demo/organisations'
import { createRandom, type Random } from '../src/main/demo/random'

export interface TenYearsSize {
  years: number
  /** Dwellings a year (the quota the corporations submit to): 2,000 gives ≈500 a quarter. */
  dwellingsPerYear: number
  /** Batches of ≈400 waiting clients from the demo's generator: 13 gives ≈5,200. */
  waitingBatches: number
  /** Clients registered in each earlier year, housed or withdrawn by now. */
  earlierPerYear: number
}

export const TEN_YEARS: TenYearsSize = {
  years: 10,
  dwellingsPerYear: 2_000,
  waitingBatches: 13,
  earlierPerYear: 4_500,
}

const SEED = 2016
/** Chance the corporation rejects a whole round with a motivation (a new round follows). */
const REJECT_ALL_SHARE = 0.14
/** Dwellings withdrawn by the corporation instead of let. */
const WITHDRAW_SHARE = 0.02
/** Of the last complete quarter, dwellings whose shortlist still waits for the corporation. */
const STILL_PRESENTED_SHARE = 0.1
const N = 3
const OFFICER = { officer: 'Matcher (Het Vierde Huis)', osUser: 'matcher' }

type Row = Record<string, string | number | null>

function writer(sqlite: Database.Database) {
  const statements = new Map<string, Database.Statement>()
  /** Inserts one row and answers its id; statements prepared once per table and column set. */
  return (table: string, row: Row): number => {
    const columns = Object.keys(row)
    const key = `${table}(${columns.join(',')})`
    let statement = statements.get(key)
    if (!statement) {
      statement = sqlite.prepare(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
      )
      statements.set(key, statement)
    }
    return Number(statement.run(row).lastInsertRowid)
  }
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
const sqlRow = (values: Record<string, unknown>): Row =>
  Object.fromEntries(
    Object.entries(values).map(([k, v]) => [
      snake(k),
      typeof v === 'boolean' ? Number(v) : (v as string | number | null),
    ]),
  )

/** Score parts as the engine stores them: five named parts with a Dutch sentence each. */
function scoreParts(rnd: Random, days: number) {
  const parts = [
    ['waiting', 'Wachttijd', rnd.between(5, 40), `${days} dagen ingeschreven`],
    ['providerBalance', 'Verdeling zorgaanbieders', rnd.between(-5, 10), 'Onder het contingent'],
    ['groupPriority', 'Doelgroep', rnd.between(0, 10), 'Doelgroep met de langste wachttijd'],
    ['spreading', 'Spreiding', rnd.between(-10, 5), 'Wijk met een gemiddelde belasting'],
    ['preference', 'Voorkeur', rnd.chance(0.3) ? 5 : 0, 'Geen voorkeurswijk opgegeven'],
  ] as const
  const rounded = parts.map(([key, label, points, explanation]) => ({
    key,
    label,
    points: Math.round(points * 100) / 100,
    explanation,
  }))
  return { total: rounded.reduce((sum, p) => sum + p.points, 0), parts: rounded }
}

/** Builds the database at `file` (which must not exist yet) and answers its counts. */
export async function buildTenYears(
  file: string,
  today: Date,
  size: TenYearsSize = TEN_YEARS,
): Promise<Record<string, number>> {
  const store = openStore(file)
  try {
    const { sqlite } = store
    const insert = writer(sqlite)
    const todayIso = localIsoDate(today)
    const current = quarterOf(today)
    const quarterList: Quarter[] = Array.from({ length: size.years * 4 }, (_, i) =>
      addQuarters(current, i - size.years * 4 + 1),
    )
    const stocks = CORPORATIONS.map((c) => c.socialStock)
    sqlite.transaction(() => {
      const corporationIds = CORPORATIONS.map((c) =>
        insert('corporations', { name: c.name, social_stock: c.socialStock }),
      )
      const providerIds = CARE_PROVIDERS.map((p) =>
        insert('care_providers', {
          name: p.name,
          contingent_share: p.perMille / 1000,
          contact: contactFor(p.name),
        }),
      )
      const firstYear = quarterList[0]!.year
      for (let year = firstYear; year <= current.year; year++) {
        insert('year_targets', {
          year,
          target: size.dwellingsPerYear,
          instroom_share_target: instroomShareTrajectory(year),
        })
      }
      insert('settings', {
        key: YEAR_SETTINGS_KEY,
        year: current.year,
        value: JSON.stringify(DEFAULT_YEAR_SETTINGS),
      })

      // Dwellings: the demo's generator, quarter by quarter (addresses are unique per quarter).
      const dwellingRows: (DemoDwelling & { id: number })[] = []
      for (const q of quarterList) {
        const key = quarterKey(q)
        const row = { key, year: q.year, number: q.number, ...quarterBounds(q) }
        insert('quarters', sqlRow(row))
        const quotas = quotasForQuarter(size.dwellingsPerYear, stocks, q.number)
        quotas.forEach((quota, ci) =>
          insert('quarter_quotas', {
            quarter_key: key,
            corporation_id: corporationIds[ci]!,
            quota,
          }),
        )
        const made = generateDwellings(createRandom(SEED, `dwellings-${key}`), {
          todayIso,
          quarters: [row],
          quotas: [quotas],
        })
        for (const { corporation, ...d } of made) {
          const id = insert(
            'dwellings',
            sqlRow({ ...d, corporationId: corporationIds[corporation]! }),
          )
          dwellingRows.push({ corporation, ...d, id })
        }
      }

      // Clients: today's waiting list in batches of the demo's size, and each earlier year's cohort.
      const people: DemoClient[] = []
      for (let b = 0; b < size.waitingBatches; b++) {
        people.push(
          ...generateClients(createRandom(SEED, `waiting-${b}`), {
            todayIso,
            limits: DEFAULT_YEAR_SETTINGS,
          }),
        )
      }
      const waitingCount = people.length
      for (let y = 1; y < size.years; y++) {
        const rnd = createRandom(SEED, `earlier-${y}`)
        const cohort = generateClients(rnd, {
          todayIso: addDays(todayIso, -365 * y),
          limits: DEFAULT_YEAR_SETTINGS,
          earlier: { rnd, count: size.earlierPerYear },
        })
        people.push(...cohort.map((c) => ({ ...c, status: 'ingetrokken' as const })))
      }
      // Codes run per registration year, in registration order, over everyone.
      const ordered = people
        .map((person, index) => ({ person, waiting: index < waitingCount }))
        .sort((a, b) => a.person.registeredOn.localeCompare(b.person.registeredOn))
      const seqByYear = new Map<string, number>()
      const earlier: { id: number; registeredOn: string; supportProvider: number | null }[] = []
      const waiting: number[] = []
      for (const { person, waiting: isWaiting } of ordered) {
        const year = person.registeredOn.slice(0, 4)
        const seq = (seqByYear.get(year) ?? 0) + 1
        seqByYear.set(year, seq)
        const { careProvider, supportProvider, ...c } = person
        const id = insert(
          'clients',
          sqlRow({
            ...c,
            code: `K-${year}-${String(seq).padStart(5, '0')}`,
            careProviderId: providerIds[careProvider]!,
            supportProviderId: supportProvider === null ? null : providerIds[supportProvider]!,
          }),
        )
        const at = `${person.registeredOn}T09:00:00.000Z`
        insert('audit_events', {
          at,
          ...{ officer: OFFICER.officer, os_user: OFFICER.osUser },
          action: 'client:create',
          entity_type: 'client',
          entity_id: String(id),
          summary: `Kandidaat ${`K-${year}-${String(seq).padStart(5, '0')}`} aangemeld`,
          details: JSON.stringify({ fields: Object.keys(c).length }),
        })
        if (isWaiting) waiting.push(id)
        else
          earlier.push({
            id,
            registeredOn: person.registeredOn,
            supportProvider:
              supportProvider === null ? null : (providerIds[supportProvider] ?? null),
          })
      }

      history(insert, sqlite, {
        todayIso,
        currentKey: quarterKey(current),
        lastKey: quarterKey(addQuarters(current, -1)),
        dwellings: dwellingRows,
        earlier,
        waiting,
      })
    })()

    // The app's own retention rule, as the daily start would have applied it over the years.
    const ctx = createContext(store, { now: () => today, actor: OFFICER })
    await anonymiseExpired(ctx)
    sqlite.pragma('optimize')
    const count = (table: string) =>
      sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
    return {
      clients: count('clients'),
      waiting: sqlite
        .prepare("SELECT count(*) FROM clients WHERE status = 'wachtend'")
        .pluck()
        .get() as number,
      dwellings: count('dwellings'),
      open: sqlite
        .prepare("SELECT count(*) FROM dwellings WHERE status = 'ingediend'")
        .pluck()
        .get() as number,
      shortlists: count('shortlists'),
      candidates: count('shortlist_candidates'),
      allocations: count('allocations'),
      audit: count('audit_events'),
    }
  } finally {
    store.close()
  }
}

interface HistoryInput {
  todayIso: string
  currentKey: string
  lastKey: string
  dwellings: readonly (DemoDwelling & { id: number })[]
  earlier: { id: number; registeredOn: string; supportProvider: number | null }[]
  waiting: number[]
}

/**
 * Every earlier dwelling let (or now and then withdrawn) through one or two rounds of three
 * candidates; the chosen one housed, longest registered first among those registered at least two
 * months before; the last quarter's dwellings partly still waiting for the corporation's answer.
 */
function history(
  insert: ReturnType<typeof writer>,
  sqlite: Database.Database,
  input: HistoryInput,
): void {
  const rnd = createRandom(SEED, 'history')
  const housedStatus = sqlite.prepare(
    "UPDATE clients SET status = 'gehuisvest', status_since = ? WHERE id = ?",
  )
  const setStatus = sqlite.prepare('UPDATE clients SET status = ?, status_since = ? WHERE id = ?')
  const reasons = REJECTION_REASON.keys.filter((r) => r !== 'anders')
  const at = (day: string, minute: number) =>
    `${day}T${String(8 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00.000Z`
  const event = (when: string, action: string, dwellingId: number, summary: string, details = {}) =>
    insert('audit_events', {
      at: when,
      officer: OFFICER.officer,
      os_user: OFFICER.osUser,
      action,
      entity_type: 'dwelling',
      entity_id: String(dwellingId),
      summary,
      details: JSON.stringify(details),
    })

  let next = 0 // the longest-waiting earlier client not yet housed
  const housed = new Set<number>()
  const candidatePool = (day: string) => {
    const ready = addDays(day, -60)
    while (next < input.earlier.length && housed.has(input.earlier[next]!.id)) next++
    const free: typeof input.earlier = []
    for (let i = next; i < input.earlier.length && free.length < N * 4; i++) {
      const c = input.earlier[i]!
      if (c.registeredOn > ready) break
      if (!housed.has(c.id)) free.push(c)
    }
    return free
  }

  function round(
    dwelling: DemoDwelling & { id: number },
    number: number,
    day: string,
    clients: { id: number; registeredOn: string }[],
  ) {
    const shortlistId = insert('shortlists', {
      dwelling_id: dwelling.id,
      round: number,
      status: 'concept',
      eligible_pool_size: rnd.int(40, 1800),
      presented_at: at(day, 30),
      created_at: at(day, 0),
      updated_at: at(day, 30),
    })
    const candidateIds = clients.map((c, i) =>
      insert('shortlist_candidates', {
        shortlist_id: shortlistId,
        client_id: c.id,
        position: i + 1,
        ...(() => {
          const s = scoreParts(
            rnd,
            Math.max(0, Math.round((Date.parse(day) - Date.parse(c.registeredOn)) / 864e5)),
          )
          return { score: s.total, score_parts: JSON.stringify(s.parts) }
        })(),
        created_at: at(day, 0),
        updated_at: at(day, 0),
      }),
    )
    event(
      at(day, 0),
      'shortlist:concept',
      dwelling.id,
      `Conceptvoordracht ronde ${number}: ${clients.length} kandidaten`,
      { shortlistId, clients: clients.map((c) => c.id) },
    )
    event(
      at(day, 30),
      'shortlist:present',
      dwelling.id,
      `Ronde ${number} voorgedragen aan de corporatie`,
      { shortlistId, clients: clients.map((c) => c.id) },
    )
    return { shortlistId, candidateIds }
  }

  const decide = sqlite.prepare(
    'UPDATE shortlists SET status = ?, decided_at = ?, rejection_motivation = ? WHERE id = ?',
  )
  const decideCandidates = sqlite.prepare(
    "UPDATE shortlist_candidates SET decision = 'geen-match', decision_reason = ? WHERE shortlist_id = ?",
  )
  const chooseCandidate = sqlite.prepare(
    "UPDATE shortlist_candidates SET decision = 'gekozen' WHERE id = ?",
  )
  const dwellingStatus = sqlite.prepare(
    'UPDATE dwellings SET status = ?, status_since = ? WHERE id = ?',
  )

  for (const dwelling of input.dwellings) {
    if (dwelling.quarterKey === input.currentKey) continue
    let day = nextWeekday(addDays(dwelling.submittedOn, rnd.int(3, 10)))
    if (day >= input.todayIso) day = dwelling.submittedOn
    if (rnd.chance(WITHDRAW_SHARE)) {
      dwellingStatus.run('ingetrokken', day, dwelling.id)
      event(at(day, 90), 'dwelling:withdraw', dwelling.id, 'Woning ingetrokken door de corporatie')
      continue
    }
    if (dwelling.quarterKey === input.lastKey && rnd.chance(STILL_PRESENTED_SHARE)) {
      // Still with the corporation: three waiting clients on a presented shortlist.
      const chosen: { id: number; registeredOn: string }[] = []
      while (chosen.length < N && input.waiting.length > 0) {
        const id = input.waiting.splice(rnd.int(0, input.waiting.length - 1), 1)[0]!
        chosen.push({ id, registeredOn: day })
        setStatus.run('voorgedragen', day, id)
      }
      const { shortlistId } = round(dwelling, 1, day, chosen)
      sqlite.prepare("UPDATE shortlists SET status = 'voorgedragen' WHERE id = ?").run(shortlistId)
      dwellingStatus.run('in-voordracht', day, dwelling.id)
      continue
    }
    let number = 1
    for (;;) {
      const pool = candidatePool(day)
      if (pool.length < N) break
      const picked = rnd.shuffle(pool.slice(0, N * 2)).slice(0, N)
      picked.sort((a, b) => a.registeredOn.localeCompare(b.registeredOn))
      const { shortlistId, candidateIds } = round(dwelling, number, day, picked)
      const decidedOn = nextWeekday(addDays(day, rnd.int(4, 20)))
      if (number < 3 && rnd.chance(REJECT_ALL_SHARE)) {
        decide.run(
          'afgewezen',
          at(decidedOn, 60),
          'De corporatie ziet geen passende kandidaat',
          shortlistId,
        )
        decideCandidates.run(rnd.pick(reasons), shortlistId)
        event(at(decidedOn, 60), 'shortlist:rejectAll', dwelling.id, `Ronde ${number} afgewezen`, {
          shortlistId,
        })
        day = decidedOn
        number++
        continue
      }
      const choice = rnd.weighted([
        [0, 78],
        [1, 16],
        [2, 6],
      ] as const)
      const client = picked[choice]!
      decide.run('gekozen', at(decidedOn, 60), null, shortlistId)
      chooseCandidate.run(candidateIds[choice]!)
      event(
        at(decidedOn, 60),
        'shortlist:choose',
        dwelling.id,
        `Corporatie kiest kandidaat ${choice + 1} (ronde ${number})`,
        { shortlistId, clientId: client.id },
      )
      const respondedOn = nextWeekday(addDays(decidedOn, rnd.int(2, 10)))
      const offerId = insert('offers', {
        candidate_id: candidateIds[choice]!,
        dwelling_id: dwelling.id,
        client_id: client.id,
        offered_on: decidedOn,
        outcome: 'geaccepteerd',
        responded_on: respondedOn,
      })
      const startsOn = nextWeekday(
        addDays(respondedOn > dwelling.availableFrom ? respondedOn : dwelling.availableFrom, 14),
      )
      const omklap = dwelling.flipPossible && rnd.chance(0.4)
      insert('allocations', {
        offer_id: offerId,
        dwelling_id: dwelling.id,
        client_id: client.id,
        contract_kind: omklap ? 'omklap' : 'huur',
        starts_on: startsOn,
        support_provider_id: client.supportProvider,
      })
      event(at(respondedOn, 120), 'offer:accept', dwelling.id, 'Aanbieding geaccepteerd', {
        offerId,
        startsOn,
      })
      insert('audit_events', {
        at: at(respondedOn, 121),
        officer: OFFICER.officer,
        os_user: OFFICER.osUser,
        action: 'client:housed',
        entity_type: 'client',
        entity_id: String(client.id),
        summary: `Gehuisvest per ${startsOn}`,
        details: JSON.stringify({ dwellingId: dwelling.id }),
      })
      housed.add(client.id)
      housedStatus.run(startsOn < input.todayIso ? startsOn : respondedOn, client.id)
      dwellingStatus.run('verhuurd', startsOn, dwelling.id)
      break
    }
  }
}
