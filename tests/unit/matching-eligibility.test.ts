import { describe, expect, it } from 'vitest'
import {
  RULES,
  isEligible,
  whyNot,
  type EligibilityContext,
} from '../../src/main/domain/eligibility'
import { pairKey, type ClientFacts, type DwellingFacts } from '../../src/main/domain/facts'
import { aClient, aDwelling, eligibilityContext } from '../support/matching-fixtures'

/** One rule's verdict on a pair: `null` when it passes, else its Dutch reason. */
function verdict(
  key: string,
  client: ClientFacts,
  dwelling: DwellingFacts,
  ctx: EligibilityContext = eligibilityContext(),
): string | null {
  const rule = RULES.find((r) => r.key === key)
  if (!rule) throw new Error(`no rule ${key}`)
  return rule.passes(client, dwelling, ctx) ? null : rule.reason(client, dwelling, ctx)
}

describe('the eligibility rules', () => {
  it('are the eight rules below, in this order, each with a Dutch label', () => {
    expect(RULES.map((r) => r.key)).toEqual([
      'available',
      'earlier',
      'household',
      'rent',
      'access',
      'wijk',
      'flow',
      'complexStop',
    ])
    for (const rule of RULES) expect(rule.label).toMatch(/^[A-Z][a-z]/)
  })

  it('let the default client live in the default dwelling', () => {
    expect(isEligible(aClient(), aDwelling(), eligibilityContext())).toBe(true)
    expect(whyNot(aClient(), aDwelling(), eligibilityContext())).toEqual([])
  })
})

describe('available: the client waits and is not on too many open shortlists', () => {
  it('passes a waiting client on no open shortlist', () => {
    expect(verdict('available', aClient(), aDwelling())).toBeNull()
  })

  it('passes a client below the open-shortlist limit', () => {
    const ctx = eligibilityContext({ maxOpenShortlists: 2 })
    expect(verdict('available', aClient({ openShortlists: 1 }), aDwelling(), ctx)).toBeNull()
  })

  it('refuses a client on hold, naming the status', () => {
    expect(verdict('available', aClient({ status: 'on-hold' }), aDwelling())).toBe(
      'Status is on hold, niet wachtend',
    )
  })

  it('refuses a client who is already presented, housed or withdrawn', () => {
    expect(verdict('available', aClient({ status: 'voorgedragen' }), aDwelling())).toBe(
      'Status is voorgedragen, niet wachtend',
    )
    expect(verdict('available', aClient({ status: 'aanbieding' }), aDwelling())).toBe(
      'Status is aanbieding, niet wachtend',
    )
    expect(verdict('available', aClient({ status: 'gehuisvest' }), aDwelling())).toBe(
      'Status is gehuisvest, niet wachtend',
    )
    expect(verdict('available', aClient({ status: 'ingetrokken' }), aDwelling())).toBe(
      'Status is ingetrokken, niet wachtend',
    )
  })

  it('refuses a client exactly at the open-shortlist limit', () => {
    expect(verdict('available', aClient({ openShortlists: 1 }), aDwelling())).toBe(
      'Staat al op 1 open voordracht',
    )
  })

  it('says "voordrachten" in the plural', () => {
    const ctx = eligibilityContext({ maxOpenShortlists: 3 })
    expect(verdict('available', aClient({ openShortlists: 3 }), aDwelling(), ctx)).toBe(
      'Staat al op 3 open voordrachten',
    )
  })

  it('names the status first when a client is both on hold and at the limit', () => {
    expect(
      verdict('available', aClient({ status: 'on-hold', openShortlists: 1 }), aDwelling()),
    ).toBe('Status is on hold, niet wachtend')
  })
})

describe('earlier: never again for a dwelling the client was presented for', () => {
  it('passes a pair never presented before', () => {
    const ctx = eligibilityContext({ earlierPairs: new Set([pairKey(1, 2), pairKey(2, 1)]) })
    expect(verdict('earlier', aClient({ id: 1 }), aDwelling({ id: 1 }), ctx)).toBeNull()
  })

  it('refuses a pair presented in an earlier round', () => {
    const ctx = eligibilityContext({ earlierPairs: new Set([pairKey(7, 3)]) })
    expect(verdict('earlier', aClient({ id: 3 }), aDwelling({ id: 7 }), ctx)).toBe(
      'Al eerder voor deze woning voorgedragen; de corporatie heeft toen niet gekozen',
    )
  })

  it('keys pairs as dwelling then client', () => {
    expect(pairKey(7, 3)).toBe('7:3')
  })
})

