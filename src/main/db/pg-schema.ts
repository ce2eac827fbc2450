/**
 * The same store for PostgreSQL (team mode), side by side with the SQLite schema in ./schema.ts,
 * which documents every column. Keep the two in step: tests/unit/pg-schema-parity.test.ts proves
 * they define the same tables, columns, keys, indexes and constraints.
 * Types as the SQLite file holds its values, so a copy is exact: integers stay `integer`, reals
 * `double precision` (not `real`, which has only 24 bits), flags `boolean`, dates and moments ISO text.
 * Change it only together with `npm run db:generate:pg -- --name <what-changed>`.
 */
import { sql } from 'drizzle-orm'
import {
  boolean,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core'
import {
  CANDIDATE_DECISION,
  CLIENT_STATUS,
  CONTRACT_KIND,
  DWELLING_STATUS,
  DWELLING_UNDER_WAY,
  DWELLING_TYPE,
  EXPORT_DETAIL,
  FLOW,
  OFFER_OUTCOME,
  SHORTLIST_STATUS,
  SUITABLE_FOR,
  SUPPORT_INTENSITY,
  TARGET_GROUP,
  WIJK,
  WIJK_FIGURE_SOURCE,
} from '../../shared/domain/vocabulary'

// By default, not always: migrate-to-postgres copies the SQLite ids as they are, then resets the sequence.
const id = () => integer('id').primaryKey().generatedByDefaultAsIdentity()
const bool = (name: string) => boolean(name)
/** The moment as SQLite's strftime('%Y-%m-%dT%H:%M:%fZ') writes it: UTC, milliseconds, a Z. */
const nowIso = sql`to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
const timestamps = {
  createdAt: text('created_at').notNull().default(nowIso),
  updatedAt: text('updated_at').notNull().default(nowIso),
}

export const corporations = pgTable('corporations', {
  id: id(),
  name: text('name').notNull().unique(),
  socialStock: integer('social_stock').notNull(),
  exportDetail: text('export_detail', { enum: EXPORT_DETAIL.keys }).notNull().default('beperkt'),
  active: bool('active').notNull().default(true),
  ...timestamps,
})

export const careProviders = pgTable('care_providers', {
  id: id(),
  name: text('name').notNull().unique(),
  contingentShare: doublePrecision('contingent_share'),
  contingentDwellings: integer('contingent_dwellings'),
  contact: text('contact'),
  active: bool('active').notNull().default(true),
  ...timestamps,
})

export const yearTargets = pgTable('year_targets', {
  year: integer('year').primaryKey(),
  target: integer('target').notNull(),
  catchUpTarget: integer('catch_up_target').notNull().default(0),
  instroomShareTarget: doublePrecision('instroom_share_target').notNull(),
  ...timestamps,
})
export const wijkFigures = pgTable('wijk_figures', {
  wijk: text('wijk', { enum: WIJK.keys }).primaryKey(),
  socialStock: integer('social_stock').notNull(),
  socialShare: doublePrecision('social_share').notNull(),
  placements: integer('placements').notNull(),
  source: text('source', { enum: WIJK_FIGURE_SOURCE.keys }).notNull(),
  ...timestamps,
})

export const quarters = pgTable('quarters', {
  key: text('key').primaryKey(),
  year: integer('year').notNull(),
  number: integer('number').notNull(),
  startsOn: text('starts_on').notNull(),
  endsOn: text('ends_on').notNull(),
  carryShortfall: bool('carry_shortfall').notNull().default(false),
  ...timestamps,
})

export const quarterQuotas = pgTable(
  'quarter_quotas',
  {
    quarterKey: text('quarter_key')
      .notNull()
      .references(() => quarters.key, { onDelete: 'cascade' }),
    corporationId: integer('corporation_id')
      .notNull()
      .references(() => corporations.id, { onDelete: 'restrict' }),
    quota: integer('quota').notNull(),
  },
  (t) => [primaryKey({ columns: [t.quarterKey, t.corporationId] })],
)
export const settings = pgTable(
  'settings',
  {
    key: text('key').notNull(),
    year: integer('year').notNull(),
    value: text('value').notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.key, t.year] })],
)

export const clients = pgTable(
  'clients',
  {
    id: id(),
    code: text('code').notNull().unique(),
    name: text('name'),
    careProviderId: integer('care_provider_id')
      .notNull()
      .references(() => careProviders.id, { onDelete: 'restrict' }),
    targetGroup: text('target_group', { enum: TARGET_GROUP.keys }).notNull(),
    flow: text('flow', { enum: FLOW.keys }).notNull(),
    registeredOn: text('registered_on').notNull(),
    adults: integer('adults').notNull().default(1),
    children: integer('children').notNull().default(0),
    birthYear: integer('birth_year').notNull(),
    maxRent: doublePrecision('max_rent').notNull(),
    minRooms: integer('min_rooms').notNull().default(1),
    needsGroundFloorOrLift: bool('needs_ground_floor_or_lift').notNull().default(false),
    needsWheelchair: bool('needs_wheelchair').notNull().default(false),
    needsLowStimulus: bool('needs_low_stimulus').notNull().default(false),
    preferredWijken: text('preferred_wijken').notNull().default('[]'),
    excludedWijken: text('excluded_wijken').notNull().default('[]'),
    exclusionForSafety: bool('exclusion_for_safety').notNull().default(false),
    supportProviderId: integer('support_provider_id').references(() => careProviders.id, {
      onDelete: 'set null',
    }),
    supportIntensity: text('support_intensity', { enum: SUPPORT_INTENSITY.keys }),
    supportMonths: integer('support_months'),
    supportContactName: text('support_contact_name'),
    supportContactPhone: text('support_contact_phone'),
    supportContactEmail: text('support_contact_email'),
    status: text('status', { enum: CLIENT_STATUS.keys }).notNull().default('wachtend'),
    statusSince: text('status_since').notNull(),
    notes: text('notes'),
    anonymisedAt: text('anonymised_at'),
    ...timestamps,
  },
  (t) => [
    index('clients_status_registeredOn_idx').on(t.status, t.registeredOn),
    index('clients_careProviderId_idx').on(t.careProviderId),
  ],
)

/** The condition of `dwellings_underWay_idx`, as in ./schema.ts. */
const dwellingUnderWay = sql.raw(
  `status in (${DWELLING_UNDER_WAY.map((status) => `'${status}'`).join(', ')})`,
)

export const dwellings = pgTable(
  'dwellings',
  {
    id: id(),
    corporationId: integer('corporation_id')
      .notNull()
      .references(() => corporations.id, { onDelete: 'restrict' }),
    quarterKey: text('quarter_key')
      .notNull()
      .references(() => quarters.key, { onDelete: 'restrict' }),
    address: text('address').notNull(),
    postcode: text('postcode').notNull(),
    wijk: text('wijk', { enum: WIJK.keys }).notNull(),
    buurt: text('buurt'),
    complex: text('complex'),
    type: text('type', { enum: DWELLING_TYPE.keys }).notNull(),
    selfContained: bool('self_contained').notNull().default(true),
    rooms: integer('rooms').notNull(),
    floor: integer('floor').notNull().default(0),
    hasLift: bool('has_lift').notNull().default(false),
    wheelchairAccessible: bool('wheelchair_accessible').notNull().default(false),
    lowStimulus: bool('low_stimulus').notNull().default(false),
    netRent: doublePrecision('net_rent').notNull(),
    serviceCosts: doublePrecision('service_costs').notNull().default(0),
    availableFrom: text('available_from').notNull(),
    suitableFor: text('suitable_for', { enum: SUITABLE_FOR.keys }).notNull(),
    flipPossible: bool('flip_possible').notNull().default(false),
    remarks: text('remarks'),
    complexStopOverride: text('complex_stop_override'),
    reservedForInstroom: bool('reserved_for_instroom').notNull().default(false),
    shortNote: text('short_note', { enum: ['too-few-eligible', 'needed-elsewhere'] }),
    status: text('status', { enum: DWELLING_STATUS.keys }).notNull().default('ingediend'),
    statusSince: text('status_since').notNull(),
    submittedOn: text('submitted_on').notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('dwellings_address_quarterKey_idx').on(t.address, t.postcode, t.quarterKey),
    index('dwellings_quarterKey_corporationId_idx').on(t.quarterKey, t.corporationId),
    index('dwellings_status_idx').on(t.status),
    index('dwellings_underWay_idx')
      .on(t.complex, t.address, t.complexStopOverride)
      .where(dwellingUnderWay),
  ],
)

export const shortlists = pgTable(
  'shortlists',
  {
    id: id(),
    dwellingId: integer('dwelling_id')
      .notNull()
      .references(() => dwellings.id, { onDelete: 'restrict' }),
    round: integer('round').notNull(),
    status: text('status', { enum: SHORTLIST_STATUS.keys }).notNull().default('concept'),
    eligiblePoolSize: integer('eligible_pool_size').notNull(),
    presentedAt: text('presented_at'),
    decidedAt: text('decided_at'),
    rejectionMotivation: text('rejection_motivation'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('shortlists_dwellingId_round_idx').on(t.dwellingId, t.round),
    index('shortlists_status_idx').on(t.status),
  ],
)

export const shortlistCandidates = pgTable(
  'shortlist_candidates',
  {
    id: id(),
    shortlistId: integer('shortlist_id')
      .notNull()
      .references(() => shortlists.id, { onDelete: 'cascade' }),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'restrict' }),
    position: integer('position').notNull(),
    score: doublePrecision('score').notNull(),
    scoreParts: text('score_parts').notNull().default('{}'),
    decision: text('decision', { enum: CANDIDATE_DECISION.keys }).notNull().default('open'),
    decisionReason: text('decision_reason'),
    decisionText: text('decision_text'),
    swapReason: text('swap_reason'),
    decidedByBalance: bool('decided_by_balance').notNull().default(false),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('shortlistCandidates_shortlistId_clientId_idx').on(t.shortlistId, t.clientId),
    index('shortlistCandidates_clientId_idx').on(t.clientId),
  ],
)

export const offers = pgTable(
  'offers',
  {
    id: id(),
    candidateId: integer('candidate_id')
      .notNull()
      .references(() => shortlistCandidates.id, { onDelete: 'restrict' }),
    dwellingId: integer('dwelling_id')
      .notNull()
      .references(() => dwellings.id, { onDelete: 'restrict' }),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'restrict' }),
    offeredOn: text('offered_on').notNull(),
    outcome: text('outcome', { enum: OFFER_OUTCOME.keys }).notNull().default('open'),
    respondedOn: text('responded_on'),
    declineReason: text('decline_reason'),
    ...timestamps,
  },
  (t) => [
    index('offers_candidateId_idx').on(t.candidateId),
    index('offers_dwellingId_idx').on(t.dwellingId),
    index('offers_clientId_idx').on(t.clientId),
  ],
)

export const allocations = pgTable(
  'allocations',
  {
    id: id(),
    offerId: integer('offer_id')
      .notNull()
      .unique()
      .references(() => offers.id, { onDelete: 'restrict' }),
    dwellingId: integer('dwelling_id')
      .notNull()
      .unique()
      .references(() => dwellings.id, { onDelete: 'restrict' }),
    clientId: integer('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'restrict' }),
    contractKind: text('contract_kind', { enum: CONTRACT_KIND.keys }).notNull(),
    startsOn: text('starts_on').notNull(),
    supportProviderId: integer('support_provider_id').references(() => careProviders.id, {
      onDelete: 'set null',
    }),
    ...timestamps,
  },
  (t) => [index('allocations_startsOn_idx').on(t.startsOn)],
)
export const auditEvents = pgTable(
  'audit_events',
  {
    id: id(),
    at: text('at').notNull(),
    officer: text('officer').notNull(),
    osUser: text('os_user').notNull(),
    desk: text('desk'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    summary: text('summary').notNull(),
    details: text('details'),
  },
  (t) => [
    index('auditEvents_entity_idx').on(t.entityType, t.entityId, t.at),
    index('auditEvents_action_idx').on(t.action),
  ],
)
export const exportLog = pgTable(
  'export_log',
  {
    id: id(),
    at: text('at').notNull(),
    officer: text('officer').notNull(),
    osUser: text('os_user').notNull(),
    desk: text('desk'),
    kind: text('kind').notNull(),
    recipient: text('recipient').notNull(),
    fileName: text('file_name').notNull(),
    details: text('details'),
  },
  (t) => [index('exportLog_at_idx').on(t.at)],
)
export const databaseIdentity = pgTable('database_identity', {
  id: text('id').primaryKey(),
  createdAt: text('created_at').notNull(),
  backedUpAt: text('backed_up_at'),
})
