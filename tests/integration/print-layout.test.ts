import { describe, expect, it } from 'vitest'
import { clientsTemplate, dwellingsTemplate } from '../../src/main/services/import-templates'
import { useExcelStore } from '../support/excel-store'
import { isA4, printWithLibreOffice } from '../support/other-programs'

/**
 * What a corporation's or care provider's office gets on paper, rendered by LibreOffice (an
 * independent program) to PDF: A4, readable text, nothing cut off. 8 pt text in DejaVu Sans (the
 * fallback for Calibri) gives words about 10.4 pt tall.
 */
const READABLE_WORD_HEIGHT = 10.4

describe('printing the templates on A4', () => {
  const store = useExcelStore()

  it('prints the dwellings template on A4 at a readable size, the instructions in full', async () => {
    const s = await store()
    const template = await dwellingsTemplate(s.ctx, {
      corporationId: s.mitros,
      quarterKey: '2026-Q4',
    })

    const pages = printWithLibreOffice(Buffer.from(template.base64, 'base64'))

    expect(pages.length).toBeGreaterThanOrEqual(2)
    expect(pages.length).toBeLessThanOrEqual(6)
    for (const page of pages) {
      expect(isA4(page)).toBe(true)
      expect(page.wordHeight).toBeGreaterThanOrEqual(READABLE_WORD_HEIGHT)
    }
    // The instructions read in portrait and end in whole words, not cut off at the page edge.
    expect(pages[0]!.height).toBeGreaterThan(pages[0]!.width)
    const instructions = pages
      .map((p) => p.text)
      .join('\n')
      .replace(/\s+/g, ' ')
    expect(instructions).toContain('niets wordt dubbel ingevoerd.')
    expect(instructions).toContain('Straat en huisnummer')
    // The data sheet repeats its header on every page it takes.
    const dataPages = pages.filter((p) => p.width > p.height)
    expect(dataPages.length).toBeGreaterThan(0)
    for (const page of dataPages) expect(page.text).toContain('Adres')
  })

  it('prints the clients template on A4 at a readable size', async () => {
    const s = await store()
    const template = await clientsTemplate(s.ctx, { careProviderId: s.lister })

    const pages = printWithLibreOffice(Buffer.from(template.base64, 'base64'))

    for (const page of pages) {
      expect(isA4(page)).toBe(true)
      expect(page.wordHeight).toBeGreaterThanOrEqual(READABLE_WORD_HEIGHT)
    }
  })
})
