import type { z } from 'zod'
import { ApiError } from '../../shared/api/endpoint'
import { isUniqueViolation } from '../db/dialect'
import type {
  ClientsImportInput,
  DwellingsImportInput,
  ImportError,
  ImportKind,
  ImportReport,
} from '../../shared/api/imports'
import { ClientInputSchema } from '../../shared/domain/client-input'
import { DwellingInputSchema } from '../../shared/domain/dwelling-input'
import type { DbOrTx } from '../db/connection'
import { CLIENT_COLUMNS, CLIENTS_SHEET } from '../excel/client-columns'
import { fieldsNewerThan, headerOf, type ColumnSpec } from '../excel/columns'
import { DWELLING_COLUMNS, DWELLINGS_SHEET } from '../excel/dwelling-columns'
import { readSheetRows } from '../excel/sheet-rows'
import { readTemplateMeta } from '../excel/template-meta'
import { loadWorkbook } from '../excel/workbook-reader'
import type { AuditEntry } from './audit'
import { audited } from './audited'
import { backupBeforeImport } from './backup-service'
import { planClients, writeClients } from './clients-import'
import type { ServiceContext } from './context'
import { dwellingKey, planDwellings, writeDwellings } from './dwellings-import'
import {
  buildReport,
  countsInDutch,
  rejectDuplicates,
  sameText,
  sortErrors,
  validateRows,
  type CheckedRows,
  type ImportOutcome,
} from './import-rows'
import { resolveCareProvider, resolveCorporation } from './import-owners'
import { ensureQuarter } from './quarters'

export { clientsTemplate, dwellingsTemplate } from './import-templates'

type ImportOptions = { fileName: string; validOnly: boolean; dryRun: boolean }

/**
 * Reads a corporation's filled-in template. Every row is checked and every problem reported; then,
 * unless this is a preview or errors forbid it, all new and changed dwellings are written in one
 * transaction with one audit event.
 */
export async function importDwellings(
  ctx: ServiceContext,
  input: z.output<typeof DwellingsImportInput>,
): Promise<ImportReport> {
  const { db } = ctx.store
  const workbook = await loadWorkbook(input.base64)
  const meta = readTemplateMeta(workbook, 'dwellings')
  const corporation = await resolveCorporation(db, input.corporationId, meta)
  const quarterKey = input.quarterKey ?? meta.quarterKey
  if (!quarterKey) {
    throw new ApiError(
      'invalid-input',
      'Het bestand zegt niet voor welk kwartaal het is. Kies het kwartaal bij het importeren.',
    )
  }
  const rows = readSheetRows(workbook, DWELLINGS_SHEET, DWELLING_COLUMNS, meta.templateVersion)
  const validated = validateRows(rows, DWELLING_COLUMNS, (values) =>
    DwellingInputSchema.safeParse({ ...values, corporationId: corporation.id, quarterKey }),
  )
  const unique = rejectDuplicates(
    validated,
    dwellingKey,
    headerOf(DWELLING_COLUMNS, 'address'),
    (first) => `Deze woning (zelfde adres en postcode) staat ook al in rij ${first}`,
  )
  const { checked, plan } = await planDwellings(
    db,
    unique,
    corporation.id,
    quarterKey,
    fieldsNewerThan(DWELLING_COLUMNS, meta.templateVersion),
  )
  const outcome = {
    created: plan.create.length,
    updated: plan.update.length,
    unchanged: plan.unchanged,
  }

  return finish(ctx, 'dwellings', input, DWELLING_COLUMNS, rows.length, checked, outcome, {
    what: 'woningen',
    write: async (tx) => {
      await ensureQuarter(tx, quarterKey)
      return await writeDwellings(tx, plan, ctx.now())
    },
    summary: `Woningen geïmporteerd uit ${input.fileName} voor ${corporation.name}, ${quarterKey}`,
    details: { corporationId: corporation.id, quarterKey },
  })
}

