import { describe, expect, it } from 'vitest'
import type { AnswersReport, DwellingMatching, FileResult } from '../../src/shared/api'
import { fillIn, MOTIVATION, SPREIDING } from '../support/answer-files'
import {
  openCodes,
  QUARTER,
  useExportScenario,
  type ExportScenario,
} from '../support/exports-scenario'
import { STORE_KINDS } from '../support/stores'

describe.each(STORE_KINDS)('reading a corporation’s answer back (%s)', (kind) => {
  const scenario = useExportScenario()

  async function setUp() {
    const s = await scenario({ kind })
    const file = await s.call<FileResult>('exports:shortlists', {
      quarter: QUARTER,
      corporationId: s.corporationId,
    })
    const [a, b, c, d] = await Promise.all(
      s.presented.map(async (p) => ({ ...p, codes: await openCodes(s, p.shortlistId) })),
    )
    const importAnswers = async (base64: string, dryRun = false) =>
      s.call<AnswersReport>('exports:importAnswers', { fileName: 'antwoord.xlsx', base64, dryRun })
    return { s, file, a: a!, b: b!, c: c!, d: d!, importAnswers }
  }

  const lineOf = (report: AnswersReport, dwellingId: number) =>
    report.lines.find((l) => l.dwellingId === dwellingId)!
  const shortlistStatus = async (s: ExportScenario, id: number) =>
    (await s.one<{ status: string }>('SELECT status FROM shortlists WHERE id = ?', id)).status
  const state = async (s: ExportScenario) => ({
    shortlists: await s.all('SELECT id, status, rejection_motivation FROM shortlists ORDER BY id'),
    candidates: await s.all(
      'SELECT id, decision, decision_reason FROM shortlist_candidates ORDER BY id',
    ),
    offers: await s.all('SELECT * FROM offers ORDER BY id'),
    audit: (await s.one<{ n: number }>('SELECT count(*) AS n FROM audit_events')).n,
  })

  it('applies a match, a rejection of all and a single rejection through the workflow', async () => {
    const { s, file, a, b, c, d, importAnswers } = await setUp()
    const chosen = a.codes[1]!
    const base64 = await fillIn(file, {
      [a.dwellingId]: { [chosen]: { decision: 'Match' } },
      [b.dwellingId]: Object.fromEntries(
        b.codes.map((code, i) => [
          code,
          { decision: 'Geen match', reason: SPREIDING, motivation: i === 0 ? MOTIVATION : '' },
        ]),
      ),
      [c.dwellingId]: {
        [c.codes[0]!]: { decision: 'geen match', reason: 'Kandidaat niet bereikbaar' },
      },
    })
    const report = await importAnswers(base64)

    expect(report).toMatchObject({ corporation: 'Mitros', quarter: QUARTER, committed: true })
    expect(report.counts).toMatchObject({ applied: 3, 'no-answer': s.presented.length - 3 })
    expect(lineOf(report, a.dwellingId).actions).toEqual([
      `${chosen}: match; eenmalige aanbieding gedaan op 23-11-2026`,
    ])
    expect(lineOf(report, d.dwellingId)).toMatchObject({ outcome: 'no-answer', round: 1 })

    const matching = await s.call<DwellingMatching>('shortlists:forDwelling', {
      dwellingId: a.dwellingId,
    })
    expect(matching.status).toBe('aangeboden')
    expect(matching.rounds[0]).toMatchObject({ round: 1, status: 'gekozen' })
    expect(matching.offers).toMatchObject([{ code: chosen, outcome: 'open' }])

    expect(await shortlistStatus(s, b.shortlistId)).toBe('afgewezen')
    expect(
      (
        await s.one<{ m: string }>(
          'SELECT rejection_motivation AS m FROM shortlists WHERE id = ?',
          b.shortlistId,
        )
      ).m,
    ).toBe(MOTIVATION)
    expect(
      await s.all(
        'SELECT DISTINCT decision, decision_reason FROM shortlist_candidates WHERE shortlist_id = ?',
        b.shortlistId,
      ),
    ).toEqual([{ decision: 'geen-match', decision_reason: 'spreiding-complex' }])
    const next = await s.one<{ round: number; status: string } | undefined>(
      'SELECT round, status FROM shortlists WHERE dwelling_id = ? AND round = 2',
      b.dwellingId,
    )
    expect(lineOf(report, b.dwellingId).actions.join(' ')).toContain(
      next ? 'Nieuwe conceptvoordracht: ronde 2' : 'Geen nieuwe kandidaten',
    )
    if (next) expect(next.status).toBe('concept')

    expect(await shortlistStatus(s, c.shortlistId)).toBe('voorgedragen')
    expect(
      await s.one<{ decision: string; reason: string }>(
        `SELECT sc.decision, sc.decision_reason AS reason FROM shortlist_candidates sc
         JOIN clients cl ON cl.id = sc.client_id WHERE sc.shortlist_id = ? AND cl.code = ?`,
        c.shortlistId,
        c.codes[0],
      ),
    ).toEqual({ decision: 'geen-match', reason: 'kandidaat-niet-bereikbaar' })

    const actions = await s.all<{ action: string }>(
      "SELECT action FROM audit_events WHERE entity_type = 'dwelling' AND entity_id = ? ORDER BY id",
      String(b.dwellingId),
    )
    // One "reject all" as in the UI, not one rejection per candidate.
    expect(
      actions.map((x) => x.action).filter((x) => /^shortlist:(reject|choose)/.test(x)),
    ).toEqual(['shortlist:rejectAll'])
    expect(
      (
        await s.one<{ n: number }>(
          "SELECT count(*) AS n FROM audit_events WHERE action = 'answers:import'",
        )
      ).n,
    ).toBe(1)
  })

  it('reports an answer for an outdated round or an unknown dwelling, and applies neither', async () => {
    const { s, file, a, b, c, d, importAnswers } = await setUp()
    // Meanwhile, in the app: A's round is rejected (a new round follows), B's candidate is chosen.
    await s.call('shortlists:rejectAll', {
      shortlistId: a.shortlistId,
      rejection: { reason: 'woning-past-niet' },
      motivation: 'Telefonisch afgesproken met de corporatie',
    })
    await s.call('shortlists:choose', {
      shortlistId: b.shortlistId,
      clientId: (await s.one<{ id: number }>('SELECT id FROM clients WHERE code = ?', b.codes[0]))
        .id,
    })
    const before = await state(s)
    const base64 = await fillIn(file, {
      [a.dwellingId]: { [a.codes[0]!]: { decision: 'Match' } },
      [b.dwellingId]: { [b.codes[1]!]: { decision: 'Match' } },
      [c.dwellingId]: Object.fromEntries(
        c.codes.map((code) => [code, { dwellingId: 999999, decision: 'Match' }]),
      ),
    })
    const report = await importAnswers(base64)
    expect(lineOf(report, a.dwellingId)).toMatchObject({ outcome: 'outdated', round: 1 })
    expect(lineOf(report, a.dwellingId).message).toMatch(/Ronde 1 is niet meer actueel/)
    expect(lineOf(report, b.dwellingId)).toMatchObject({ outcome: 'outdated' })
    expect(lineOf(report, 999999)).toMatchObject({ outcome: 'unknown-dwelling' })
    expect(lineOf(report, d.dwellingId)).toMatchObject({ outcome: 'no-answer' })
    expect(report.committed).toBe(false)
    expect(await state(s)).toEqual(before)
  })

  it('refuses a dwelling with two matches or a blanket rejection without motivation, and applies the rest', async () => {
    const { s, file, a, b, c, importAnswers } = await setUp()
    const base64 = await fillIn(file, {
      [a.dwellingId]: {
        [a.codes[0]!]: { decision: 'Match' },
        [a.codes[1]!]: { decision: 'Match' },
      },
      [b.dwellingId]: Object.fromEntries(
        b.codes.map((code) => [code, { decision: 'Geen match', reason: SPREIDING }]),
      ),
      [c.dwellingId]: { [c.codes[2] ?? c.codes[0]!]: { decision: 'Match' } },
    })
    const report = await importAnswers(base64)
    expect(lineOf(report, a.dwellingId)).toMatchObject({ outcome: 'error' })
    expect(lineOf(report, a.dwellingId).message).toMatch(/2 kandidaten hebben Match/)
    expect(lineOf(report, b.dwellingId)).toMatchObject({ outcome: 'error' })
    expect(lineOf(report, b.dwellingId).message).toMatch(/Toelichting \/ motivatie/)
    expect(lineOf(report, c.dwellingId)).toMatchObject({ outcome: 'applied' })
    expect(await shortlistStatus(s, a.shortlistId)).toBe('voorgedragen')
    expect(await shortlistStatus(s, b.shortlistId)).toBe('voorgedragen')
    expect(await shortlistStatus(s, c.shortlistId)).toBe('gekozen')
  })

  it('keeps each candidate’s own reason when all are rejected for different reasons', async () => {
    const { s, file, b, importAnswers } = await setUp()
    const reasons = [
      'Kandidaat niet bereikbaar',
      SPREIDING,
      'Huurschuld of overlast uit het verleden',
    ]
    const base64 = await fillIn(file, {
      [b.dwellingId]: Object.fromEntries(
        b.codes.map((code, i) => [
          code,
          { decision: 'Geen match', reason: reasons[i], motivation: MOTIVATION },
        ]),
      ),
    })
    const report = await importAnswers(base64)
    expect(lineOf(report, b.dwellingId)).toMatchObject({ outcome: 'applied' })
    expect(await shortlistStatus(s, b.shortlistId)).toBe('afgewezen')
    const stored = await s.all<{ reason: string }>(
      'SELECT decision_reason AS reason FROM shortlist_candidates WHERE shortlist_id = ? ORDER BY position',
      b.shortlistId,
    )
    expect(stored.map((r) => r.reason)).toEqual(
      ['kandidaat-niet-bereikbaar', 'spreiding-complex', 'huurschuld-of-overlast'].slice(
        0,
        b.codes.length,
      ),
    )
  })

  it('reports answers read twice as already applied, and changes nothing the second time', async () => {
    const { s, file, a, c, importAnswers } = await setUp()
    const base64 = await fillIn(file, {
      [a.dwellingId]: { [a.codes[0]!]: { decision: 'Match' } },
      [c.dwellingId]: { [c.codes[0]!]: { decision: 'Geen match', reason: SPREIDING } },
    })
    await importAnswers(base64)
    const before = await state(s)
    const again = await importAnswers(base64)
    expect(lineOf(again, a.dwellingId)).toMatchObject({ outcome: 'already-applied' })
    expect(lineOf(again, c.dwellingId)).toMatchObject({ outcome: 'already-applied' })
    expect(again.committed).toBe(false)
    expect(await state(s)).toEqual(before)
  })

  it('previews with dryRun: the same report, nothing written', async () => {
    const { s, file, a, importAnswers } = await setUp()
    const base64 = await fillIn(file, { [a.dwellingId]: { [a.codes[0]!]: { decision: 'Match' } } })
    const before = await state(s)
    const preview = await importAnswers(base64, true)
    expect(preview).toMatchObject({ dryRun: true, committed: false })
    expect(lineOf(preview, a.dwellingId)).toMatchObject({
      outcome: 'applied',
      message: 'Wordt verwerkt',
    })
    expect(await state(s)).toEqual(before)
  })

  it('writes nothing when the workflow fails halfway: the services’ transactions nest as savepoints', async () => {
    const { s, file, a, b, importAnswers } = await setUp()
    // A's match runs first and succeeds inside its own (nested) transaction; then B's offer fails.
    if (s.kind === 'postgres') {
      await s.run(`CREATE FUNCTION offer_fails() RETURNS trigger LANGUAGE plpgsql
        AS $$ BEGIN RAISE EXCEPTION 'schijf vol'; END $$`)
      await s.run(`CREATE TRIGGER offer_fails BEFORE INSERT ON offers FOR EACH ROW
        WHEN (NEW.dwelling_id = ${b.dwellingId}) EXECUTE FUNCTION offer_fails()`)
    } else {
      await s.run(
        `CREATE TEMP TRIGGER offer_fails BEFORE INSERT ON offers WHEN NEW.dwelling_id = ${b.dwellingId}
         BEGIN SELECT RAISE(ABORT, 'schijf vol'); END`,
      )
    }
    const base64 = await fillIn(file, {
      [a.dwellingId]: { [a.codes[0]!]: { decision: 'Match' } },
      [b.dwellingId]: { [b.codes[0]!]: { decision: 'Match' } },
    })
    const before = await state(s)
    await expect(importAnswers(base64)).rejects.toMatchObject({ code: 'internal' })
    // No transaction left open: SQLite's connection is out of it, every pool client is back.
    const { store } = s.runtime
    if (store.dialect === 'postgres') expect(store.pool.idleCount).toBe(store.pool.totalCount)
    else expect(store.sqlite.inTransaction).toBe(false)
    expect(await shortlistStatus(s, a.shortlistId)).toBe('voorgedragen')
    expect(await state(s)).toEqual(before)
  })

  it('refuses a file that is not a returned shortlist, in Dutch', async () => {
    const { s, importAnswers } = await setUp()
    const template = await s.call<FileResult>('dwellings:template', {
      corporationId: s.corporationId,
      quarterKey: QUARTER,
    })
    await expect(importAnswers(template.base64)).rejects.toThrow(/sjabloon voor een import/)
  })
})
