#!/usr/bin/env node
/**
 * Makes a fresh clone ready, so `npm start` and `npm test` need no other step:
 * installs the locked dependencies when they are missing or stale, and for the tests makes sure
 * a Chromium and a PostgreSQL server are there (Debian's, installed with apt-get when we are root).
 * Usage: node scripts/setup.mjs app|test
 */
import { execSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
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

/**
 * Debian packages the tests use: Chromium drives the UI; LibreOffice and openpyxl are independent
 * programs that open our workbooks as a corporation's office would; poppler renders PDFs to check.
 */
const TEST_PACKAGES = [
  { binary: '/usr/bin/chromium', pkg: 'chromium' },
  { binary: '/usr/bin/soffice', pkg: 'libreoffice-calc-nogui' },
  { binary: '/usr/bin/pdftotext', pkg: 'poppler-utils' },
  { binary: '/usr/lib/python3/dist-packages/openpyxl', pkg: 'python3-openpyxl' },
  // Calibri's metric twin: LibreOffice then lays out our workbooks as Excel does.
  {
    binary: '/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf',
    pkg: 'fonts-crosextra-carlito',
  },
]

/** Team mode is tested against a real server (tests/support/pg-cluster.ts): initdb under any version. */
const hasPostgresServer = () =>
  existsSync('/usr/lib/postgresql') &&
  readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`))

if (mode === 'test') {
  const missing = TEST_PACKAGES.filter(({ binary }) => !existsSync(binary)).map(({ pkg }) => pkg)
  if (!hasPostgresServer()) missing.push('postgresql')
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (missing.length > 0 && isRoot && existsSync('/usr/bin/apt-get')) {
    console.log(`Debian-pakketten voor de tests installeren: ${missing.join(', ')}…`)
    sh(`apt-get update -qq && apt-get install -y -qq ${missing.join(' ')}`, {
      DEBIAN_FRONTEND: 'noninteractive',
    })
  } else if (missing.length > 0) {
    console.warn(
      `Let op: ${missing.join(', ')} ontbreekt; installeer met apt-get (Chromium: anders gebruikt Playwright zijn eigen browser).`,
    )
  }
}
