import ExcelJS from 'exceljs'
import { crc32 } from 'node:zlib'

type Cell = ExcelJS.CellValue

export async function readWorkbook(data: Buffer | string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  const buffer = typeof data === 'string' ? Buffer.from(data, 'base64') : data
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer)
  return workbook
}

export async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** Opens a file with exceljs, lets the test change it the way a person would in Excel, and saves it. */
export async function edit(
  data: Buffer | string,
  change: (workbook: ExcelJS.Workbook) => void,
): Promise<Buffer> {
  const workbook = await readWorkbook(data)
  change(workbook)
  return toBuffer(workbook)
}

/** The data sheet's header row as an array of texts. */
export function headers(sheet: ExcelJS.Worksheet): string[] {
  const texts: string[] = []
  sheet.getRow(1).eachCell((cell) => texts.push(String(cell.value)))
  return texts
}

/**
 * Writes rows (by header text) under the header, from `startRow` on: the template's example stays
 * in row 2 unless a test overwrites it.
 */
export function fillRows(
  sheet: ExcelJS.Worksheet,
  rows: Record<string, Cell>[],
  startRow = 3,
): void {
  const columnOf = new Map(headers(sheet).map((header, i) => [header, i + 1]))
  rows.forEach((values, i) => {
    const row = sheet.getRow(startRow + i)
    for (const [header, value] of Object.entries(values)) {
      const col = columnOf.get(header)
      if (!col) throw new Error(`Geen kolom ${header}`)
      row.getCell(col).value = value
    }
  })
}

export async function fillTemplate(
  template: string,
  sheetName: string,
  rows: Record<string, Cell>[],
): Promise<Buffer> {
  return edit(template, (workbook) => fillRows(workbook.getWorksheet(sheetName)!, rows))
}

export function payload(
  buffer: Buffer,
  fileName = 'ingevuld.xlsx',
  options: { validOnly?: boolean; dryRun?: boolean } = {},
) {
  return {
    fileName,
    base64: buffer.toString('base64'),
    validOnly: false,
    dryRun: false,
    ...options,
  }
}

/**
 * A minimal zip (stored, not deflated) built by hand, for files that are zips but not workbooks.
 * `declaredSize` lets a test lie about the unpacked size, as a zip bomb would.
 */
export function zipOf(files: Record<string, string>, declaredSize?: number): Buffer {
  const locals: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text)
    const nameBytes = Buffer.from(name)
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    const header = Buffer.alloc(46)
    header.writeUInt32LE(0x02014b50, 0)
    header.writeUInt16LE(20, 4)
    header.writeUInt16LE(20, 6)
    header.writeUInt32LE(crc, 16)
    header.writeUInt32LE(data.length, 20)
    header.writeUInt32LE(declaredSize ?? data.length, 24)
    header.writeUInt16LE(nameBytes.length, 28)
    header.writeUInt32LE(offset, 42)
    locals.push(local, nameBytes, data)
    central.push(header, nameBytes)
    offset += 30 + nameBytes.length + data.length
  }
  const directory = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Object.keys(files).length, 8)
  end.writeUInt16LE(Object.keys(files).length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}
