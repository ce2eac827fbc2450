import { describe, expect, it } from 'vitest'
import { api } from '../../src/shared/api'
import { ClientFieldsSchema } from '../../src/shared/domain/client-input'

const FIVE_MB = 'x'.repeat(5 * 1024 * 1024)

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? []

describe('free text in the contract', () => {
  it('has a maximum length on every reason and motivation', () => {
    const swap = api.shortlists.swap.input.safeParse({
      shortlistId: 1,
      removeClientId: 2,
      addClientId: 3,
      reason: FIVE_MB,
    })
    expect(messages(swap)).toEqual(['De reden is te lang (maximaal 500 tekens)'])
    const withdraw = api.dwellings.withdraw.input.safeParse({ dwellingId: 1, reason: FIVE_MB })
    expect(messages(withdraw)).toEqual(['De reden is te lang (maximaal 500 tekens)'])
    const motivation = api.shortlists.rejectAll.input.safeParse({
      shortlistId: 1,
      rejection: { reason: 'anders', text: 'Past niet' },
      motivation: FIVE_MB,
    })
    expect(messages(motivation)).toEqual(['De motivatie is te lang (maximaal 2000 tekens)'])
    const erase = api.privacy.eraseClient.input.safeParse({ clientId: 1, reason: FIVE_MB })
    expect(erase.success).toBe(false)
    const status = api.clients.setStatus.input.safeParse({
      id: 1,
      status: 'ingetrokken',
      reason: FIVE_MB,
    })
    expect(status.success).toBe(false)
  })

  it('keeps the short reasons’ own messages and takes reasons over several lines', () => {
    const swap = (reason: string) =>
      api.shortlists.swap.input.safeParse({
        shortlistId: 1,
        removeClientId: 2,
        addClientId: 3,
        reason,
      })
    expect(messages(swap('ok'))).toEqual(['Geef een reden voor de wissel'])
    expect(swap('Woont bij zus;\nkan pas in maart verhuizen').success).toBe(true)
  })

  it('refuses bidi overrides and control characters, and line breaks in names', () => {
    const spoofed = 'Jan\u202Etxt.exe'
    expect(messages(api.app.setOfficer.input.safeParse({ name: spoofed }))).toEqual([
      'Uw naam bevat een teken dat niet is toegestaan (een stuur- of richtingsteken)',
    ])
    expect(messages(api.app.setOfficer.input.safeParse({ name: 'Jan\nJansen' }))).toEqual([
      'Uw naam moet op één regel staan',
    ])
    expect(
      messages(
        api.partners.saveCorporation.input.safeParse({ name: 'Mitros\u2066', socialStock: 1 }),
      ),
    ).toEqual(['De naam bevat een teken dat niet is toegestaan (een stuur- of richtingsteken)'])
    const importFile = api.dwellings.import.input.safeParse({
      fileName: 'woningen\u202Exslx.exe',
      base64: 'UEsDBA==',
    })
    expect(messages(importFile)).toEqual([
      'De bestandsnaam bevat een teken dat niet is toegestaan (een stuur- of richtingsteken)',
    ])

    const fields = ClientFieldsSchema.pick({ name: true, notes: true })
    expect(fields.safeParse({ name: 'Anna\u0000', notes: null }).success).toBe(false)
    expect(fields.safeParse({ name: 'Anna\r\nBakker', notes: null }).success).toBe(false)
    expect(fields.safeParse({ name: null, notes: 'Belt liever.\u0007' }).success).toBe(false)
    expect(
      fields.safeParse({ name: 'Anaïs Ørsted-Ağa', notes: 'Regel 1\nRegel 2\tmet tab' }),
    ).toMatchObject({ success: true, data: { name: 'Anaïs Ørsted-Ağa' } })
  })
})
