import { z } from 'zod'

/** A quarter is written `2026-Q4` everywhere: in the store, the API, the CLI and file names. */
export const QuarterKeySchema = z.string().regex(/^\d{4}-Q[1-4]$/, {
  message: 'Kwartaal moet de vorm JJJJ-Qn hebben, bijvoorbeeld 2026-Q4',
})
export type QuarterKey = z.infer<typeof QuarterKeySchema>

export interface Quarter {
  year: number
  number: 1 | 2 | 3 | 4
}

export function parseQuarter(key: QuarterKey): Quarter {
  const [year, q] = key.split('-Q')
  return { year: Number(year), number: Number(q) as Quarter['number'] }
}

export function quarterKey({ year, number }: Quarter): QuarterKey {
  return `${year}-Q${number}`
}

export function quarterOf(date: Date): Quarter {
  return {
    year: date.getFullYear(),
    number: (Math.floor(date.getMonth() / 3) + 1) as Quarter['number'],
  }
}

/** The quarter `offset` quarters after (or, when negative, before) the given one. */
export function addQuarters({ year, number }: Quarter, offset: number): Quarter {
  const index = year * 4 + (number - 1) + offset
  return { year: Math.floor(index / 4), number: ((index % 4) + 1) as Quarter['number'] }
}

/** First and last day as ISO dates (yyyy-mm-dd). */
export function quarterBounds({ year, number }: Quarter): { startsOn: string; endsOn: string } {
  const firstMonth = (number - 1) * 3
  const start = new Date(Date.UTC(year, firstMonth, 1))
  const end = new Date(Date.UTC(year, firstMonth + 3, 0))
  return { startsOn: start.toISOString().slice(0, 10), endsOn: end.toISOString().slice(0, 10) }
}

/** Dutch label as users say it: "4e kwartaal 2026". */
export function quarterLabel({ year, number }: Quarter): string {
  return `${number}e kwartaal ${year}`
}
