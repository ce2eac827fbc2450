import type {
  ClientStatus,
  DwellingType,
  Flow,
  SuitableFor,
  SupportIntensity,
  TargetGroup,
  Wijk,
} from '../../shared/domain/vocabulary'

/** What matching knows of a client: plain data, no database types. */
export interface ClientFacts {
  id: number
  code: string
  careProviderId: number
  targetGroup: TargetGroup
  flow: Flow
  registeredOn: string
  adults: number
  children: number
  birthYear: number
  maxRent: number
  minRooms: number
  needsGroundFloorOrLift: boolean
  needsWheelchair: boolean
  needsLowStimulus: boolean
  preferredWijken: readonly Wijk[]
  excludedWijken: readonly Wijk[]
  exclusionForSafety: boolean
  supportIntensity: SupportIntensity | null
  status: ClientStatus
  /** Shortlists not yet decided on which this client stands. */
  openShortlists: number
}

/** What matching knows of a dwelling. */
export interface DwellingFacts {
  id: number
  corporationId: number
  wijk: Wijk
  complex: string | null
  type: DwellingType
  selfContained: boolean
  rooms: number
  floor: number
  hasLift: boolean
  wheelchairAccessible: boolean
  lowStimulus: boolean
  netRent: number
  suitableFor: SuitableFor
  flipPossible: boolean
  /** Kept for instroom by the quarter batch, to stay on the year's instroom trajectory. */
  reservedForInstroom?: boolean
}

export const pairKey = (dwellingId: number, clientId: number) => `${dwellingId}:${clientId}`

export function householdSize(client: Pick<ClientFacts, 'adults' | 'children'>): number {
  return client.adults + client.children
}

/** Age this calendar year: what the rent-benefit age limit looks at in practice. */
export function ageIn(year: number, client: Pick<ClientFacts, 'birthYear'>): number {
  return year - client.birthYear
}
