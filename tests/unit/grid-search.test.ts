import { describe, expect, it } from 'vitest'
import { gridSearch, searchWords } from '../../src/renderer/src/components/grid-search'
import { euroColumn, textColumn } from '../../src/renderer/src/components/grid-columns'

interface Row {
  id: number
  code: string
  note: string | null
  rent: number
}

const columns = [
  textColumn<Row>('Code', (r) => r.code),
  textColumn<Row>('Opmerking', (r) => r.note),
  euroColumn<Row>('Huur', (r) => r.rent),
  { ...textColumn<Row>('Verborgen', () => 'geheim'), hide: true },
]

describe('the search box of a grid', () => {
  const search = gridSearch(columns)
  const row: Row = { id: 1, code: 'HVH-0042', note: 'Tweede verdieping', rent: 612.5 }
  const finds = (text: string) => search.matches(row, searchWords(text))

  it('finds a row when every word is somewhere in its shown columns, in any case', () => {
    expect(finds('hvh-0042')).toBe(true)
    expect(finds('0042 verdieping')).toBe(true)
    expect(finds('0042 kelder')).toBe(false)
  })

  it('searches what a column shows for the quick filter (the euro amount), not hidden columns', () => {
    const euro = columns[2]!.getQuickFilterText!({ value: 612.5 } as never) as string
    expect(finds(euro)).toBe(true)
    expect(finds('geheim')).toBe(false)
  })

  it('keeps nothing between words of two columns, and an empty value adds nothing', () => {
    expect(finds('verdieping€')).toBe(false)
    expect(search.matches({ ...row, id: 2, note: null }, searchWords('verdieping'))).toBe(false)
  })

  it('has no words for an empty search', () => {
    expect(searchWords('')).toEqual([])
    expect(searchWords(undefined)).toEqual([])
  })
})
