#!/usr/bin/env node
/**
 * `npm run electronegativity [folder]`: Doyensec's static checks of the Electron configuration over src/,
 * failing on any finding above LOW that is not suppressed below with its reason.
 * The tool itself exits 0 whatever it finds, so this reads its reports instead.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'

const root = new URL('..', import.meta.url).pathname
const require = createRequire(import.meta.url)

/**
 * Findings reviewed and accepted. Each must say why; a finding that moves to another file must be
 * reviewed again, so the file is part of the match.
 */
const SUPPRESSED = [
  {
    check: 'PRELOAD_JS_CHECK',
    file: 'main/window.ts',
    reason:
      'The preload (src/preload/index.ts) runs sandboxed with contextIsolation and exposes three ' +
      'functions through contextBridge: invoke, which forwards only the channels of the API ' +
      'contract, and savePdf and chooseFolder (src/main/window-bridge.ts); the main process ' +
      'validates every input with zod and checks the sender frame (src/main/ipc.ts).',
  },
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'main/index.ts',
    reason:
      'The URL is checked by isAllowedExternal right before the call: https only, and its origin ' +
      'must be on EXTERNAL_ALLOWLIST in src/main/window.ts (tested in tests/unit/electron-glue).',
  },
]

const ABOVE_LOW = new Set(['MEDIUM', 'HIGH', 'CRITICAL'])

const electronVersion = require('electron/package.json').version
const bin = join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js')
const outDir = mkdtempSync(join(tmpdir(), 'electronegativity-'))

/** Runs the tool over src/ (or the folder given) into `report`; its format follows the extension. */
function runTool(report) {
  // -e: the installed Electron, so version-dependent defaults are judged for the version we ship.
  const run = spawnSync(
    process.execPath,
    [
      bin,
      '-i',
      process.argv[2] ?? join(root, 'src'),
      '-r',
      '-v',
      'false',
      '-e',
      electronVersion,
      '-o',
      report,
    ],
    { cwd: root, encoding: 'utf8' },
  )
  try {
    return readFileSync(report, 'utf8')
  } catch {
    console.error(run.stdout, run.stderr)
    console.error('electronegativity gaf geen rapport; zie de uitvoer hierboven.')
    process.exit(1)
  }
}

const key = (check, file, line) => `${check} ${file}:${line}`

/**
 * The findings with their severity. The tool writes its CSV in two writes it does not order (the
 * header truncating the file, the rows appending), so on a busy machine the header can land on top
 * of the first rows: a CI run failed on that. Its SARIF report is one write but has no severity.
 * So the SARIF report says which findings there are, and a CSV that lists exactly those (made
 * again until it does) gives their severity.
 */
function findingsOfTool() {
  const sarif = JSON.parse(runTool(join(outDir, 'report.sarif')))
  const expected = sarif.runs[0].results
    .map((r) =>
      key(
        r.ruleId,
        r.locations[0].physicalLocation.artifactLocation.uri,
        r.locations[0].physicalLocation.region.startLine,
      ),
    )
    .sort()
  for (let attempt = 1; attempt <= 5; attempt++) {
    let records
    try {
      // Quoted fields hold commas and line breaks (descriptions, code snippets): a real CSV parser.
      records = parse(runTool(join(outDir, `report-${attempt}.csv`)), {
        columns: (header) => header.map((h) => h.trim().toLowerCase()),
        skip_empty_lines: true,
        trim: true,
      })
    } catch {
      continue
    }
    const findings = records.map((r) => ({
      check: r.issue,
      severity: String(r.severity).toUpperCase(),
      confidence: r.confidence,
      file: r.filename,
      location: r.location,
      description: r.description,
    }))
    // SARIF has no line 0: it writes line 1 for it.
    const listed = findings
      .map((f) => key(f.check, f.file, Math.max(1, Number(f.location.split(':')[0]))))
      .sort()
    if (JSON.stringify(listed) === JSON.stringify(expected)) return findings
  }
  console.error(
    'electronegativity gaf vijf keer een CSV-rapport dat niet klopt met zijn SARIF-rapport.',
  )
  process.exit(1)
}

try {
  const findings = findingsOfTool()
  const suppressedBy = (f) => SUPPRESSED.find((s) => s.check === f.check && s.file === f.file)
  const failing = findings.filter((f) => ABOVE_LOW.has(f.severity) && !suppressedBy(f))
  const line = (f) =>
    `  ${f.severity.padEnd(8)} ${f.check.padEnd(28)} ${f.file}:${f.location}  ${f.description}`

  console.log(`electronegativity (Electron ${electronVersion}): ${findings.length} bevinding(en)`)
  for (const f of findings.filter((f) => !ABOVE_LOW.has(f.severity)))
    console.log(`${line(f)}  [laag: toegestaan]`)
  for (const f of findings.filter(suppressedBy))
    console.log(`${line(f)}  [onderdrukt: ${suppressedBy(f).reason}]`)
  for (const s of SUPPRESSED.filter((s) => !findings.some((f) => suppressedBy(f) === s))) {
    console.log(
      `  let op: onderdrukking ${s.check} in ${s.file} wordt niet meer gebruikt; haal hem weg`,
    )
  }
  if (failing.length > 0) {
    console.error(`\n${failing.length} bevinding(en) boven LOW zonder verantwoording:`)
    for (const f of failing) console.error(line(f))
    // exitCode, not exit(): the finally below still removes the report.
    process.exitCode = 1
  } else {
    console.log('Geen bevindingen boven LOW zonder verantwoording.')
  }
} finally {
  rmSync(outDir, { recursive: true, force: true })
}
