#!/usr/bin/env node
/**
 * Builds better-sqlite3 for Electron's ABI into .native/electron/, beside (not over) the Node build
 * in node_modules that vitest and the host use. The main process loads it through `nativeBinding`.
 * Needs internet (Electron's headers or a prebuilt binary), as `npm start` does anyway.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8'),
).version
const sqliteVersion = JSON.parse(
  readFileSync(join(root, 'node_modules/better-sqlite3/package.json'), 'utf8'),
).version
const outDir = join(root, '.native/electron')
const stamp = join(outDir, 'stamp.json')
const wanted = JSON.stringify({ electronVersion, sqliteVersion, arch: process.arch })

if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) process.exit(0)

const work = join(root, '.native/build/better-sqlite3')
rmSync(work, { recursive: true, force: true })
cpSync(join(root, 'node_modules/better-sqlite3'), work, {
  recursive: true,
  filter: (source) => !source.includes(`${'better-sqlite3'}/build`),
})
// The machine's npm config may point node-gyp at Node's own headers; Electron needs its own.
const env = { ...process.env }
for (const key of Object.keys(env)) if (key.toLowerCase() === 'npm_config_nodedir') delete env[key]

const run = (command, args) => execFileSync(command, args, { cwd: work, env, stdio: 'inherit' })
console.log(`better-sqlite3 ${sqliteVersion} bouwen voor Electron ${electronVersion}…`)
try {
  run(process.execPath, [
    join(root, 'node_modules/prebuild-install/bin.js'),
    '--runtime=electron',
    `--target=${electronVersion}`,
    `--arch=${process.arch}`,
  ])
} catch {
  const gyp = env.npm_config_node_gyp ?? 'node-gyp'
  run(process.execPath, [
    gyp,
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${electronVersion}`,
    `--arch=${process.arch}`,
    '--dist-url=https://electronjs.org/headers',
  ])
}
mkdirSync(outDir, { recursive: true })
cpSync(join(work, 'build/Release/better_sqlite3.node'), join(outDir, 'better_sqlite3.node'))
writeFileSync(stamp, wanted)
console.log(`Klaar: ${join(outDir, 'better_sqlite3.node')}`)
