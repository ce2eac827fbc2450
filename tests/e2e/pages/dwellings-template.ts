import ExcelJS from 'exceljs'

/** One dwelling as a corporation types it into the template: Dutch labels, ja/nee, dd-mm-jjjj. */
export type TemplateRow = Record<string, string | number>

export interface TemplateMeta {
  kind?: string
  corporation?: string
  quarterKey?: string
}

/**
 * The downloaded template, read and filled the way a corporation would: by the headers in row 1
 * of sheet "Woningen" (row 2 is the example), with the hidden meta sheet saying whose it is.
 */
export async function fillDwellingsTemplate(
  templatePath: string,
  rows: readonly TemplateRow[],
  outPath: string,
): Promise<{ meta: TemplateMeta; headers: string[]; firstRow: number }> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(templatePath)
  const meta: Record<string, string> = {}
  workbook.getWorksheet('meta')?.eachRow((row) => {
    meta[String(row.getCell(1).value)] = String(row.getCell(2).value)
  })
  const sheet = workbook.getWorksheet('Woningen')
  if (!sheet) throw new Error('Het sjabloon heeft geen werkblad "Woningen"')
  const headers: string[] = []
  sheet.getRow(1).eachCell((cell, col) => (headers[col - 1] = String(cell.value)))
  const firstRow = sheet.rowCount + 1
  rows.forEach((values, index) => {
    const row = sheet.getRow(firstRow + index)
    for (const [header, value] of Object.entries(values)) {
      const col = headers.indexOf(header)
      if (col < 0) throw new Error(`Kolom ${header} staat niet in het sjabloon`)
      row.getCell(col + 1).value = value
    }
    row.commit()
  })
  await workbook.xlsx.writeFile(outPath)
  return { meta, headers, firstRow }
}
