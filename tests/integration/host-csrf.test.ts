// Single-store on purpose (SQLite): the loopback host refuses these requests before any store is read.
import type { SqliteStore } from '../../src/main/db/connection'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startHost, type RunningHost } from '../../src/main/host'
import { openRuntime, type Runtime } from '../../src/main/runtime'
import type { ClientRow } from '../../src/shared/api'
import { call } from '../support/call'
import { tableDigest } from '../support/db-digest'
import { TEST_ACTOR, useTempDir } from '../support/temp-db'

interface Reply {
  status: number
  body: string
}

/** A raw POST with exactly the headers given: what a browser sends for a form or a no-cors fetch. */
function post(host: RunningHost, channel: string, body: string, headers: Record<string, string>) {
  return new Promise<Reply>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: `/api/${channel}`,
        method: 'POST',
        headers: { Host: `127.0.0.1:${host.port}`, ...headers },
      },
      (res) => {
        let text = ''
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

const JSON_TYPE = { 'Content-Type': 'application/json' }

describe('the loopback host refuses cross-site requests', { timeout: 60_000 }, () => {
  const tempDir = useTempDir()
  let runtime: Runtime<SqliteStore> | undefined
  let host: RunningHost | undefined

  afterEach(async () => {
    await host?.close()
    runtime?.close()
  })

  /** Demo data with a one-month retention, so an anonymise that got through would change rows. */
  async function start(options: { maxBodyBytes?: number } = {}) {
    const dir = tempDir()
    const rendererDir = join(dir, 'renderer')
    mkdirSync(rendererDir)
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Het Vierde Huis</title>')
    runtime = await openRuntime(join(dir, 'csrf.db'), {
      context: { actor: TEST_ACTOR },
      startupTasks: false,
    })
    await call(runtime, 'demo:load', { seed: 7 })
    await call(runtime, 'privacy:saveSettings', { retentionMonths: 1 })
    host = await startHost({ routes: runtime.routes, rendererDir, ...options })
    const waiting = await call<ClientRow[]>(runtime, 'clients:list', { status: 'wachtend' })
    return { host, backupDir: join(dir, 'backups'), client: waiting[0]! }
  }

  const backupsIn = (folder: string) => {
    try {
      return readdirSync(folder).sort()
    } catch {
      return []
    }
  }

  it('refuses every kind of cross-site write with a Dutch 403, changing nothing', async () => {
    const { host, backupDir, client } = await start()
    const digest = tableDigest(runtime!.store.sqlite)
    const backups = backupsIn(backupDir)
    const officer = JSON.stringify({ name: 'CSRF-aanvaller' })
    const erase = JSON.stringify({ clientId: client.id, reason: 'weg ermee' })
    const boundary = '----vierdehuis'
    const attempts: [string, string, Record<string, string>][] = [
      // A <form enctype="text/plain"> can carry a JSON-looking body; fetch(no-cors) too.
      ['app:setOfficer', officer, { 'Content-Type': 'text/plain' }],
      ['privacy:eraseClient', erase, { 'Content-Type': 'text/plain;charset=UTF-8' }],
      [
        'app:setOfficer',
        'name=CSRF-aanvaller',
        { 'Content-Type': 'application/x-www-form-urlencoded' },
      ],
      [
        'app:setOfficer',
        `--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\nCSRF-aanvaller\r\n--${boundary}--\r\n`,
        { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
      ],
      ['app:setOfficer', officer, {}],
      // JSON from a page on another origin (or a sandboxed frame: Origin null).
      ['app:setOfficer', officer, { ...JSON_TYPE, Origin: 'http://127.0.0.1:9999' }],
      ['app:setOfficer', officer, { ...JSON_TYPE, Origin: 'https://aanvaller.example' }],
      ['app:setOfficer', officer, { ...JSON_TYPE, Origin: 'null' }],
      ['privacy:eraseClient', erase, { ...JSON_TYPE, 'Sec-Fetch-Site': 'cross-site' }],
      // Another port on 127.0.0.1 is the same *site*, but not the same origin.
      ['app:setOfficer', officer, { ...JSON_TYPE, 'Sec-Fetch-Site': 'same-site' }],
      // The channels that need no input: an empty text/plain body must not count as {}.
      ['privacy:anonymise', '', { 'Content-Type': 'text/plain' }],
      ['backups:make', '', { 'Content-Type': 'text/plain' }],
      ['privacy:anonymise', '', { 'Content-Type': 'application/x-www-form-urlencoded' }],
      ['backups:make', '', { ...JSON_TYPE, 'Sec-Fetch-Site': 'cross-site' }],
    ]
    for (const [channel, body, headers] of attempts) {
      const reply = await post(host, channel, body, headers)
      expect(reply.status, `${channel} ${JSON.stringify(headers)}`).toBe(403)
      const error = (JSON.parse(reply.body) as { error: { code: string; message: string } }).error
      expect(error.code).toBe('forbidden')
      expect(error.message).toMatch(/^Geweigerd: .*Er is niets gewijzigd\.$/)
    }
    expect(tableDigest(runtime!.store.sqlite)).toEqual(digest)
    expect(backupsIn(backupDir)).toEqual(backups)
  })

  it('still serves its own page, and programs that send JSON without an Origin', async () => {
    const { host, backupDir } = await start()
    const digest = tableDigest(runtime!.store.sqlite)
    const own = await post(host, 'app:setOfficer', JSON.stringify({ name: 'Fatima' }), {
      'Content-Type': 'application/json; charset=utf-8',
      Origin: `http://127.0.0.1:${host.port}`,
      'Sec-Fetch-Site': 'same-origin',
    })
    expect(own.status).toBe(200)
    // curl and the tests: JSON, no browser headers. The same calls as above now do change data.
    expect((await post(host, 'privacy:anonymise', '', JSON_TYPE)).status).toBe(200)
    expect((await post(host, 'backups:make', '', JSON_TYPE)).status).toBe(200)
    expect(tableDigest(runtime!.store.sqlite)).not.toEqual(digest)
    expect(backupsIn(backupDir).length).toBeGreaterThan(0)
  })

  it('answers a body over the limit with a Dutch 413, not a reset connection', async () => {
    const { host } = await start({ maxBodyBytes: 1024 })
    const digest = tableDigest(runtime!.store.sqlite)
    const reply = await post(
      host,
      'app:setOfficer',
      JSON.stringify({ name: 'x'.repeat(200_000) }),
      JSON_TYPE,
    )
    expect(reply.status).toBe(413)
    expect(JSON.parse(reply.body).error.message).toMatch(/^De aanvraag is te groot/)
    expect(tableDigest(runtime!.store.sqlite)).toEqual(digest)
  })
})
