import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'

/** A fresh folder per test for real SQLite files; removed afterwards. */
export function useTempDir(): () => string {
  const dirs: string[] = []
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'vierde-huis-test-'))
    dirs.push(dir)
    return dir
  }
}

export const FIXED_NOW = new Date('2026-11-23T09:00:00Z')
export const TEST_ACTOR = { officer: 'Test Medewerker', osUser: 'tester' }
