import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { runCli } from '../../src/main/cli/run'

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * The CLI run in the test's own process: the same argv, exit code and two streams as from a
 * shell, without starting Node and tsx again for every command (a second or more each).
 */
export async function cli(...args: string[]): Promise<CliResult> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  })
  return { code, stdout, stderr }
}

/** The CLI as support staff run it: a separate Node process, for what only a real process shows. */
export function spawnCli(...args: string[]): CliResult {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/main/cli/index.ts', ...args],
    { cwd: join(import.meta.dirname, '..', '..'), encoding: 'utf8' },
  )
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}
