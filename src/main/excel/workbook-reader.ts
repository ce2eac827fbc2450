import ExcelJS from 'exceljs'
import { ApiError } from '../../shared/api/endpoint'
import { hasNotes, withoutNotes } from './foreign-parts'
import { readZipDirectory } from './zip-directory'

/** Data rows one import may hold: a quarter's dwellings or a provider's waiting list are far fewer. */
export const MAX_DATA_ROWS = 5_000

/**
 * Rows exceljs may parse per sheet before it gives up. Above MAX_DATA_ROWS because formatted but
 * empty rows count too; the real limit on data rows is checked after reading.
 */
const MAX_SHEET_ROWS = 20_000
const MAX_COLUMNS = 200
/** Declared unpacked size of all parts together; a full template of 5,000 rows is ~10 MB. */
const MAX_UNPACKED_BYTES = 150 * 1024 * 1024

const NOT_A_WORKBOOK =
  'Dit bestand is geen Excel-werkmap (.xlsx). Sla het in Excel op als "Excel-werkmap (*.xlsx)" en probeer het opnieuw.'
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0])
const OLE_FILE =
  'Dit is een oud Excel-bestand (.xls) of een bestand met een wachtwoord. Sla het op als "Excel-werkmap (*.xlsx)" zonder wachtwoord.'

/**
 * Loads an .xlsx from base64 or bytes. Every way a file can be wrong ends as a Dutch
 * ApiError('invalid-input'): nothing from exceljs or the zip library reaches the officer.
 */
export async function loadWorkbook(data: Buffer | string): Promise<ExcelJS.Workbook> {
  const buffer = typeof data === 'string' ? Buffer.from(data, 'base64') : data
  if (buffer.length === 0) throw new ApiError('invalid-input', 'Het bestand is leeg.')

  // Old .xls files and password-protected .xlsx files are both OLE containers, not zips.
  if (buffer.subarray(0, 4).equals(OLE_SIGNATURE)) throw new ApiError('invalid-input', OLE_FILE)
  const entries = readZipDirectory(buffer)
  if (!entries) throw new ApiError('invalid-input', NOT_A_WORKBOOK)
  if (!entries.some((e) => e.name.replace(/^\//, '') === 'xl/workbook.xml')) {
    throw new ApiError('invalid-input', NOT_A_WORKBOOK)
  }
  const unpacked = entries.reduce((sum, e) => sum + e.uncompressedSize, 0)
  if (unpacked > MAX_UNPACKED_BYTES) {
    throw new ApiError('invalid-input', tooLarge('het bestand is uitgepakt groter dan 150 MB'))
  }

  const workbook = new ExcelJS.Workbook()
  try {
    const readable = hasNotes(entries) ? await withoutNotes(buffer) : buffer
    await workbook.xlsx.load(readable as unknown as ExcelJS.Buffer, {
      // exceljs expands every validation range to single cells while reading: a dropdown on a whole
      // column (C:C) becomes a million objects. The import never needs them.
      ignoreNodes: [
        'dataValidations',
        'conditionalFormatting',
        'extLst',
        'hyperlinks',
        'drawing',
        'picture',
      ],
      // Not in exceljs' types, but honoured by its sheet parser: it stops at the limit instead of
      // building every row of a huge sheet first.
      ...({ maxRows: MAX_SHEET_ROWS, maxCols: MAX_COLUMNS } as object),
    })
  } catch (error) {
    throw translateLoadError(error)
  }
  if (workbook.worksheets.length === 0) throw new ApiError('invalid-input', NOT_A_WORKBOOK)
  return workbook
}

function tooLarge(reason: string): string {
  return `Het bestand is te groot: ${reason}. Een import mag hoogstens ${MAX_DATA_ROWS.toLocaleString('nl-NL')} rijen bevatten; splits het bestand.`
}

function translateLoadError(error: unknown): ApiError {
  const message = error instanceof Error ? error.message : String(error)
  if (/Max row count/i.test(message)) {
    return new ApiError(
      'invalid-input',
      tooLarge(`een werkblad heeft meer dan ${MAX_SHEET_ROWS.toLocaleString('nl-NL')} rijen`),
    )
  }
  if (/Max column count/i.test(message)) {
    return new ApiError('invalid-input', tooLarge(`een rij heeft meer dan ${MAX_COLUMNS} kolommen`))
  }
  return new ApiError(
    'invalid-input',
    'Het bestand kan niet worden gelezen: het is beschadigd of geen Excel-werkmap (.xlsx). Open het in Excel en sla het opnieuw op.',
  )
}

/** A sheet by name, ignoring case and surrounding spaces, as people rename tabs by hand. */
export function findSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const wanted = name.trim().toLowerCase()
  return workbook.worksheets.find((sheet) => sheet.name.trim().toLowerCase() === wanted)
}
