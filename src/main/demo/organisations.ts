import type { DwellingType, TargetGroup, Wijk } from '../../shared/domain/vocabulary'
import { WIJK_STOCK_SHARE } from './places'

/**
 * The parties of domain.md §1 with plausible figures. Fixed rather than seeded: the names and sizes
 * are facts the officers know, only the clients and dwellings vary with the seed.
 */

export interface DemoCorporation {
  name: string
  /** Social-rent dwellings in Utrecht city; the six add up to the 43,000 of the brief. */
  socialStock: number
  /** The dwelling types it submits, by weight. */
  types: Partial<Record<DwellingType, number>>
  /** Where its stock is; absent means spread like the city's social stock. */
  wijken?: Partial<Record<Wijk, number>>
}

const GENERAL_TYPES = {
  appartement: 60,
  studio: 11,
  bovenwoning: 10,
  benedenwoning: 9,
  eengezinswoning: 10,
}
const SUBURBAN_TYPES = {
  appartement: 45,
  studio: 10,
  bovenwoning: 5,
  benedenwoning: 10,
  eengezinswoning: 30,
}

export const CORPORATIONS: readonly DemoCorporation[] = [
  // Mitros owns much of the Overvecht flats.
  {
    name: 'Mitros',
    socialStock: 15_900,
    types: GENERAL_TYPES,
    wijken: { ...WIJK_STOCK_SHARE, overvecht: 0.3 },
  },
  { name: 'Portaal', socialStock: 13_950, types: GENERAL_TYPES },
  { name: 'Bo-Ex', socialStock: 9_150, types: GENERAL_TYPES },
  // Student housing: small units, mostly at the Science Park and in the centre.
  {
    name: 'SSH',
    socialStock: 2_480,
    types: { studio: 70, kamer: 20, appartement: 10 },
    wijken: { oost: 5, binnenstad: 2, west: 1, zuid: 1, noordoost: 1 },
  },
  {
    name: 'GroenWest',
    socialStock: 1_020,
    types: SUBURBAN_TYPES,
    wijken: { 'vleuten-de-meern': 3, 'leidsche-rijn': 2 },
  },
  {
    name: 'Lekstede',
    socialStock: 500,
    types: SUBURBAN_TYPES,
    wijken: { zuid: 2, 'vleuten-de-meern': 1 },
  },
]

export interface DemoCareProvider {
  name: string
  /** Contingent Beter Wonen in thousandths, so the shares add up to exactly 1. */
  perMille: number
  /** The groups it registers, by weight; absent means the general mix. */
  groups?: Partial<Record<TargetGroup, number>>
}

export const GENERAL_GROUP_MIX: Record<TargetGroup, number> = {
  'uitstroom-bw': 26,
  'uitstroom-mo': 24,
  jongvolwassenen: 12,
  'beschermd-thuis': 10,
  vrouwenopvang: 6,
  'housing-first': 6,
  forensisch: 6,
  wlz: 5,
  corporatiehotel: 5,
}

export const CARE_PROVIDERS: readonly DemoCareProvider[] = [
  {
    name: 'De Tussenvoorziening',
    perMille: 220,
    groups: {
      'uitstroom-mo': 40,
      'uitstroom-bw': 18,
      jongvolwassenen: 14,
      vrouwenopvang: 10,
      corporatiehotel: 8,
      'beschermd-thuis': 6,
      'housing-first': 4,
    },
  },
  {
    name: 'Leger des Heils',
    perMille: 180,
    groups: {
      'uitstroom-mo': 46,
      'housing-first': 14,
      'uitstroom-bw': 12,
      forensisch: 8,
      corporatiehotel: 8,
      jongvolwassenen: 6,
      'beschermd-thuis': 6,
    },
  },
  {
    name: 'Lister',
    perMille: 160,
    groups: {
      'uitstroom-bw': 50,
      'beschermd-thuis': 18,
      'uitstroom-mo': 14,
      'housing-first': 6,
      jongvolwassenen: 6,
      corporatiehotel: 6,
    },
  },
  {
    name: 'Kwintes',
    perMille: 120,
    groups: {
      'uitstroom-bw': 50,
      'beschermd-thuis': 18,
      'uitstroom-mo': 14,
      jongvolwassenen: 10,
      wlz: 4,
      'housing-first': 4,
    },
  },
  {
    name: 'Altrecht',
    perMille: 50,
    groups: { 'uitstroom-bw': 55, 'beschermd-thuis': 35, forensisch: 10 },
  },
  { name: 'Moviera', perMille: 35, groups: { vrouwenopvang: 90, jongvolwassenen: 10 } },
  { name: 'Fivoor', perMille: 30, groups: { forensisch: 80, 'uitstroom-bw': 20 } },
  { name: 'Exodus', perMille: 25, groups: { forensisch: 85, 'uitstroom-mo': 15 } },
  {
    name: 'Jellinek',
    perMille: 25,
    groups: { 'uitstroom-bw': 50, 'uitstroom-mo': 40, 'beschermd-thuis': 10 },
  },
  { name: 'Youké', perMille: 25, groups: { jongvolwassenen: 90, vrouwenopvang: 10 } },
  { name: 'Timon', perMille: 20, groups: { jongvolwassenen: 85, vrouwenopvang: 15 } },
  { name: 'BACK UP', perMille: 20, groups: { jongvolwassenen: 100 } },
  { name: 'Humanitas', perMille: 20 },
  { name: 'Abrona', perMille: 20, groups: { wlz: 60, 'uitstroom-bw': 40 } },
  { name: 'Amerpoort', perMille: 20, groups: { wlz: 60, 'uitstroom-bw': 30, jongvolwassenen: 10 } },
  {
    name: 'Lievegoed',
    perMille: 15,
    groups: { wlz: 50, 'uitstroom-bw': 40, 'beschermd-thuis': 10 },
  },
  { name: 'Singelzicht', perMille: 15, groups: { 'uitstroom-bw': 60, 'beschermd-thuis': 40 } },
]

/** A functional mailbox, never a person: "aanmeldingen@legerdesheils.nl". */
export function contactFor(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^de /, '')
    .replace(/[^a-z0-9]/g, '')
  return `aanmeldingen@${slug}.nl`
}
