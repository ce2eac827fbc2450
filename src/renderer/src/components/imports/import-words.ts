import type { ImportKind } from '../../../../shared/api'

/** The words that differ between the two imports. */
export interface ImportWords {
  title: string
  /** What a finished import says it read: "Woningen geïmporteerd uit …". */
  imported: string
  ownerLabel: string
  ownerPlural: string
  singular: string
  plural: string
}

export const IMPORT_WORDS: Record<ImportKind, ImportWords> = {
  dwellings: {
    title: 'Woningen importeren',
    imported: 'Woningen',
    ownerLabel: 'Corporatie',
    ownerPlural: 'corporaties',
    singular: 'woning',
    plural: 'woningen',
  },
  clients: {
    title: 'Aanmeldingen importeren',
    imported: 'Aanmeldingen',
    ownerLabel: 'Zorgaanbieder',
    ownerPlural: 'zorgaanbieders',
    singular: 'kandidaat',
    plural: 'kandidaten',
  },
}