/** Reads a care provider's filled-in template; same rules as for dwellings, keyed by client code. */
export async function importClients(
  ctx: ServiceContext,
  input: z.output<typeof ClientsImportInput>,
): Promise<ImportReport> {
  const { db } = ctx.store
  const workbook = await loadWorkbook(input.base64)
  const meta = readTemplateMeta(workbook, 'clients')
  const provider = await resolveCareProvider(db, input.careProviderId, meta)
  const rows = readSheetRows(workbook, CLIENTS_SHEET, CLIENT_COLUMNS, meta.templateVersion)
  const validated = validateRows(rows, CLIENT_COLUMNS, (values) =>
    ClientInputSchema.safeParse({
      ...values,
      careProviderId: provider.id,
      supportProviderId: provider.id,
    }),
  )
  const unique = rejectDuplicates(
    validated,
    (client) => sameText(client.code),
    headerOf(CLIENT_COLUMNS, 'code'),
    (first) => `Deze cliëntcode staat ook al in rij ${first}`,
  )
  const { checked, plan } = await planClients(
    db,
    unique,
    provider.id,
    fieldsNewerThan(CLIENT_COLUMNS, meta.templateVersion),
  )
  const outcome = {
    created: plan.create.length,
    updated: plan.update.length,
    unchanged: plan.unchanged,
  }

  return finish(ctx, 'clients', input, CLIENT_COLUMNS, rows.length, checked, outcome, {
    what: 'cliënten',
    write: async (tx) => await writeClients(tx, plan, provider.id),
    // Counts and the provider only: the audit trail never holds client codes or other personal details.
    summary: `Aanmeldingen geïmporteerd uit ${input.fileName} voor ${provider.name}`,
    details: { careProviderId: provider.id },
  })
}

interface Commit {
  /** Plural noun for messages: "woningen", "cliënten". */
  what: string
  write: (tx: DbOrTx) => Promise<{ created: number[]; updated: number[] }>
  summary: string
  details: Record<string, unknown>
}

/**
 * The common end of both imports: refuse on errors (unless validOnly), preview on dryRun, else
 * write everything in one transaction with its audit event, so a failure anywhere writes nothing.
 */
async function finish(
  ctx: ServiceContext,
  kind: ImportKind,
  options: ImportOptions,
  columns: readonly ColumnSpec[],
  rowCount: number,
  checked: CheckedRows<unknown>,
  outcome: ImportOutcome,
  commit: Commit,
): Promise<ImportReport> {
  const errors: ImportError[] = sortErrors(checked.errors, columns)
  if (rowCount === 0) {
    errors.push({
      row: 0,
      column: '',
      message: `Het bestand bevat geen ${commit.what}: alleen lege rijen of het voorbeeld.`,
    })
  }
  const report = buildReport(
    kind,
    options.fileName,
    rowCount,
    { ...checked, errors },
    outcome,
    false,
  )
  const refused = errors.length > 0 && !options.validOnly
  if (options.dryRun || refused || checked.valid.length === 0) return report

  await backupBeforeImport(ctx)
  const skipped = rowCount - checked.valid.length
  const imported = (ids: Awaited<ReturnType<Commit['write']>>): AuditEntry => ({
    action: `${kind}:import`,
    entityType: 'import',
    summary: `${commit.summary}: ${countsInDutch(outcome)}${skipped > 0 ? `; ${skipped} rij(en) met fouten overgeslagen` : ''}`,
    details: {
      ...commit.details,
      fileName: options.fileName,
      rows: rowCount,
      ...outcome,
      skipped,
      ids,
    },
  })
  try {
    await audited(ctx, imported, async (tx) => await commit.write(tx))
  } catch (error) {
    // In team mode another desk can write the same rows between this file's check and its write;
    // the import is then one rolled-back step, and importing it again counts them as they are.
    if (!isUniqueViolation(error)) throw error
    throw new ApiError(
      'conflict',
      `Tijdens het importeren zijn dezelfde ${commit.what} op een ander bureau vastgelegd. Er is ` +
        'niets opgeslagen; importeer het bestand opnieuw: wat dan al bestaat, telt als ongewijzigd.',
    )
  }
  return { ...report, committed: true }
}
