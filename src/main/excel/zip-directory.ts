/**
 * Reads a zip's central directory (the index at the end of the file) without inflating anything.
 * exceljs inflates every part of a workbook into memory before parsing it, so a small file that
 * unpacks to gigabytes would stall the main process; the declared sizes let us refuse it first.
 * Format: PKWARE APPNOTE.TXT §4.3.12 (central directory header) and §4.3.16 (end record).
 */

export interface ZipEntry {
  name: string
  uncompressedSize: number
}

const END_OF_DIRECTORY = 0x06054b50
const DIRECTORY_HEADER = 0x02014b50
const END_RECORD_SIZE = 22
const MAX_COMMENT = 0xffff
/** ZIP64 archives mark sizes and offsets with all-ones; a template never needs them. */
const ZIP64_MARKER = 0xffffffff

/** The entries of a zip, or null when the bytes are not a readable zip. */
export function readZipDirectory(buffer: Buffer): ZipEntry[] | null {
  const endOffset = findEndRecord(buffer)
  if (endOffset < 0) return null
  const count = buffer.readUInt16LE(endOffset + 10)
  const directoryOffset = buffer.readUInt32LE(endOffset + 16)
  if (directoryOffset === ZIP64_MARKER || directoryOffset >= buffer.length) return null

  const entries: ZipEntry[] = []
  let offset = directoryOffset
  for (let i = 0; i < count; i++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== DIRECTORY_HEADER) return null
    const uncompressedSize = buffer.readUInt32LE(offset + 24)
    const nameLength = buffer.readUInt16LE(offset + 28)
    const extraLength = buffer.readUInt16LE(offset + 30)
    const commentLength = buffer.readUInt16LE(offset + 32)
    if (offset + 46 + nameLength > buffer.length) return null
    const name = buffer.toString('utf8', offset + 46, offset + 46 + nameLength)
    entries.push({
      name,
      uncompressedSize: uncompressedSize === ZIP64_MARKER ? Infinity : uncompressedSize,
    })
    offset += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

function findEndRecord(buffer: Buffer): number {
  const lowest = Math.max(0, buffer.length - END_RECORD_SIZE - MAX_COMMENT)
  for (let offset = buffer.length - END_RECORD_SIZE; offset >= lowest; offset--) {
    if (buffer.readUInt32LE(offset) === END_OF_DIRECTORY) return offset
  }
  return -1
}
