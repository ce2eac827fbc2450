import { z } from 'zod'
import { IdSchema } from '../domain/fields'
import { QuarterKeySchema } from '../domain/quarter'
import { endpoint, NoInput } from './endpoint'
import { FilePayloadSchema, FileResultSchema } from './imports'

export const ExportShortlistsInput = z.object({
  quarter: QuarterKeySchema,
  corporationId: IdSchema,
  /** A selection of the corporation's dwellings; without it, every dwelling with a presented round. */
  dwellingIds: z.array(IdSchema).min(1, 'Kies minstens één woning').optional(),
})

export const ImportAnswersInput = FilePayloadSchema.extend({
  /** Check and report what would happen; write nothing. */
  dryRun: z.boolean().default(false),
})

/** What became of one dwelling's answer in the returned file. */
export const ANSWER_OUTCOME = [
  'applied',
  'already-applied',
  'no-answer',
  'outdated',
  'unknown-dwelling',
  'error',
] as const
export type AnswerOutcome = (typeof ANSWER_OUTCOME)[number]

export const AnswerLineSchema = z.object({
  /** The id as written in the file; null when the row had none. */
  dwellingId: z.number().nullable(),
  address: z.string(),
  round: z.number().nullable(),
  outcome: z.enum(ANSWER_OUTCOME),
  /** Dutch: why it was (not) applied. */
  message: z.string(),
  /** Dutch, one line per step taken: "K-0012 gekozen; eenmalige aanbieding gedaan". */
  actions: z.array(z.string()),
})
export type AnswerLine = z.infer<typeof AnswerLineSchema>

export const AnswersReportSchema = z.object({
  fileName: z.string(),
  corporation: z.string(),
  quarter: z.string(),
  dryRun: z.boolean(),
  /** True when the applied answers were written; false for a preview or when nothing applied. */
  committed: z.boolean(),
  lines: z.array(AnswerLineSchema),
  counts: z.record(z.enum(ANSWER_OUTCOME), z.number()),
})
export type AnswersReport = z.infer<typeof AnswersReportSchema>

export const ExportLogRowSchema = z.object({
  id: z.number(),
  at: z.string(),
  officer: z.string(),
  osUser: z.string(),
  /** The desk (host name) it was done on; null before team mode. */
  desk: z.string().nullable(),
  /** 'shortlists', 'report-quarter', 'report-year', … */
  kind: z.string(),
  recipient: z.string(),
  fileName: z.string(),
  /** Quarter, dwelling and shortlist ids, counts: never personal data. */
  details: z.record(z.string(), z.unknown()).nullable(),
})
export type ExportLogRow = z.infer<typeof ExportLogRowSchema>

export const exportsApi = {
  shortlists: endpoint('exports:shortlists', ExportShortlistsInput, FileResultSchema),
  importAnswers: endpoint('exports:importAnswers', ImportAnswersInput, AnswersReportSchema),
  log: endpoint('exports:log', NoInput, ExportLogRowSchema.array()),
} as const
