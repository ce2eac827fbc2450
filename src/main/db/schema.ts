/**
 * The store. camelCase keys over snake_case columns; dates as ISO text (yyyy-mm-dd, or a full
 * ISO timestamp for moments); enums as text checked by the shared vocabulary.
 * Change it only together with `npm run db:generate -- --name <what-changed>`.
 */
import { sql } from 'drizzle-orm'
import {
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core'
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

const id = () => integer('id').primaryKey({ autoIncrement: true })
const bool = (name: string) => integer(name, { mode: 'boolean' })
const NOW = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`
const timestamps = {
  createdAt: text('created_at').notNull().default(NOW),
  // Kept by drizzle on every update (and upsert) through the query builder: no service sets it.
  // Written as a value in the default's own format, not as SQLite's strftime: the same builder
  // runs on PostgreSQL in team mode (connection.ts), which has no strftime.
  updatedAt: text('updated_at')
    .notNull()
    .default(NOW)
    .$onUpdate(() => new Date().toISOString()),
}

export const corporations = sqliteTable('corporations', {
  id: id(),
  name: text('name').notNull().unique(),
  /** Social-rent dwellings in Utrecht city: the basis of the pro-rata quota. */
  socialStock: integer('social_stock').notNull(),
  /**
   * How much a shortlist export tells this corporation about a candidate: 'beperkt' (a coarse group
   * and the provider that gives support) unless an agreement with it says 'uitgebreid'.
   */
  exportDetail: text('export_detail', { enum: EXPORT_DETAIL.keys }).notNull().default('beperkt'),
  active: bool('active').notNull().default(true),
  ...timestamps,
})

export const careProviders = sqliteTable('care_providers', {
  id: id(),
  name: text('name').notNull().unique(),
  /** Contingent Beter Wonen as a share (0–1) of the yearly target, or as a fixed number of dwellings. */
  contingentShare: real('contingent_share'),
  contingentDwellings: integer('contingent_dwellings'),
  contact: text('contact'),
  active: bool('active').notNull().default(true),
  ...timestamps,
})

export const yearTargets = sqliteTable('year_targets', {
  year: integer('year').primaryKey(),
  /** Taakstelling: dwellings for MO/BW in Utrecht city this year. */
  target: integer('target').notNull(),
  /** Of the target, the catch-up (inhaalslag): 110 of 385 in 2019–2023; the rest is regular. */
  catchUpTarget: integer('catch_up_target').notNull().default(0),
  /** Target share (0–1) of the dwellings used for instroom. */
  instroomShareTarget: real('instroom_share_target').notNull(),
  ...timestamps,
})

/**
 * Spreading figures per wijk (seed 003, 2018 at first), kept up to date by the officer in Beheer:
 * the norm of each wijk is computed from them (src/main/domain/spreading.ts).
 */
export const wijkFigures = sqliteTable('wijk_figures', {
  wijk: text('wijk', { enum: WIJK.keys }).primaryKey(),
  /** Corporation social-rent dwellings in the wijk. */
  socialStock: integer('social_stock').notNull(),
  /** Share (0–1) of all dwellings in the wijk that is corporation social rent. */
  socialShare: real('social_share').notNull(),
  /** MO/BW placements known from outside the app (the reference year's), added to the app's own. */
  placements: integer('placements').notNull(),
  source: text('source', { enum: WIJK_FIGURE_SOURCE.keys }).notNull(),
  ...timestamps,
})

export const quarters = sqliteTable('quarters', {
  key: text('key').primaryKey(),
  year: integer('year').notNull(),
  number: integer('number').notNull(),
  startsOn: text('starts_on').notNull(),
  endsOn: text('ends_on').notNull(),
  /** Whether a corporation's shortfall of the previous quarter is added to this quarter's quota. */
  carryShortfall: bool('carry_shortfall').notNull().default(false),
  ...timestamps,
})

export const quarterQuotas = sqliteTable(
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

/** Yearly settings: the rent limits change every year, so each value carries its validity year. */
export const settings = sqliteTable(
  'settings',
  {
    key: text('key').notNull(),
    year: integer('year').notNull(),
    /** JSON-encoded value; its shape is checked by the settings contract. */
    value: text('value').notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.key, t.year] })],
)

export const clients = sqliteTable(
  'clients',
  {
    id: id(),
    /** Matching needs no name or BSN: the code is what leaves the app. */
    code: text('code').notNull().unique(),
    /** Optional, for the officer's own recognition; never exported. */
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
    /** Net rent (euros a month) the household can afford. */
    maxRent: real('max_rent').notNull(),
    minRooms: integer('min_rooms').notNull().default(1),
    needsGroundFloorOrLift: bool('needs_ground_floor_or_lift').notNull().default(false),
    needsWheelchair: bool('needs_wheelchair').notNull().default(false),
    needsLowStimulus: bool('needs_low_stimulus').notNull().default(false),
    /** JSON arrays of wijk keys. */
    preferredWijken: text('preferred_wijken').notNull().default('[]'),
    excludedWijken: text('excluded_wijken').notNull().default('[]'),
    exclusionForSafety: bool('exclusion_for_safety').notNull().default(false),
    supportProviderId: integer('support_provider_id').references(() => careProviders.id, {
      onDelete: 'set null',
    }),
    supportIntensity: text('support_intensity', { enum: SUPPORT_INTENSITY.keys }),
    supportMonths: integer('support_months'),
    /**
     * The begeleider at the care provider whom the corporation can call about this candidate
     * (Bijlage 5: "duidelijke aanspreekbaarheid"): a professional's work contact, not the client's.
     */
    supportContactName: text('support_contact_name'),
    supportContactPhone: text('support_contact_phone'),
    supportContactEmail: text('support_contact_email'),
    status: text('status', { enum: CLIENT_STATUS.keys }).notNull().default('wachtend'),
    statusSince: text('status_since').notNull(),
    /** Internal notes of Het Vierde Huis; never exported. */
    notes: text('notes'),
    /**
     * Set when the retention period passed or the client asked to be erased: the personal fields
     * are cleared then and the row stays only for the statistics (domain.md §5).
     */
    anonymisedAt: text('anonymised_at'),
    ...timestamps,
  },
  (t) => [
    // The matching engine scans the waiting list by status, oldest registration first.
    index('clients_status_registeredOn_idx').on(t.status, t.registeredOn),
    index('clients_careProviderId_idx').on(t.careProviderId),
  ],
)

/**
 * The condition of `dwellings_underWay_idx`. A query uses that partial index only when its own
 * condition is this same text with literal values (a bound parameter could be any status).
 */
export const dwellingUnderWay = sql.raw(
  `status in (${DWELLING_UNDER_WAY.map((status) => `'${status}'`).join(', ')})`,
)

export const dwellings = sqliteTable(
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
    netRent: real('net_rent').notNull(),
    serviceCosts: real('service_costs').notNull().default(0),
    availableFrom: text('available_from').notNull(),
    suitableFor: text('suitable_for', { enum: SUITABLE_FOR.keys }).notNull(),
    flipPossible: bool('flip_possible').notNull().default(false),
    remarks: text('remarks'),
    /** The officer's reason for presenting candidates although the complex reached its stop. */
    complexStopOverride: text('complex_stop_override'),
    /**
     * Set by the quarter batch when the year's instroom trajectory needs this flip-possible dwelling
     * for instroom: uitstroom clients are then not eligible for it (seed 003's rising share).
     */
    reservedForInstroom: bool('reserved_for_instroom').notNull().default(false),
    /**
     * Why the last batch gave this dwelling fewer than N candidates: fewer eligible at all, or
     * eligible clients needed on other lists. Null when it got a full list (or none was made yet).
     */
    shortNote: text('short_note', { enum: ['too-few-eligible', 'needed-elsewhere'] }),
    status: text('status', { enum: DWELLING_STATUS.keys }).notNull().default('ingediend'),
    statusSince: text('status_since').notNull(),
    submittedOn: text('submitted_on').notNull(),
    ...timestamps,
  },
  (t) => [
    // Re-importing a corporation's template must not duplicate a dwelling: address + quarter is the key.
    uniqueIndex('dwellings_address_quarterKey_idx').on(t.address, t.postcode, t.quarterKey),
    // The quarter screens list a quarter's dwellings per corporation.
    index('dwellings_quarterKey_corporationId_idx').on(t.quarterKey, t.corporationId),
    // The complex stop counts the dwellings under way (in voordracht, aangeboden) across quarters.
    index('dwellings_status_idx').on(t.status),
    // The complex stop reads the few dwellings under way among all the years' (in voordracht,
    // aangeboden): a small covering index of just those. Planner statistics count only the
    // average rows per status, so the index on status above looks no better than a scan.
    index('dwellings_underWay_idx')
      .on(t.complex, t.address, t.complexStopOverride)
      .where(dwellingUnderWay),
  ],
)

export const shortlists = sqliteTable(
  'shortlists',
  {
    id: id(),
    dwellingId: integer('dwelling_id')
      .notNull()
      .references(() => dwellings.id, { onDelete: 'restrict' }),
    round: integer('round').notNull(),
    status: text('status', { enum: SHORTLIST_STATUS.keys }).notNull().default('concept'),
    /** How many clients were eligible when the shortlist was made: the context of the choice. */
    eligiblePoolSize: integer('eligible_pool_size').notNull(),
    presentedAt: text('presented_at'),
    decidedAt: text('decided_at'),
    /** The corporation's motivation when it rejects the whole shortlist. */
    rejectionMotivation: text('rejection_motivation'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('shortlists_dwellingId_round_idx').on(t.dwellingId, t.round),
    // Every batch and every pool counts the candidates on open shortlists: a few among thousands.
    index('shortlists_status_idx').on(t.status),
  ],
)

export const shortlistCandidates = sqliteTable(
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
    score: real('score').notNull(),
    /** JSON snapshot of the named score parts at presentation: why this candidate. */
    scoreParts: text('score_parts').notNull().default('{}'),
    decision: text('decision', { enum: CANDIDATE_DECISION.keys }).notNull().default('open'),
    decisionReason: text('decision_reason'),
    decisionText: text('decision_text'),
    /** Set when the officer swapped this candidate in by hand. */
    swapReason: text('swap_reason'),
    /** Without provider balance and group priority a free client would have had this place. */
    decidedByBalance: bool('decided_by_balance').notNull().default(false),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('shortlistCandidates_shortlistId_clientId_idx').on(t.shortlistId, t.clientId),
    // "Is this client on another open shortlist?" is asked for every client in every batch.
    index('shortlistCandidates_clientId_idx').on(t.clientId),
  ],
)

export const offers = sqliteTable(
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
    // A new candidate row makes SQLite look for offers pointing at it (foreign key): by index.
    index('offers_candidateId_idx').on(t.candidateId),
    index('offers_dwellingId_idx').on(t.dwellingId),
    index('offers_clientId_idx').on(t.clientId),
  ],
)

export const allocations = sqliteTable(
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
  (t) => [
    // Ranking weighs this year's and the last years' placements: a range on the start date.
    index('allocations_startsOn_idx').on(t.startsOn),
  ],
)

/** Every change, with who (officer and OS user), when, what and why. Events, never personal data. */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: id(),
    at: text('at').notNull(),
    officer: text('officer').notNull(),
    osUser: text('os_user').notNull(),
    /** The desk (host name) the step ran on; null on rows from before team mode. */
    desk: text('desk'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    summary: text('summary').notNull(),
    /** JSON with the reason and the changed fields' keys. */
    details: text('details'),
  },
  (t) => [
    // The timelines per dwelling and per client read the trail by entity.
    index('auditEvents_entity_idx').on(t.entityType, t.entityId, t.at),
    // Erasing a client looks up the swaps and notes that name them by action: without this index
    // each erasure scanned the whole trail (ten years: 196,000 rows per client anonymised).
    index('auditEvents_action_idx').on(t.action),
  ],
)

/**
 * Every file that leaves the app with client data: who made it, when, what, for whom. Required by
 * the privacy rules (domain.md §5); shown in Beheer.
 */
export const exportLog = sqliteTable(
  'export_log',
  {
    id: id(),
    at: text('at').notNull(),
    officer: text('officer').notNull(),
    osUser: text('os_user').notNull(),
    /** The desk (host name) the file was made on; null on rows from before team mode. */
    desk: text('desk'),
    /** What was exported: 'shortlists', 'report-quarter', 'report-year', 'client-data', … */
    kind: text('kind').notNull(),
    /** For whom: a corporation's name, "management", or the client code for a right-of-access export. */
    recipient: text('recipient').notNull(),
    fileName: text('file_name').notNull(),
    /** JSON: quarter, dwelling ids, number of candidates, … — never personal data. */
    details: text('details'),
  },
  (t) => [index('exportLog_at_idx').on(t.at)],
)

/**
 * Who this database is: one row with a random id made when the file was created. Every backup
 * carries it (with the moment it was made, written into the copy), so a restore accepts only a
 * copy of this very database, and "the latest backup" is the one whose own record says so.
 */
export const databaseIdentity = sqliteTable('database_identity', {
  id: text('id').primaryKey(),
  createdAt: text('created_at').notNull(),
  /** Null in the live database; set in each backup copy to the moment it was taken. */
  backedUpAt: text('backed_up_at'),
})
