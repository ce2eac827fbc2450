import type { SqliteStore } from '../../src/main/db/connection'
import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startHost, type RunningHost } from '../../src/main/host'
import { openRuntime, type Runtime } from '../../src/main/runtime'
import { TEST_ACTOR, useTempDir } from '../support/temp-db'

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

function call(
  host: RunningHost,
  path: string,
  options: { method?: string; body?: string; hostHeader?: string } = {},
) {
  return new Promise<Reply>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method: options.method ?? 'GET',
        headers: {
          Host: options.hostHeader ?? `127.0.0.1:${host.port}`,
          'Content-Type': 'application/json',
        },
      },
      (res) => {
        let body = ''
        res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

describe('the loopback host', () => {
  const tempDir = useTempDir()
  let runtime: Runtime<SqliteStore> | undefined
  let host: RunningHost | undefined

  afterEach(async () => {
    await host?.close()
    runtime?.close()
  })

  async function start() {
    const dir = tempDir()
    const rendererDir = join(dir, 'renderer')
    mkdirSync(join(rendererDir, 'assets'), { recursive: true })
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Het Vierde Huis</title>')
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
    writeFileSync(join(dir, 'geheim.txt'), 'niet serveren')
    runtime = await openRuntime(join(dir, 'host.db'), { context: { actor: TEST_ACTOR } })
    host = await startHost({ routes: runtime.routes, rendererDir })
    return host
  }

  it('listens on 127.0.0.1 only and serves the renderer with a strict CSP', async () => {
    const h = await start()
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    const page = await call(h, '/')
    expect(page.status).toBe(200)
    expect(page.body).toContain('Het Vierde Huis')
    expect(page.headers['content-security-policy']).toContain("default-src 'self'")
    const script = await call(h, '/assets/app.js')
    expect(script.headers['content-type']).toContain('text/javascript')
  })

  it('answers the app itself for any screen, so a reload works', async () => {
    const page = await call(await start(), '/woningen')
    expect(page.body).toContain('<title>Het Vierde Huis</title>')
  })

  it('survives odd paths such as // and a broken escape', async () => {
    const h = await start()
    expect((await call(h, '//')).status).toBe(200)
    expect((await call(h, '//evil.example/x')).status).toBe(200)
    expect((await call(h, '/%E0%A4%A')).status).toBeLessThan(500)
    expect((await call(h, '/api/app:info', { method: 'POST', body: '{}' })).status).toBe(200)
  })

  it('never serves a file outside the renderer folder', async () => {
    const h = await start()
    const reply = await call(h, '/..%2fgeheim.txt')
    expect(reply.body).not.toContain('niet serveren')
  })

  it('answers POST /api/<channel> with the JSON envelope', async () => {
    const reply = await call(await start(), '/api/app:info', { method: 'POST', body: '{}' })
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, data: { isEmpty: true } })
  })

  it('returns invalid input as 400 with a Dutch message, and writes nothing', async () => {
    const h = await start()
    const reply = await call(h, '/api/demo:load', { method: 'POST', body: '{"seed":-4}' })
    expect(reply.status).toBe(400)
    expect(JSON.parse(reply.body).error.message).toMatch(/^Ongeldige invoer/)
    expect(runtime!.store.sqlite.prepare('SELECT count(*) FROM corporations').pluck().get()).toBe(0)
  })

  it('returns broken JSON as 400', async () => {
    const reply = await call(await start(), '/api/app:info', { method: 'POST', body: '{niet json' })
    expect(reply.status).toBe(400)
    expect(JSON.parse(reply.body).error.message).toBe('De aanvraag is geen geldige JSON')
  })

  it('returns an unknown channel as 404 and a GET on the API as 400', async () => {
    const h = await start()
    expect((await call(h, '/api/geheim:lezen', { method: 'POST', body: '{}' })).status).toBe(404)
    expect((await call(h, '/api/app:info')).status).toBe(400)
  })

  it('refuses a request for a foreign host name (DNS rebinding)', async () => {
    const reply = await call(await start(), '/api/app:info', {
      method: 'POST',
      body: '{}',
      hostHeader: 'aanvaller.example:80',
    })
    expect(reply.status).toBe(400)
  })
})
