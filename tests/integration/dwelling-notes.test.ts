import { describe, expect, it } from 'vitest'
import type { FileResult, TimelineEvent } from '../../src/shared/api'
import { readWorkbook } from '../support/excel-files'
import { openCodes, QUARTER, useExportScenario } from '../support/exports-scenario'
import { TEST_ACTOR } from '../support/temp-db'
import { STORE_KINDS } from '../support/stores'

describe.each(STORE_KINDS)('notes on a dwelling’s timeline (%s)', (kind) => {
  const scenario = useExportScenario()

  it('adds a note to the timeline, refuses an empty or too long one in Dutch', async () => {
    const s = await scenario({ kind })
    const [first] = s.presented
    const events = await s.call<TimelineEvent[]>('audit:addDwellingNote', {
      dwellingId: first!.dwellingId,
      text: 'Mitros belt maandag terug over de lift.',
    })
    expect(events.at(-1)).toMatchObject({
      action: 'dwelling:note',
      officer: TEST_ACTOR.officer,
      summary: 'Notitie: Mitros belt maandag terug over de lift.',
    })
    await expect(
      s.call('audit:addDwellingNote', { dwellingId: first!.dwellingId, text: '   ' }),
    ).rejects.toThrow('Vul de notitie in')
    await expect(
      s.call('audit:addDwellingNote', { dwellingId: first!.dwellingId, text: 'x'.repeat(1001) }),
    ).rejects.toThrow('De notitie is te lang (maximaal 1000 tekens)')
    await expect(
      s.call('audit:addDwellingNote', { dwellingId: 999_999, text: 'Bestaat niet' }),
    ).rejects.toThrow('Deze woning bestaat niet (meer)')
  })

  it('never leaves the app, shows on a mentioned client’s timeline and goes when that client is erased', async () => {
    const s = await scenario({ kind })
    const [first] = s.presented
    const code = (await openCodes(s, first!.shortlistId))[0]!
    const clientId = (await s.one<{ id: number }>('SELECT id FROM clients WHERE code = ?', code)).id
    const marker = `Notitie-merkteken ${code} woont nu bij haar zus`
    await s.call('audit:addDwellingNote', { dwellingId: first!.dwellingId, text: marker })

    const file = await s.call<FileResult>('exports:shortlists', {
      quarter: QUARTER,
      corporationId: s.corporationId,
    })
    const texts: string[] = []
    for (const sheet of (await readWorkbook(file.base64)).worksheets)
      sheet.eachRow((row) => row.eachCell((cell) => texts.push(JSON.stringify(cell.value))))
    expect(texts.filter((t) => t.includes('merkteken'))).toEqual([])

    const onClient = await s.call<TimelineEvent[]>('audit:timeline', {
      entityType: 'client',
      entityId: clientId,
    })
    expect(onClient.map((e) => e.summary)).toContain(`Notitie: ${marker}`)

    await s.call('privacy:eraseClient', { clientId, reason: 'Verzoek van de cliënt' })
    const left = (
      await s.one<{ n: number }>(
        "SELECT count(*) AS n FROM audit_events WHERE summary LIKE '%merkteken%' OR details LIKE '%merkteken%'",
      )
    ).n
    expect(left).toBe(0)
    expect(
      (
        await s.one<{ summary: string }>(
          "SELECT summary FROM audit_events WHERE action = 'dwelling:note'",
        )
      ).summary,
    ).toBe('Notitie: [gewist]')
  })
})
