/**
 * vitest globalSetup: a throwaway PostgreSQL cluster for the team-mode tests, so they run against
 * the real server, never a stand-in. initdb + pg_ctl in a temp folder, on a free port of 127.0.0.1
 * with a password (scram), its socket in the same folder; stopped and removed after the run.
 * Tests find it in VIERDE_HUIS_TEST_PG_URL (see pg-database.ts). Run as root (CI), the server runs
 * as the `postgres` user, since PostgreSQL refuses to run as root.
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const TEST_PG_URL_VARIABLE = 'VIERDE_HUIS_TEST_PG_URL'
const DEBIAN_ROOT = '/usr/lib/postgresql'

/** Debian installs each major version under /usr/lib/postgresql/<n>/bin; the newest wins. */
function postgresBin(): string {
  const versions = existsSync(DEBIAN_ROOT)
    ? readdirSync(DEBIAN_ROOT)
        .filter((v) => existsSync(join(DEBIAN_ROOT, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : []
  if (versions.length === 0) {
    throw new Error(
      'PostgreSQL ontbreekt: de tests voor teamgebruik draaien tegen een echte server. ' +
        'Installeer Debians PostgreSQL (`apt-get install postgresql`; `npm test` doet dat zelf als root ' +
        'via scripts/setup.mjs). Gezocht naar initdb in /usr/lib/postgresql/<versie>/bin.',
    )
  }
  return join(DEBIAN_ROOT, versions[0]!, 'bin')
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('geen poort')),
      )
    })
  })
}

export default async function startCluster(): Promise<() => void> {
  const bin = postgresBin()
  const isRoot = process.getuid?.() === 0
  const folder = mkdtempSync(join(tmpdir(), 'vierde-huis-pg-'))
  if (isRoot) chownSync(folder, ...postgresIds())
  const asServerUser = (program: string, args: string[]) =>
    isRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, program), ...args], {
          stdio: 'pipe',
        })
      : execFileSync(join(bin, program), args, { stdio: 'pipe' })

  const data = join(folder, 'data')
  const log = join(folder, 'server.log')
  const password = randomBytes(12).toString('hex')
  const passwordFile = join(folder, 'password')
  writeFileSync(passwordFile, password, { mode: 0o600 })
  if (isRoot) chownSync(passwordFile, ...postgresIds())
  asServerUser('initdb', [
    ...['-D', data, '-U', 'vierdehuis', `--pwfile=${passwordFile}`, '--auth=scram-sha-256'],
    // No fsync while building a throwaway cluster; C locale and UTF-8 as an IT department's default.
    ...['--no-sync', '--encoding=UTF8', '--locale=C'],
  ])
  const port = await freePort()
  const serverOptions = [
    `-p ${port}`,
    `-k ${folder}`,
    '-c listen_addresses=127.0.0.1',
    // Durability does not matter for a cluster removed after the run; speed on two cores does.
    '-c fsync=off -c synchronous_commit=off -c full_page_writes=off',
    // The three-desk test replays the steps in the order they committed (team-load.ts).
    '-c track_commit_timestamp=on',
  ].join(' ')
  try {
    asServerUser('pg_ctl', ['-D', data, '-l', log, '-w', '-o', serverOptions, 'start'])
  } catch (error) {
    const tail = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : ''
    rmSync(folder, { recursive: true, force: true })
    throw new Error(`De PostgreSQL-testserver start niet: ${String(error)}\n${tail}`)
  }
  process.env[TEST_PG_URL_VARIABLE] = `postgres://vierdehuis:${password}@127.0.0.1:${port}/postgres`

  return () => {
    try {
      asServerUser('pg_ctl', ['-D', data, '-m', 'immediate', 'stop'])
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  }
}

function postgresIds(): [number, number] {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }))
  return [id('-u'), id('-g')]
}
