#!/usr/bin/env node
/**
 * Makes a fresh clone ready, so `npm start` and `npm test` need no other step:
 * installs the locked dependencies when they are missing or stale, and for the tests makes sure
 * a Chromium is there (Debian's, installed with apt-get when we are root).
 * Usage: node scripts/setup.mjs app|test
 */
import { execSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const mode = process.argv[2] === 'app' ? 'app' : 'test'
const root = new URL('..', import.meta.url).pathname
const lockHash = () =>
  createHash('sha256')
    .update(readFileSync(join(root, 'package-lock.json')))
    .digest('hex')
const marker = join(root, 'node_modules', '.installed-lock-hash')
const sh = (command, env = {}) =>
  execSync(command, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })

if (!existsSync(marker) || readFileSync(marker, 'utf8') !== lockHash()) {
  console.log('Afhankelijkheden installeren…')
  // `npm install`, not `npm ci`: the lock file holds only the platform packages the registry
  // offered for this machine (rollup's, esbuild's), and `npm ci` refuses such a lock as out of sync.
  // With the lock present `npm install` installs exactly its versions.
  // Electron's binary comes from the internet, not the npm registry: the tests never need it.
  sh(
    'npm install --no-audit --no-fund',
    mode === 'test' ? { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } : {},
  )
  writeFileSync(marker, lockHash())
}

if (mode === 'test' && !existsSync('/usr/bin/chromium')) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log("Debian's Chromium installeren voor de end-to-end-tests…")
    sh('apt-get update -qq && apt-get install -y -qq chromium', {
      DEBIAN_FRONTEND: 'noninteractive',
    })
  } else {
    console.warn(
      'Let op: /usr/bin/chromium ontbreekt; Playwright gebruikt dan zijn eigen browser (npx playwright install chromium).',
    )
  }
}
