import { z } from 'zod'
import { QuarterKeySchema } from '../domain/quarter'
import { endpoint } from './endpoint'
import { FileResultSchema } from './imports'
import { QuarterFiguresSchema } from './report-figures'

const ReportYearSchema = z
  .number({ message: 'Jaar moet een getal zijn' })
  .int({ message: 'Jaar moet een geheel getal zijn' })
  .min(2019, { message: 'Jaar moet minstens 2019 zijn' })
  .max(2100, { message: 'Jaar mag hoogstens 2100 zijn' })

const QuarterInput = z.object({ quarter: QuarterKeySchema }).strict()
const YearInput = z.object({ year: ReportYearSchema }).strict()

/** A quarter or a whole year: the printable report and the dashboard ask for the same figures. */
export const FiguresInput = z.union([QuarterInput, YearInput], {
  message: 'Kies een kwartaal (JJJJ-Qn) of een jaar',
})
export type FiguresRequest = z.infer<typeof FiguresInput>

export const reportsApi = {
  quarter: endpoint('reports:quarter', QuarterInput, FileResultSchema),
  year: endpoint('reports:year', YearInput, FileResultSchema),
  figures: endpoint('reports:figures', FiguresInput, QuarterFiguresSchema),
} as const

export * from './report-figures'
