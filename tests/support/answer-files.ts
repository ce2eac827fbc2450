import { SHORTLIST_EXPORT_FIELDS } from '../../src/main/excel/shortlist-fields'
import type { FileResult } from '../../src/shared/api'
import { edit } from './excel-files'

export type Answer = {
  decision?: string
  reason?: string
  motivation?: string
  /** Typed text (dd-mm-jjjj) or a real Excel date. */
  offeredOn?: string | Date
  dwellingId?: number
}
/** Per dwelling id, per client code: what the corporation typed. */
export type Answers = Record<number, Record<string, Answer>>

const col = (key: string) => SHORTLIST_EXPORT_FIELDS.findIndex((f) => f.key === key) + 1
export const SPREIDING = 'Te veel bijzondere plaatsingen in complex of portiek'
export const MOTIVATION = 'Al drie bijzondere plaatsingen in deze portiek'

/** The corporation's side: open the file in "Excel", fill in decision cells, save. */
export async function fillIn(file: FileResult, answers: Answers): Promise<string> {
  const buffer = await edit(file.base64, (workbook) => {
    workbook.getWorksheet('Voordrachten')!.eachRow((row, n) => {
      if (n === 1) return
      const answer =
        answers[row.getCell(col('dwellingId')).value as number]?.[
          row.getCell(col('code')).value as string
        ]
      if (!answer) return
      if (answer.decision) row.getCell(col('decision')).value = answer.decision
      if (answer.reason) row.getCell(col('reason')).value = answer.reason
      if (answer.motivation) row.getCell(col('motivation')).value = answer.motivation
      if (answer.offeredOn) row.getCell(col('offeredOn')).value = answer.offeredOn
      if (answer.dwellingId) row.getCell(col('dwellingId')).value = answer.dwellingId
    })
  })
  return buffer.toString('base64')
}
