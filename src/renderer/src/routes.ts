/** The six sections of the app, in navigation order; Alt+1..6 follow this order. */
export const SECTIONS = [
  { path: 'overzicht', label: 'Overzicht' },
  { path: 'woningen', label: 'Woningen' },
  { path: 'kandidaten', label: 'Kandidaten' },
  { path: 'voordrachten', label: 'Voordrachten' },
  { path: 'rapportages', label: 'Rapportages' },
  { path: 'beheer', label: 'Beheer' },
] as const

export type SectionPath = (typeof SECTIONS)[number]['path']

export function hrefOf(path: SectionPath): string {
  return `#/${path}`
}

/** "#/woningen" → "woningen"; an empty hash is the start page; anything else is returned as is (not found). */
export function pathFromHash(hash: string): string {
  const path = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? ''
  return path === '' ? 'overzicht' : path
}

export function sectionOf(path: string) {
  return SECTIONS.find((section) => section.path === path)
}
