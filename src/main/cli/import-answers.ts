import { existsSync, readFileSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import type { AnswersReport } from '../../shared/api/exports'
import { describe, importAnswers } from '../services/answers-import'
import { openChosenRuntime } from '../store-choice'
import { CLI_RUNTIME, commandStore, requireOption, type CommandIo } from './command'

/** Outcomes a script must notice: the answer was not applied and someone has to act on it. */
const NEEDS_ACTION = new Set(['error', 'outdated', 'unknown-dwelling'])

/** `import answers`: a corporation's returned shortlist file, applied through the workflow. */
export async function importAnswersCommand(
  values: {
    db?: string
    file?: string
    'dry-run'?: boolean
    [other: string]: unknown
  },
  io: CommandIo,
): Promise<number> {
  const foreign = ['corporation', 'quarter', 'provider', 'valid-only'].filter(
    (key) => values[key] !== undefined,
  )
  if (foreign.length > 0) {
    throw new Error(
      `${foreign.map((k) => `--${k}`).join(', ')} hoort niet bij answers: het bestand zegt zelf voor welke corporatie en welk kwartaal het is`,
    )
  }
  const choice = commandStore(values.db)
  const xlsx = resolve(requireOption(values.file, '--file'))
  if (!existsSync(xlsx)) throw new Error(`Bestand ${xlsx} bestaat niet`)
  const runtime = await openChosenRuntime(choice, CLI_RUNTIME)
  try {
    const report = await importAnswers(runtime.ctx, {
      fileName: basename(xlsx),
      base64: readFileSync(xlsx).toString('base64'),
      dryRun: values['dry-run'] ?? false,
    })
    return printAnswers(report, io)
  } finally {
    await runtime.close()
  }
}

/** One line per dwelling, problems on stderr so scripts can read them apart. */
function printAnswers(report: AnswersReport, io: CommandIo): number {
  for (const line of report.lines) {
    const what = `${line.address || `woning ${line.dwellingId ?? '?'}`}${line.round ? `, ronde ${line.round}` : ''}`
    const text = `${what}: ${line.message}${line.actions.length ? ` — ${line.actions.join('; ')}` : ''}`
    if (NEEDS_ACTION.has(line.outcome)) io.error(text)
    else io.log(text)
  }
  const verb = report.dryRun ? 'Proef, niets opgeslagen' : 'Ingelezen'
  io.log(
    `${verb}: antwoord van ${report.corporation} op ${report.quarter} (${report.fileName}): ${describe(report.counts)}`,
  )
  return report.lines.some((l) => NEEDS_ACTION.has(l.outcome)) ? 1 : 0
}
