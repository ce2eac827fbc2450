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

function inTempDir<T>(work: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'vierde-huis-other-'))
  try {
    return work(dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
