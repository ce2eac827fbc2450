import { getTableColumns } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { ClientFieldsSchema, SupportContactSchema } from '../../src/shared/domain/client-input'
import { DwellingFieldsSchema } from '../../src/shared/domain/dwelling-input'
import { clients, dwellings } from '../../src/main/db/schema'
import { CLIENT_COLUMNS } from '../../src/main/excel/client-columns'
import { DWELLING_COLUMNS } from '../../src/main/excel/dwelling-columns'

/**
 * The field definition (src/shared/domain) says what a dwelling or client is; the drizzle table
 * says how it is stored. They must agree: every field has its column, an optional field a
 * nullable or defaulted column, and every other column is the register's own bookkeeping.
 */
const cases = [
  {
    entity: 'dwelling',
    shape: DwellingFieldsSchema.shape as Record<string, z.ZodType>,
    table: getTableColumns(dwellings) as Record<string, SQLiteColumn>,
    bookkeeping: [
      'id',
      'corporationId',
      'quarterKey',
      'complexStopOverride',
      'reservedForInstroom',
      'shortNote',
      'status',
      'statusSince',
      'submittedOn',
      'createdAt',
      'updatedAt',
    ],
  },
  {
    entity: 'client',
    shape: { ...ClientFieldsSchema.shape, ...SupportContactSchema.shape } as Record<
      string,
      z.ZodType
    >,
    table: getTableColumns(clients) as Record<string, SQLiteColumn>,
    bookkeeping: [
      'id',
      'careProviderId',
      'supportProviderId',
      'status',
      'statusSince',
      'anonymisedAt',
      'createdAt',
      'updatedAt',
    ],
  },
]

describe.each(cases)(
  'the $entity field definition and its table',
  ({ shape, table, bookkeeping }) => {
    it('has a column for every field and a field for every column that is not bookkeeping', () => {
      const fields = Object.keys(shape).sort()
      const stored = Object.keys(table)
        .filter((column) => !bookkeeping.includes(column))
        .sort()
      expect(stored).toEqual(fields)
    })

    it('stores an empty value only where the definition allows one', () => {
      for (const [field, schema] of Object.entries(shape)) {
        const column = table[field]!
        const mayBeEmpty = schema.safeParse(undefined).success
        // An optional field needs a column that takes null or has a default to fall back on.
        if (mayBeEmpty) expect(!column.notNull || column.hasDefault, field).toBe(true)
        // A required field must not be silently stored as null.
        if (!mayBeEmpty && !column.hasDefault) expect(column.notNull, field).toBe(true)
      }
    })
  },
)

describe('the template columns', () => {
  it('cover every field of the definition, except what never leaves or enters by template', () => {
    expect(DWELLING_COLUMNS.map((c) => c.field).sort()).toEqual(
      Object.keys(DwellingFieldsSchema.shape).sort(),
    )
    expect(CLIENT_COLUMNS.map((c) => c.field).sort()).toEqual(
      Object.keys(ClientFieldsSchema.shape)
        .filter((field) => field !== 'name' && field !== 'notes')
        .sort(),
    )
  })
})