describe('household: the household fits the dwelling', () => {
  it('passes a single adult in a studio', () => {
    expect(verdict('household', aClient(), aDwelling({ type: 'studio', rooms: 1 }))).toBeNull()
  })

  it('refuses a studio for 2 persons', () => {
    const couple = aClient({ adults: 2 })
    expect(verdict('household', couple, aDwelling({ type: 'studio', rooms: 1 }))).toBe(
      'Een studio past niet bij een huishouden van 2 personen',
    )
  })

  it('refuses a room for a parent with a child', () => {
    const parent = aClient({ children: 1 })
    expect(verdict('household', parent, aDwelling({ type: 'kamer', rooms: 1 }))).toBe(
      'Een kamer past niet bij een huishouden van 2 personen',
    )
  })

  it('refuses a dwelling that is not self-contained for more than one person', () => {
    const parent = aClient({ children: 2 })
    const shared = aDwelling({ type: 'appartement', rooms: 3, selfContained: false })
    expect(verdict('household', parent, shared)).toBe(
      'Een appartement past niet bij een huishouden van 3 personen',
    )
  })

  it('passes up to one person more than rooms', () => {
    const family = aClient({ adults: 2, children: 1 })
    expect(verdict('household', family, aDwelling({ rooms: 2 }))).toBeNull()
  })

  it('refuses two persons more than rooms', () => {
    const family = aClient({ adults: 2, children: 2 })
    expect(verdict('household', family, aDwelling({ rooms: 2 }))).toBe(
      '2 kamers is te klein voor een huishouden van 4 personen',
    )
  })

  it('passes a dwelling with exactly the minimum rooms', () => {
    expect(verdict('household', aClient({ minRooms: 2 }), aDwelling({ rooms: 2 }))).toBeNull()
  })

  it('refuses fewer rooms than the minimum, naming both', () => {
    expect(verdict('household', aClient({ minRooms: 3 }), aDwelling({ rooms: 2 }))).toBe(
      'Woning heeft 2 kamers, minimaal 3 nodig',
    )
    expect(verdict('household', aClient({ minRooms: 2 }), aDwelling({ rooms: 1 }))).toBe(
      'Woning heeft 1 kamer, minimaal 2 nodig',
    )
  })

  it('says "1 kamer" in the singular when a one-room dwelling is too small', () => {
    const parent = aClient({ children: 2 })
    expect(verdict('household', parent, aDwelling({ rooms: 1 }))).toBe(
      '1 kamer is te klein voor een huishouden van 3 personen',
    )
  })
})

