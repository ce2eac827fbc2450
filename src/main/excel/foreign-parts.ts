import JSZip from 'jszip'
import type { ZipEntry } from './zip-directory'

/**
 * Workbooks saved again by another program (openpyxl, some online editors) point at their cell
 * notes with absolute part names ("/xl/comments/comment1.xml") where Excel and LibreOffice write
 * relative ones ("../comments1.xml"); exceljs looks notes up by the relative name only and fails on
 * the whole file. The readers never need notes (they read values), so the note relationships are
 * dropped from each sheet before exceljs sees the file. Files without notes are passed unchanged,
 * so the common case costs nothing.
 */
const NOTE_RELATIONSHIP =
  /<Relationship\b[^>]*\bType="[^"]*\/relationships\/(?:comments|vmlDrawing)"[^>]*\/>/g
const SHEET_RELATIONSHIPS = /^\/?xl\/worksheets\/_rels\/[^/]+\.rels$/

export function hasNotes(entries: readonly ZipEntry[]): boolean {
  return (
    entries.some((entry) => SHEET_RELATIONSHIPS.test(entry.name)) &&
    entries.some((entry) => /^\/?xl\/.*comments?\d*\.xml$/i.test(entry.name))
  )
}

export async function withoutNotes(buffer: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer)
  const sheetRelationships = Object.keys(zip.files).filter((name) => SHEET_RELATIONSHIPS.test(name))
  for (const name of sheetRelationships) {
    const xml = await zip.file(name)!.async('string')
    const stripped = xml.replace(NOTE_RELATIONSHIP, '')
    if (stripped !== xml) zip.file(name, stripped)
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
}
