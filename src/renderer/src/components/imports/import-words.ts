import type { ImportKind } from '../../../../shared/api'

/** The words that differ between the two imports. */
export interface ImportWords {
  title: string
  ownerLabel: string
  singular: string
  plural: string
}

export const IMPORT_WORDS: Record<ImportKind, ImportWords> = {
  dwellings: {
    title: 'Woningen importeren',
    ownerLabel: 'Corporatie',
    singular: 'woning',
    plural: 'woningen',
  },
  clients: {
    title: 'Aanmeldingen importeren',
    ownerLabel: 'Zorgaanbieder',
    singular: 'kandidaat',
    plural: 'kandidaten',
  },
}