describe('rent: the rent is affordable', () => {
  it('passes a rent equal to the maximum rent', () => {
    expect(verdict('rent', aClient({ maxRent: 700 }), aDwelling({ netRent: 700 }))).toBeNull()
  })

  it('refuses a rent one cent above the maximum, in euros with a decimal comma', () => {
    expect(verdict('rent', aClient({ maxRent: 700 }), aDwelling({ netRent: 700.01 }))).toBe(
      'Kale huur € 700,01 is hoger dan de maximale huur € 700,00',
    )
  })

  it('passes a client of exactly 23 above the young limit', () => {
    const exactly23 = aClient({ birthYear: 2003 })
    expect(verdict('rent', exactly23, aDwelling({ netRent: 500 }))).toBeNull()
  })

  it('refuses a client of 22 above the young limit, naming limit and rent', () => {
    const aged22 = aClient({ birthYear: 2004 })
    expect(verdict('rent', aged22, aDwelling({ netRent: 500 }))).toBe(
      'Jonger dan 23: huurtoeslag alleen tot € 477,20, de huur is € 500,00',
    )
  })

  it('passes a client of 22 at exactly the young limit', () => {
    const aged22 = aClient({ birthYear: 2004 })
    expect(verdict('rent', aged22, aDwelling({ netRent: 477.2 }))).toBeNull()
  })

  it('takes the young limit of the context year', () => {
    const aged22 = aClient({ birthYear: 2004 })
    const ctx = eligibilityContext({ year: 2027, youngMaxRent: 490 })
    // In 2027 the client born 2004 is 23: no young limit at all.
    expect(verdict('rent', aged22, aDwelling({ netRent: 600 }), ctx)).toBeNull()
    const young = aClient({ birthYear: 2006 })
    expect(verdict('rent', young, aDwelling({ netRent: 490 }), ctx)).toBeNull()
    expect(verdict('rent', young, aDwelling({ netRent: 490.5 }), ctx)).toBe(
      'Jonger dan 23: huurtoeslag alleen tot € 490,00, de huur is € 490,50',
    )
  })

  it('names both limits when a young client can afford neither', () => {
    const young = aClient({ birthYear: 2005, maxRent: 450 })
    expect(verdict('rent', young, aDwelling({ netRent: 500 }))).toBe(
      'Kale huur € 500,00 is hoger dan de maximale huur € 450,00; ' +
        'Jonger dan 23: huurtoeslag alleen tot € 477,20, de huur is € 500,00',
    )
  })
})

describe('access: accessibility fits the need', () => {
  it('passes a wheelchair user in a wheelchair dwelling', () => {
    const user = aClient({ needsWheelchair: true })
    expect(verdict('access', user, aDwelling({ wheelchairAccessible: true }))).toBeNull()
  })

  it('refuses a wheelchair user elsewhere', () => {
    const user = aClient({ needsWheelchair: true })
    expect(verdict('access', user, aDwelling())).toBe('Heeft een rolstoelwoning nodig')
  })

  it('passes floor 0 without lift for a ground-floor need', () => {
    const need = aClient({ needsGroundFloorOrLift: true })
    expect(verdict('access', need, aDwelling({ floor: 0, hasLift: false }))).toBeNull()
  })

  it('passes an upper floor with a lift for a ground-floor need', () => {
    const need = aClient({ needsGroundFloorOrLift: true })
    expect(verdict('access', need, aDwelling({ floor: 6, hasLift: true }))).toBeNull()
  })

  it('refuses floor 1 without lift for a ground-floor need, naming the floor', () => {
    const need = aClient({ needsGroundFloorOrLift: true })
    expect(verdict('access', need, aDwelling({ floor: 1, hasLift: false }))).toBe(
      'Heeft begane grond of lift nodig; woning ligt op verdieping 1 zonder lift',
    )
  })

  it('lets anyone without that need live upstairs without a lift', () => {
    expect(verdict('access', aClient(), aDwelling({ floor: 4, hasLift: false }))).toBeNull()
  })

  it('passes and refuses a low-stimulus need', () => {
    const need = aClient({ needsLowStimulus: true })
    expect(verdict('access', need, aDwelling({ lowStimulus: true }))).toBeNull()
    expect(verdict('access', need, aDwelling())).toBe('Heeft een prikkelarme woning nodig')
  })
})

describe('wijk: the wijk is not excluded', () => {
  it('passes a wijk the client did not exclude', () => {
    const client = aClient({ excludedWijken: ['overvecht'] })
    expect(verdict('wijk', client, aDwelling({ wijk: 'zuid' }))).toBeNull()
  })

  it('refuses an excluded wijk for safety', () => {
    const client = aClient({ excludedWijken: ['overvecht'], exclusionForSafety: true })
    expect(verdict('wijk', client, aDwelling({ wijk: 'overvecht' }))).toBe(
      'Wijk Overvecht is uitgesloten (veiligheid)',
    )
  })

  it('refuses an excluded wijk without a reason when it is not for safety', () => {
    const client = aClient({ excludedWijken: ['leidsche-rijn', 'vleuten-de-meern'] })
    expect(verdict('wijk', client, aDwelling({ wijk: 'vleuten-de-meern' }))).toBe(
      'Wijk Vleuten-De Meern is uitgesloten',
    )
  })
})

