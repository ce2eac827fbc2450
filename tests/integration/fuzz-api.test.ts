import fc from 'fast-check'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { CHANNELS, endpoints, type ApiResult } from '../../src/shared/api'
import { storeDigest } from '../support/db-digest'
import { useExcelStore } from '../support/excel-store'
import { STORE_KINDS } from '../support/stores'

/** Cases per channel; `npm run soak` raises it. */
const PER_CHANNEL = Number(process.env['FUZZ_API_CASES'] ?? 40)

const inputOf = new Map<string, z.ZodType>(endpoints.map((e) => [e.channel, e.input]))

/** Values a renderer bug, a hand-made HTTP request or a compromised page could send. */
const hostileLeaf = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, -2_147_483_648, 1.5, 1e308, -0, '', ' ', '0', '-1'),
  fc.constantFrom('x'.repeat(1_000_000), '\u0000', '../../etc/passwd', "'; DROP TABLE clients;--"),
  fc.constantFrom('2026-02-30', '2026-Q5', '<script>alert(1)</script>', '__proto__', 'NaN'),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 50 }),
)

const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, hostileLeaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(fc.string({ maxLength: 12 }), tie('value'), { maxKeys: 4 }),
})).value

/** The channel's own keys with hostile values, so validation is tested beyond its first check. */
function nearMisses(channel: string): fc.Arbitrary<unknown> {
  const schema = inputOf.get(channel) as { shape?: Record<string, unknown> } | undefined
  let shape = schema?.shape
  // Through .default() and .strict() wrappers to the object underneath.
  let inner = schema as { def?: { innerType?: { shape?: Record<string, unknown> } } } | undefined
  while (!shape && inner?.def?.innerType) {
    shape = inner.def.innerType.shape
    inner = inner.def.innerType as typeof inner
  }
  const keys = Object.keys(shape ?? {})
  if (keys.length === 0) return hostileValue
  return fc
    .tuple(
      fc.dictionary(fc.constantFrom(...keys), hostileValue, { minKeys: 1 }),
      fc.option(fc.dictionary(fc.string({ maxLength: 8 }), hostileLeaf, { maxKeys: 2 })),
    )
    .map(([own, extra]) => ({ ...own, ...(extra ?? {}) }))
}

/** JSON's own oddities: keys that pollute prototypes when merged carelessly. */
const pollution = fc.constantFrom(
  JSON.parse('{"__proto__": {"isAdmin": true}}') as unknown,
  JSON.parse('{"constructor": {"prototype": {"x": 1}}}') as unknown,
  JSON.parse('{"id": {"__proto__": null}}') as unknown,
)

/** Well-formed calls naming things that do not exist: a clean not-found or conflict, never a crash. */
const MISSING: Record<string, (id: number) => unknown> = {
  'clients:get': (id) => ({ id }),
  'dwellings:get': (id) => ({ id }),
  'clients:setStatus': (id) => ({ id, status: 'on-hold' }),
  'shortlists:forDwelling': (id) => ({ dwellingId: id }),
  'shortlists:pool': (id) => ({ dwellingId: id }),
  'shortlists:present': (id) => ({ shortlistId: id }),
  'shortlists:swap': (id) => ({
    shortlistId: id,
    removeClientId: id,
    addClientId: id - 1,
    reason: 'Wissel',
  }),
  'shortlists:choose': (id) => ({ shortlistId: id, clientId: id }),
  'shortlists:rejectCandidate': (id) => ({
    shortlistId: id,
    clientId: id,
    rejection: { reason: 'woning-past-niet' },
  }),
  'shortlists:rejectAll': (id) => ({
    shortlistId: id,
    rejection: { reason: 'woning-past-niet' },
    motivation: 'Past niet',
  }),
  'offers:accept': (id) => ({ offerId: id, startsOn: '2026-12-01' }),
  'offers:decline': (id) => ({ offerId: id, decline: { reason: 'medisch' } }),
  'dwellings:withdraw': (id) => ({ dwellingId: id, reason: 'Verkocht' }),
  'dwellings:template': (id) => ({ corporationId: id, quarterKey: '2026-Q4' }),
  'clients:template': (id) => ({ careProviderId: id }),
  'privacy:exportClient': (id) => ({ clientId: id }),
  'privacy:eraseClient': (id) => ({ clientId: id, reason: 'Verzoek van de cliënt' }),
  'backups:restore': (id) => ({ file: `vierde-huis-handmatig-${id}.db` }),
}

describe.each(STORE_KINDS)('every API channel under hostile input (%s)', (kind) => {
  const store = useExcelStore()

  it(
    `answers invalid input with a typed Dutch refusal and writes nothing (${PER_CHANNEL} cases per channel)`,
    { timeout: 60_000 + CHANNELS.length * PER_CHANNEL * 100 },
    async () => {
      const s = await store(kind)
      const before = await storeDigest(s.runtime)
      let cases = 0
      for (const channel of CHANNELS) {
        const invoke = s.runtime.routes.get(channel)!
        const schema = inputOf.get(channel)!
        await fc.assert(
          fc.asyncProperty(
            fc.oneof(hostileValue, nearMisses(channel), pollution),
            async (input) => {
              // Only what the contract refuses: a valid call may legitimately write.
              fc.pre(!schema.safeParse(input ?? undefined).success)
              const result = (await invoke(input)) as ApiResult<unknown>
              cases++
              expect(result.ok, channel).toBe(false)
              if (result.ok) return
              expect(result.error.code, channel).toBe('invalid-input')
              expect(result.error.message, channel).toMatch(/^Ongeldige invoer/)
              expect(({} as Record<string, unknown>)['isAdmin'], channel).toBeUndefined()
            },
          ),
          { numRuns: PER_CHANNEL, endOnFailure: true },
        )
      }
      expect(await storeDigest(s.runtime)).toEqual(before)

      for (const [channel, build] of Object.entries(MISSING)) {
        if (!s.runtime.routes.has(channel)) continue
        await fc.assert(
          fc.asyncProperty(fc.integer({ min: 100_000, max: 2 ** 31 - 1 }), async (id) => {
            const result = (await s.runtime.routes.get(channel)!(build(id))) as ApiResult<unknown>
            cases++
            expect(result, channel).toMatchObject({ ok: false })
            if (!result.ok) expect(['not-found', 'conflict'], channel).toContain(result.error.code)
          }),
          { numRuns: Math.max(3, Math.floor(PER_CHANNEL / 4)), endOnFailure: true },
        )
      }
      expect(await storeDigest(s.runtime)).toEqual(before)

      console.log(
        `fuzz api (${kind}): ${cases} calls over ${CHANNELS.length} channels; all refused cleanly, nothing written`,
      )
      const reportDir = process.env['SOAK_REPORT_DIR']
      if (reportDir) {
        // One report for both stores: the calls add up.
        const report = join(reportDir, 'fuzz-api.json')
        const earlier = existsSync(report)
          ? (JSON.parse(readFileSync(report, 'utf8')) as { cases: number }).cases
          : 0
        writeFileSync(report, JSON.stringify({ cases: earlier + cases, channels: CHANNELS.length }))
      }
    },
  )
})
