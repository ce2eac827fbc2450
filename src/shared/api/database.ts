import { z } from 'zod'
import { hidesCharacters } from '../domain/fields'
import { endpoint, NoInput } from './endpoint'

/**
 * Beheer → Database: which store this desk uses now, and the PostgreSQL URL it will use from the
 * next start. Nothing here ever carries a password back to the screen: URLs are shown without it.
 */
export const DatabaseInfoSchema = z.object({
  store: z.enum(['sqlite', 'postgres']),
  /** The SQLite file, or the PostgreSQL URL without its password. */
  location: z.string(),
  /** "SQLite 3.50.4" or "PostgreSQL 15.14". */
  serverVersion: z.string(),
  /** What the next start uses when it differs from now (a saved or forgotten URL), else null. */
  nextStart: z.string().nullable(),
  /** The URL this desk saved (without its password), or null. */
  savedUrl: z.string().nullable(),
  /** Whether a URL can be saved here; `where` says where it is kept, or why it cannot be. */
  canSave: z.boolean(),
  where: z.string(),
})
export type DatabaseInfo = z.infer<typeof DatabaseInfoSchema>

export const DatabaseUrlInput = z
  .object({
    url: z
      .string({ message: 'Vul de database-URL in' })
      .trim()
      .min(1, 'Vul de database-URL in')
      .max(2000, 'De database-URL is te lang')
      .refine((url) => !hidesCharacters(url), {
        message: 'De database-URL bevat een regeleinde of een ander onzichtbaar teken',
      }),
  })
  .strict()

export const ConnectionTestSchema = z.object({
  ok: z.boolean(),
  /** Dutch: what works ("Verbonden met PostgreSQL 15.14 op …") or what is wrong. */
  message: z.string(),
  serverVersion: z.string().nullable(),
})
export type ConnectionTest = z.infer<typeof ConnectionTestSchema>

export const databaseApi = {
  info: endpoint('database:info', NoInput, DatabaseInfoSchema),
  test: endpoint('database:test', DatabaseUrlInput, ConnectionTestSchema),
  /** Tests the URL again and saves it only when the test succeeds; used from the next start. */
  save: endpoint('database:save', DatabaseUrlInput, DatabaseInfoSchema),
  /** Forgets the saved URL: from the next start this desk uses its own file again. */
  forget: endpoint('database:forget', NoInput, DatabaseInfoSchema),
} as const