describe('flow: instroom only with a flip, uitstroom not in an instroom-only dwelling', () => {
  const instroom = aClient({ flow: 'instroom', targetGroup: 'beschermd-thuis' })

  it('passes uitstroom in a dwelling for uitstroom or both', () => {
    expect(verdict('flow', aClient(), aDwelling({ suitableFor: 'uitstroom' }))).toBeNull()
    expect(verdict('flow', aClient(), aDwelling({ suitableFor: 'beide' }))).toBeNull()
  })

  it('passes uitstroom whether or not the dwelling can flip', () => {
    expect(verdict('flow', aClient(), aDwelling({ flipPossible: false }))).toBeNull()
  })

  it('refuses uitstroom in an instroom-only dwelling', () => {
    expect(verdict('flow', aClient(), aDwelling({ suitableFor: 'instroom' }))).toBe(
      'Woning is alleen voor instroom aangeboden',
    )
  })

  it('passes instroom in a dwelling for instroom or both that can flip', () => {
    expect(verdict('flow', instroom, aDwelling({ suitableFor: 'instroom' }))).toBeNull()
    expect(verdict('flow', instroom, aDwelling({ suitableFor: 'beide' }))).toBeNull()
  })

  it('refuses instroom in an uitstroom-only dwelling', () => {
    expect(verdict('flow', instroom, aDwelling({ suitableFor: 'uitstroom' }))).toBe(
      'Instroom: woning is alleen voor uitstroom aangeboden',
    )
  })

  it('refuses instroom where no flip is possible', () => {
    expect(verdict('flow', instroom, aDwelling({ flipPossible: false }))).toBe(
      'Instroom vraagt een omklapwoning; omklap is hier niet mogelijk',
    )
    expect(
      verdict('flow', instroom, aDwelling({ suitableFor: 'instroom', flipPossible: false })),
    ).toBe('Instroom vraagt een omklapwoning; omklap is hier niet mogelijk')
  })
})

describe('whyNot', () => {
  it('lists every failing rule of a pair at once, in rule order, each with its reason', () => {
    const client = aClient({
      id: 4,
      status: 'on-hold',
      adults: 2,
      maxRent: 450,
      needsWheelchair: true,
      excludedWijken: ['overvecht'],
      exclusionForSafety: true,
    })
    const dwelling = aDwelling({
      id: 9,
      type: 'studio',
      rooms: 1,
      netRent: 520.5,
      wijk: 'overvecht',
      suitableFor: 'instroom',
    })
    const ctx = eligibilityContext({ earlierPairs: new Set([pairKey(9, 4)]) })
    expect(whyNot(client, dwelling, ctx)).toEqual([
      { rule: 'available', reason: 'Status is on hold, niet wachtend' },
      {
        rule: 'earlier',
        reason: 'Al eerder voor deze woning voorgedragen; de corporatie heeft toen niet gekozen',
      },
      { rule: 'household', reason: 'Een studio past niet bij een huishouden van 2 personen' },
      { rule: 'rent', reason: 'Kale huur € 520,50 is hoger dan de maximale huur € 450,00' },
      { rule: 'access', reason: 'Heeft een rolstoelwoning nodig' },
      { rule: 'wijk', reason: 'Wijk Overvecht is uitgesloten (veiligheid)' },
      { rule: 'flow', reason: 'Woning is alleen voor instroom aangeboden' },
    ])
    expect(isEligible(client, dwelling, ctx)).toBe(false)
  })

  it('lists only the rule that fails', () => {
    const young = aClient({ birthYear: 2004 })
    expect(whyNot(young, aDwelling({ netRent: 500 }), eligibilityContext())).toEqual([
      {
        rule: 'rent',
        reason: 'Jonger dan 23: huurtoeslag alleen tot € 477,20, de huur is € 500,00',
      },
    ])
  })

  it('names every unmet access need of a client, not only the first', () => {
    const client = aClient({ needsWheelchair: true, needsLowStimulus: true })
    const reasons = whyNot(client, aDwelling(), eligibilityContext()).map((f) => f.reason)
    expect(reasons.join(' ')).toContain('rolstoel')
    expect(reasons.join(' ')).toContain('prikkelarm')
  })
})
