/**
 * Files in and out of the renderer without Node: the API carries Excel files as base64, the
 * browser (or Electron) saves downloads through a Blob and an <a download>.
 */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // Revoking at once can cancel the download in some browsers; the URL is only a few kB of memory.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000)
}

export function downloadBase64(fileName: string, base64: string, type: string): void {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  downloadBlob(fileName, new Blob([bytes], { type }))
}

/** A chosen file as base64, read in slices: String.fromCharCode with one huge argument list overflows the stack. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  const slice = 0x8000
  for (let i = 0; i < bytes.length; i += slice) {
    binary += String.fromCharCode(...bytes.subarray(i, i + slice))
  }
  return btoa(binary)
}

/** A workbook chosen in a file field, as the import channels take it. */
export interface ChosenWorkbook {
  fileName: string
  base64: string
}

/**
 * Reads a picked file for an import: only an .xlsx, and read whole before it is sent. Answers the
 * workbook, or the Dutch sentence to show instead (`notAWorkbook` says which file was expected).
 */
export async function readWorkbookFile(
  picked: File,
  notAWorkbook: string,
): Promise<{ workbook: ChosenWorkbook } | { error: string }> {
  if (!/\.xlsx$/i.test(picked.name)) return { error: notAWorkbook }
  try {
    return { workbook: { fileName: picked.name, base64: await fileToBase64(picked) } }
  } catch {
    return {
      error:
        'Het bestand kon niet worden gelezen. Is het nog open in Excel? Sla het op en probeer het opnieuw.',
    }
  }
}

function csvField(value: string | number): string {
  const text = String(value)
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * CSV as Dutch Excel opens it with a double click: semicolons (the Dutch list separator, since the
 * comma is the decimal sign) and a UTF-8 byte order mark, without which "cliënt" comes out garbled.
 */
export function csvBlob(rows: readonly (readonly (string | number)[])[]): Blob {
  const text = rows.map((row) => row.map(csvField).join(';')).join('\r\n')
  return new Blob(['\uFEFF', text, '\r\n'], { type: 'text/csv;charset=utf-8' })
}

/** "woningen-Mitros-2026-Q4.xlsx" → "woningen-Mitros-2026-Q4" */
export function baseName(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '')
}
