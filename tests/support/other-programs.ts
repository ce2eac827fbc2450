import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Real third-party programs that open and save our workbooks, as a corporation's office does:
 * Debian's openpyxl and LibreOffice (`npm test` installs both when they are missing).
 */

/** Debian's python has openpyxl; a pyenv python first on PATH may not. */
const PYTHON = '/usr/bin/python3'

/** Opens the workbook in openpyxl, writes `rows` under the header of `sheet`, and saves it. */
export function fillWithOpenpyxl(
  file: Buffer,
  sheet: string,
  rows: Record<string, string | number | null>[],
): Buffer {
  return inTempDir((dir) => {
    const input = join(dir, 'in.xlsx')
    const output = join(dir, 'out.xlsx')
    writeFileSync(input, file)
    const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb[sys.argv[3]]
headers = [c.value for c in ws[1]]
for r, row in enumerate(json.loads(sys.argv[4]), start=3):
    for key, value in row.items():
        ws.cell(row=r, column=headers.index(key) + 1, value=value)
wb.save(sys.argv[2])
`
    execFileSync(PYTHON, ['-c', script, input, output, sheet, JSON.stringify(rows)])
    return readFileSync(output)
  })
}

/** Opens the workbook in LibreOffice Calc (headless) and saves it again as .xlsx. */
export function resaveWithLibreOffice(file: Buffer): Buffer {
  return inTempDir((dir) => {
    writeFileSync(join(dir, 'in.xlsx'), file)
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        join(dir, 'out'),
        join(dir, 'in.xlsx'),
      ],
      { stdio: 'ignore', timeout: 120_000 },
    )
    return readFileSync(join(dir, 'out', 'in.xlsx'))
  })
}

export interface PrintedPage {
  /** Points; A4 is 595 × 842 (or 842 × 595 in landscape). */
  width: number
  height: number
  /** The median height of the words on the page, in points: about 1.3 × the font size. */
  wordHeight: number
  text: string
  /** The PDF objects of the images drawn on the page: a chart cut in two shows on two pages. */
  images: number[]
}

/** The workbook as LibreOffice prints it: every page's size, typical text height and text. */
export function printWithLibreOffice(file: Buffer): PrintedPage[] {
  return inTempDir((dir) => {
    writeFileSync(join(dir, 'in.xlsx'), file)
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        join(dir, 'out'),
        join(dir, 'in.xlsx'),
      ],
      { stdio: 'ignore', timeout: 120_000 },
    )
    const pdf = join(dir, 'out', 'in.pdf')
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', pdf], { encoding: 'utf8' })
    const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols[2] === 'image')
      .map((cols) => ({ page: Number(cols[0]), object: Number(cols[10]) }))
    const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => ({
      width: Number(m[1]),
      height: Number(m[2]),
    }))
    return sizes.map((size, i) => {
      const page = String(i + 1)
      const boxes = execFileSync('pdftotext', ['-bbox', '-f', page, '-l', page, pdf, '-'], {
        encoding: 'utf8',
      })
      const heights = [...boxes.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)]
        .map((m) => Number(m[2]) - Number(m[1]))
        .sort((a, b) => a - b)
      const text = execFileSync('pdftotext', ['-layout', '-f', page, '-l', page, pdf, '-'], {
        encoding: 'utf8',
      })
      return {
        ...size,
        wordHeight: heights[Math.floor(heights.length / 2)] ?? 0,
        text,
        images: images.filter((image) => image.page === i + 1).map((image) => image.object),
      }
    })
  })
}

/** A4 in either orientation, to the point. */
export function isA4(page: PrintedPage): boolean {
  const [short, long] = [page.width, page.height].sort((a, b) => a - b)
  return Math.round(short!) === 595 && Math.round(long!) === 842
}

function inTempDir<T>(work: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'vierde-huis-other-'))
  try {
    return work(dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
