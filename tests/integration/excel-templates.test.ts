import { describe, expect, it } from 'vitest'
import { ApiError } from '../../src/shared/api/endpoint'
import { SUPPORT_INTENSITY, TARGET_GROUP, WIJK } from '../../src/shared/domain/vocabulary'
import { clientsTemplate, dwellingsTemplate } from '../../src/main/services/import-service'
import { useExcelStore } from '../support/excel-store'
import { STORE_KINDS } from '../support/stores'
import { headers, readWorkbook } from '../support/excel-files'

describe.each(STORE_KINDS)('the Excel templates (%s)', (kind) => {
  const store = useExcelStore()

  it('gives a corporation a dwellings template for its quarter, named after both', async () => {
    const { ctx, mitros } = await store(kind)
    const file = await dwellingsTemplate(ctx, { corporationId: mitros, quarterKey: '2026-Q4' })
    expect(file.fileName).toBe('woningen-Mitros-2026-Q4.xlsx')

    const workbook = await readWorkbook(file.base64)
    expect(workbook.worksheets.map((s) => [s.name, s.state])).toEqual([
      ['Toelichting', 'visible'],
      ['Woningen', 'visible'],
      ['Lijsten', 'hidden'],
      ['meta', 'veryHidden'],
    ])
    const intro = workbook.getWorksheet('Toelichting')!
    const introText: string[] = []
    intro.eachRow((row) => row.eachCell((cell) => introText.push(String(cell.value))))
    expect(introText).toEqual(
      expect.arrayContaining(['Corporatie', 'Mitros', '4e kwartaal 2026 (2026-Q4)', 'Kale huur']),
    )
    expect(introText.join(' ')).toContain('VOORBEELD')
    // The bounds in the explanation are the schema's own, so they cannot drift from the import's checks.
    expect(introText).toContain('Een geheel getal van 1 tot en met 10')
    expect(introText).toContain('Een bedrag in euro van 100 tot en met 2.500, bijvoorbeeld 612,50')

    const sheet = workbook.getWorksheet('Woningen')!
    expect(headers(sheet)).toEqual([
      'Adres',
      'Postcode',
      'Wijk',
      'Buurt',
      'Complex',
      'Type',
      'Zelfstandig',
      'Aantal kamers',
      'Verdieping',
      'Lift',
      'Rolstoeltoegankelijk',
      'Prikkelarm',
      'Kale huur',
      'Servicekosten',
      'Beschikbaar vanaf',
      'Geschikt voor',
      'Omklap mogelijk',
      'Opmerkingen',
    ])
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet.getColumn(1).width).toBe(32)
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true)

    // The example row is marked, and formatted as the user's rows will be.
    expect(String(sheet.getCell('A2').value)).toMatch(/^VOORBEELD/)
    expect(sheet.getCell('M2').numFmt).toBe('"€" #,##0.00')
    expect(sheet.getCell('O2').numFmt).toBe('dd-mm-yyyy')
    expect(sheet.getCell('O2').value).toBeInstanceOf(Date)
    // The formats also hold for the empty rows the corporation fills in.
    expect(sheet.getColumn(13).numFmt).toBe('"€" #,##0.00')
    expect(sheet.getColumn(15).numFmt).toBe('dd-mm-yyyy')
    expect(sheet.getColumn(2).numFmt).toBe('@')

    // Dropdowns down to the row limit: the labels for wijk, type and geschikt voor; ja/nee for the rest.
    const lists = workbook.getWorksheet('Lijsten')!
    const wijk = sheet.getCell('C5001').dataValidation
    expect(wijk).toMatchObject({ type: 'list', formulae: ['Lijsten!$A$2:$A$11'] })
    expect(lists.getColumn(1).values.slice(2)).toEqual(Object.values(WIJK.labels))
    expect(sheet.getCell('F3').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['Lijsten!$B$2:$B$7'],
    })
    expect(lists.getColumn(2).values.slice(2)).toContain('Eengezinswoning')
    expect(sheet.getCell('P3').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['Lijsten!$C$2:$C$4'],
    })
    for (const yesNo of ['G', 'J', 'K', 'L', 'Q']) {
      expect(sheet.getCell(`${yesNo}40`).dataValidation).toMatchObject({
        type: 'list',
        formulae: ['"ja,nee"'],
      })
    }
    expect(sheet.getCell('A3').dataValidation).toBeUndefined()
    expect(sheet.getCell('C5002').dataValidation).toBeUndefined()

    const meta = workbook.getWorksheet('meta')!
    const values = Object.fromEntries(
      meta
        .getSheetValues()
        .slice(1)
        .map((row) => (row as unknown[]).slice(1, 3)),
    )
    expect(values).toMatchObject({
      kind: 'dwellings',
      corporationId: mitros,
      corporation: 'Mitros',
      quarterKey: '2026-Q4',
    })
  })

  it('gives a care provider a registration template without a name or BSN column', async () => {
    const { ctx, lister } = await store(kind)
    const file = await clientsTemplate(ctx, { careProviderId: lister })
    expect(file.fileName).toBe('aanmeldingen-Lister-2026-11-23.xlsx')

    const workbook = await readWorkbook(file.base64)
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Toelichting',
      'Aanmeldingen',
      'Lijsten',
      'meta',
    ])
    const sheet = workbook.getWorksheet('Aanmeldingen')!
    const columns = headers(sheet)
    expect(columns).toEqual([
      'Cliëntcode',
      'Doelgroep',
      'In- of uitstroom',
      'Aanmelddatum',
      'Aantal volwassenen',
      'Aantal kinderen',
      'Geboortejaar',
      'Maximale huur',
      'Minimaal aantal kamers',
      'Begane grond of lift',
      'Rolstoelwoning',
      'Prikkelarm',
      'Voorkeurswijken',
      'Uitgesloten wijken',
      'Uitsluiting om veiligheidsredenen',
      'Intensiteit begeleiding',
      'Duur begeleiding (maanden)',
    ])
    expect(columns.join(' ')).not.toMatch(/naam|bsn/i)
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet.getCell('D2').numFmt).toBe('dd-mm-yyyy')
    expect(sheet.getCell('H2').numFmt).toBe('"€" #,##0.00')
    expect(String(sheet.getCell('A2').value)).toMatch(/^VOORBEELD/)

    const lists = workbook.getWorksheet('Lijsten')!
    expect(sheet.getCell('B3').dataValidation.formulae).toEqual(['Lijsten!$A$2:$A$10'])
    expect(lists.getColumn(1).values.slice(2)).toEqual(Object.values(TARGET_GROUP.labels))
    // Labels with commas are why the lists live on a sheet, not inline in the validation.
    expect(sheet.getCell('P3').dataValidation.formulae).toEqual(['Lijsten!$C$2:$C$4'])
    expect(lists.getColumn(3).values.slice(2)).toEqual(Object.values(SUPPORT_INTENSITY.labels))
    expect(sheet.getCell('O3').dataValidation.formulae).toEqual(['"ja,nee"'])
    // Several wijken fit in one cell, so that column has no single-choice dropdown.
    expect(sheet.getCell('M3').dataValidation).toBeUndefined()

    const intro: string[] = []
    workbook
      .getWorksheet('Toelichting')!
      .eachRow((row) => row.eachCell((cell) => intro.push(String(cell.value))))
    expect(intro.join(' ')).toMatch(/geen naam, BSN/)
    expect(intro).toContain('Lister')
  })

  it('refuses a template for a corporation or care provider that does not exist', async () => {
    const { ctx } = await store(kind)
    await expect(
      dwellingsTemplate(ctx, { corporationId: 999, quarterKey: '2026-Q4' }),
    ).rejects.toMatchObject({
      code: 'not-found',
      message: 'Deze corporatie bestaat niet (meer)',
    })
    await expect(clientsTemplate(ctx, { careProviderId: 999 })).rejects.toBeInstanceOf(ApiError)
  })
})
