import { existsSync, readFileSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import type { z } from 'zod'
import {
  ClientsImportInput,
  DwellingsImportInput,
  type ImportKind,
  type ImportReport,
} from '../../shared/api/imports'
import type { Runtime } from '../runtime'
import { importClients, importDwellings } from '../services/import-service'
import { listCareProviders, listCorporations } from '../services/partners-service'
import { openChosenRuntime } from '../store-choice'
import {
  CLI_RUNTIME,
  commandStore,
  type CommandIo,
  parseOptions,
  requireOption,
  type Command,
} from './command'
import { importAnswersCommand } from './import-answers'
import { findByName, parseKind, parseQuarterOption, rejectForeignOptions } from './partner-options'

export const importCommand: Command = {
  name: 'import',
  usage:
    'import dwellings|clients|answers --db <bestand> --file <bestand.xlsx> [--corporation <naam>] [--quarter JJJJ-Qn] [--provider <naam>] [--valid-only] [--dry-run]',
  description:
    'Leest een ingevuld sjabloon in (zonder --valid-only bij een fout niets), of met answers het antwoord van een corporatie op de voordrachten',
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      db: { type: 'string' },
      file: { type: 'string' },
      corporation: { type: 'string' },
      quarter: { type: 'string' },
      provider: { type: 'string' },
      'valid-only': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
    })
    if (positionals[0] === 'answers') {
      if (positionals.length > 1)
        throw new Error(`Onverwacht argument: ${positionals.slice(1).join(' ')}`)
      return importAnswersCommand(values, io)
    }
    if (values['dry-run'] !== undefined) throw new Error('--dry-run hoort bij answers')
    const kind = parseKind(positionals, 'import')
    rejectForeignOptions(kind, values)
    const choice = commandStore(values.db)
    const xlsx = resolve(requireOption(values.file, '--file'))
    if (!existsSync(xlsx)) throw new Error(`Bestand ${xlsx} bestaat niet`)
    const payload = {
      fileName: basename(xlsx),
      base64: readFileSync(xlsx).toString('base64'),
      validOnly: values['valid-only'] ?? false,
    }

    const runtime = await openChosenRuntime(choice, CLI_RUNTIME)
    try {
      const report = await runImport(runtime, kind, payload, values)
      return printReport(report, kind, io)
    } finally {
      await runtime.close()
    }
  },
}

async function runImport(
  { ctx }: Runtime,
  kind: ImportKind,
  payload: { fileName: string; base64: string; validOnly: boolean },
  names: { corporation?: string; quarter?: string; provider?: string },
): Promise<ImportReport> {
  if (kind === 'dwellings') {
    const input = parseInput(DwellingsImportInput, {
      ...payload,
      corporationId: names.corporation
        ? findByName(await listCorporations(ctx), names.corporation, 'corporatie').id
        : undefined,
      quarterKey: names.quarter ? parseQuarterOption(names.quarter) : undefined,
    })
    return importDwellings(ctx, input)
  }
  const input = parseInput(ClientsImportInput, {
    ...payload,
    careProviderId: names.provider
      ? findByName(await listCareProviders(ctx), names.provider, 'zorgaanbieder').id
      : undefined,
  })
  return importClients(ctx, input)
}

/** The contract's own checks (an empty file, a file over 20 MB), as one Dutch line instead of zod's dump. */
function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join('; '))
  return parsed.data
}

/** Exit 0 only when every row went in; each error on its own line so scripts can read them. */
function printReport(report: ImportReport, kind: ImportKind, io: CommandIo): number {
  const what = kind === 'dwellings' ? 'woningen' : 'cliënten'
  for (const e of report.errors) {
    io.error(e.column ? `row ${e.row}, ${e.column}: ${e.message}` : `row ${e.row}: ${e.message}`)
  }
  const counts = `${report.created} nieuw, ${report.updated} gewijzigd, ${report.unchanged} ongewijzigd`
  if (report.committed) {
    io.log(
      `${report.fileName}: ${report.validRows} van ${report.rows} rijen ${what} ingelezen: ${counts}`,
    )
  } else {
    io.error(
      `Niets geïmporteerd uit ${report.fileName}: ${report.errors.length} fout(en). ` +
        'Verbeter het bestand, of gebruik --valid-only om alleen de goede rijen te importeren.',
    )
  }
  return report.errors.length === 0 && report.committed ? 0 : 1
}
