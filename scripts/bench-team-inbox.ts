/**
 * The office's inbox for `npm run bench -- --team` (bench-team.ts): what the corporations and care
 * providers send for the quarters after the open one, as the Excel files the app's own templates
 * make. Per quarter: each corporation's dwellings (the demo generator's own submission code,
 * `generateDwellings`, about a hundred a quarter pro rata to the stock) and a batch of new
 * registrations (the generator's `generateClients`, the most recently registered), one file per
 * care provider. A desk whose board runs dry takes them one by one from the run's copy of the folder
 * and imports them (team-desk.ts).
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type ExcelJS from 'exceljs'
import type { ColumnSpec } from '../src/main/excel/columns'
import { CLIENT_COLUMNS, CLIENTS_SHEET } from '../src/main/excel/client-columns'
import { DWELLING_COLUMNS, DWELLINGS_SHEET } from '../src/main/excel/dwelling-columns'
import { quotasForQuarter } from '../src/main/domain/planning'
import { generateClients } from '../src/main/demo/clients'
import { DEMO_RENT_LIMITS } from '../src/main/demo/generate'
import { generateDwellings } from '../src/main/demo/dwellings'
import { CARE_PROVIDERS, CORPORATIONS } from '../src/main/demo/organisations'
import { createRandom } from '../src/main/demo/random'
import type { Runtime } from '../src/main/runtime'
import type { FileResult } from '../src/shared/api'
import { DEFAULT_TARGET } from '../src/shared/domain/targets'
import {
  addQuarters,
  parseQuarter,
  quarterBounds,
  quarterKey,
  type QuarterKey,
} from '../src/shared/domain/quarter'
import { edit, fillRows } from '../tests/support/excel-files'
import type { OfficeQuarter } from '../tests/support/team-desk'

/** New registrations per quarter: about the dwellings' number and a half, so the list stays full. */
const NEW_CLIENTS = 150

/** A field's value as a person types it in the template: labels' keys, ja/nee, comma lists. */
function cell(spec: ColumnSpec, value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined) return null
  switch (spec.kind) {
    case 'yesNo':
      return value ? 'ja' : 'nee'
    case 'choiceList': {
      const keys = (typeof value === 'string' ? JSON.parse(value) : value) as string[]
      return keys.length ? keys.map((k) => spec.vocabulary!.labels[k] ?? k).join(', ') : null
    }
    case 'choice':
      return spec.vocabulary!.labels[String(value)] ?? String(value)
    case 'date':
      return new Date(`${String(value)}T00:00:00Z`)
    default:
      return value as ExcelJS.CellValue
  }
}

function rowOf(columns: readonly ColumnSpec[], record: Record<string, unknown>) {
  return Object.fromEntries(columns.map((c) => [c.header, cell(c, record[c.field])]))
}

async function filled(
  template: FileResult,
  sheet: string,
  rows: Record<string, ExcelJS.CellValue>[],
): Promise<Buffer> {
  // Row 2 is the template's example (VOORBEELD…), skipped by the importer: the rows go below it.
  return await edit(template.base64, (workbook) => fillRows(workbook.getWorksheet(sheet)!, rows))
}

/**
 * Writes the files for `count` quarters after `open` into `folder`; the templates come from the
 * app's routes on `runtime` (ids of the corporations and providers in it).
 */
export async function makeInbox(
  runtime: Runtime,
  options: {
    open: QuarterKey
    count: number
    seed: number
    /** The office's day (yyyy-mm-dd): registrations up to it, submissions on it. */
    today: string
    folder: string
  },
): Promise<OfficeQuarter[]> {
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const answer = await runtime.routes.get(channel)!(input)
    if (!answer.ok) throw new Error(`${channel}: ${answer.error.message}`)
    return answer.data as T
  }
  const corporationId = new Map(
    (await call<{ id: number; name: string }[]>('corporations:list', undefined)).map((c) => [
      c.name,
      c.id,
    ]),
  )
  const providerId = new Map(
    (await call<{ id: number; name: string }[]>('careProviders:list', undefined)).map((p) => [
      p.name,
      p.id,
    ]),
  )
  const stocks = CORPORATIONS.map((c) => c.socialStock)
  const { today } = options
  const inbox: OfficeQuarter[] = []
  const file = (name: string, buffer: Buffer) => {
    const path = join(options.folder, name)
    writeFileSync(path, buffer)
    return { path }
  }
  for (let k = 1; k <= options.count; k++) {
    const quarter = addQuarters(parseQuarter(options.open), k)
    const key = quarterKey(quarter)
    const quarterRow = {
      key,
      year: quarter.year,
      number: quarter.number,
      ...quarterBounds(quarter),
    }
    const made: OfficeQuarter = { quarter: key, files: [] }
    // Submitted today for the coming quarter: the generator dates them no later than its "today".
    const dwellings = generateDwellings(createRandom(options.seed, `bench-team-dwellings-${key}`), {
      todayIso: today,
      quarters: [quarterRow],
      quotas: [quotasForQuarter(DEFAULT_TARGET, stocks, quarter.number)],
    })
    for (const [ci, corporation] of CORPORATIONS.entries()) {
      const rows = dwellings.filter((d) => d.corporation === ci)
      if (rows.length === 0) continue
      const id = corporationId.get(corporation.name)!
      const template = await call<FileResult>('dwellings:template', {
        corporationId: id,
        quarterKey: key,
      })
      const buffer = await filled(
        template,
        DWELLINGS_SHEET,
        rows.map((d) => rowOf(DWELLING_COLUMNS, d)),
      )
      made.files.push({
        kind: 'dwellings',
        rows: rows.length,
        ...file(`woningen-${corporation.name.replace(/\W+/g, '')}-${key}.xlsx`, buffer),
      })
    }
    // The most recent registrations of a fresh waiting list: people who came in lately.
    const clients = generateClients(createRandom(options.seed, `bench-team-clients-${key}`), {
      todayIso: today,
      limits: DEMO_RENT_LIMITS,
    }).slice(-NEW_CLIENTS)
    for (const [pi, provider] of CARE_PROVIDERS.entries()) {
      const rows = clients.filter((c) => c.careProvider === pi)
      if (rows.length === 0) continue
      const template = await call<FileResult>('clients:template', {
        careProviderId: providerId.get(provider.name)!,
      })
      const buffer = await filled(
        template,
        CLIENTS_SHEET,
        // Codes of their own per quarter: the generator numbers every stream from the same start.
        rows.map((c, i) =>
          rowOf(CLIENT_COLUMNS, {
            ...c,
            code: `K-${key.replace('-', '')}-${pi}-${String(i + 1).padStart(3, '0')}`,
          }),
        ),
      )
      made.files.push({
        kind: 'clients',
        rows: rows.length,
        ...file(`aanmeldingen-${pi}-${key}.xlsx`, buffer),
      })
    }
    inbox.push(made)
  }
  return inbox
}
