import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readWorkbook } from '../support/excel-files'
import { copyDemo } from '../support/shared-files'
import { cli, spawnCli } from '../support/cli'

const SLOW = 300_000

describe('npm run cli -- simulate', () => {
  let dir: string
  let db: string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vierde-huis-sim-cli-'))
    db = join(dir, 'demo.db')
    await copyDemo(db)
  }, SLOW)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it(
    'writes the workbook for the current course and a scenario file, and refuses to overwrite',
    async () => {
      const scenarios = join(dir, 'scenarios.json')
      writeFileSync(scenarios, JSON.stringify([{ name: 'Voordracht van 4', shortlistSize: 4 }]))
      const out = join(dir, 'vooruitblik.xlsx')
      const args = [
        'simulate',
        '--db',
        db,
        '--quarters',
        '1',
        '--runs',
        '1',
        '--scenario',
        scenarios,
      ]
      const made = await cli(...args, '--out', out)
      expect(made.stderr).toContain('run 2 van 2')
      expect(made.code).toBe(0)
      expect(made.stdout).toMatch(
        /^Vooruitblik opgeslagen: .*vooruitblik\.xlsx \(2 scenario's × 1 runs × 2 kwartalen in/,
      )
      const workbook = await readWorkbook(readFileSync(out))
      expect(workbook.worksheets.map((w) => w.name)).toContain('Voordracht van 4')

      const again = await cli(...args, '--out', out)
      expect(again.code).toBe(1)
      expect(again.stderr).toContain('bestaat al. Kies een andere naam, of geef --force op')
    },
    SLOW,
  )

  it('refuses a bad scenario file or number with a Dutch line, writing nothing', async () => {
    const bad = join(dir, 'bad.json')
    writeFileSync(bad, JSON.stringify([{ name: 'x', shortlistSize: 0 }]))
    const out = join(dir, 'niets.xlsx')
    const refused = await cli('simulate', '--db', db, '--scenario', bad, '--out', out)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/^Fout: Scenariobestand .*bad\.json: 0\.shortlistSize: /)
    const runs = spawnCli('simulate', '--db', db, '--runs', 'veel', '--out', out)
    expect(runs.code).toBe(1)
    expect(runs.stderr).toContain(
      '--runs moet een heel getal van 1 tot en met 1000 zijn, niet "veel"',
    )
    expect(existsSync(out)).toBe(false)
  })
})
