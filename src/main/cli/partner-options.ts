import { QuarterKeySchema, type QuarterKey } from '../../shared/domain/quarter'
import type { ImportKind } from '../../shared/api/imports'

/** `dwellings` or `clients`, the first word after the command. */
export function parseKind(positionals: string[], command: string): ImportKind {
  const [kind, ...rest] = positionals
  if (kind !== 'dwellings' && kind !== 'clients') {
    throw new Error(
      `Geef aan wat: ${command} dwellings (woningen) of ${command} clients (aanmeldingen)`,
    )
  }
  if (rest.length > 0) throw new Error(`Onverwacht argument: ${rest.join(' ')}`)
  return kind
}

/** Options that belong to the other kind are a mistake, not something to ignore silently. */
export function rejectForeignOptions(
  kind: ImportKind,
  values: { corporation?: string; quarter?: string; provider?: string },
) {
  if (kind === 'clients' && (values.corporation !== undefined || values.quarter !== undefined)) {
    throw new Error(
      '--corporation en --quarter horen bij woningen (dwellings), niet bij aanmeldingen (clients)',
    )
  }
  if (kind === 'dwellings' && values.provider !== undefined) {
    throw new Error('--provider hoort bij aanmeldingen (clients), niet bij woningen (dwellings)')
  }
}

/** A corporation or care provider by name, ignoring case; an unknown name lists the known ones. */
export function findByName<T extends { id: number; name: string }>(
  list: T[],
  name: string,
  noun: string,
): T {
  const found = list.find((item) => item.name.trim().toLowerCase() === name.trim().toLowerCase())
  if (found) return found
  const known = list.length > 0 ? list.map((item) => item.name).join(', ') : '(nog geen)'
  throw new Error(`Onbekende ${noun}: "${name}". Bekend: ${known}`)
}

export function parseQuarterOption(value: string): QuarterKey {
  const parsed = QuarterKeySchema.safeParse(value.trim().toUpperCase())
  if (!parsed.success)
    throw new Error(`--quarter moet de vorm JJJJ-Qn hebben, bijvoorbeeld 2026-Q4, niet "${value}"`)
  return parsed.data
}
