import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { ApiErrorCode, ApiResult } from '../shared/api'
import type { Invoke } from './api/dispatch'

/**
 * The same API contract over HTTP on 127.0.0.1, serving the built renderer beside it. It exists so
 * the real renderer and the real services can be used and tested in a browser without Electron.
 */
export interface HostOptions {
  routes: Map<string, Invoke>
  rendererDir: string
  port?: number
  /** Request bodies above this are refused; large enough for an uploaded Excel file as base64. */
  maxBodyBytes?: number
}

export interface RunningHost {
  url: string
  port: number
  close(): Promise<void>
}

const STATUS: Record<ApiErrorCode, number> = {
  'invalid-input': 400,
  'not-found': 404,
  conflict: 409,
  internal: 500,
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
}

const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
}

function sendJson(res: ServerResponse, status: number, body: ApiResult<unknown>): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
}

function sendError(res: ServerResponse, code: ApiErrorCode, message: string): void {
  sendJson(res, STATUS[code], { ok: false, error: { code, message } })
}

function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        resolvePromise(null)
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  options: HostOptions,
  channel: string,
) {
  const invoke = options.routes.get(channel)
  if (!invoke) return sendError(res, 'not-found', `Onbekende opdracht: ${channel}`)
  if (req.method !== 'POST') return sendError(res, 'invalid-input', 'Gebruik POST voor de API')
  const body = await readBody(req, options.maxBodyBytes ?? 25 * 1024 * 1024)
  if (body === null) return sendError(res, 'invalid-input', 'De aanvraag is te groot')
  let input: unknown
  try {
    input = body.trim() === '' ? {} : JSON.parse(body)
  } catch {
    return sendError(res, 'invalid-input', 'De aanvraag is geen geldige JSON')
  }
  const result = await invoke(input)
  sendJson(res, result.ok ? 200 : STATUS[result.error.code], result)
}

function serveStatic(res: ServerResponse, rendererDir: string, urlPath: string): void {
  const root = resolve(rendererDir)
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return sendError(res, 'invalid-input', 'Ongeldig adres')
  }
  const requested = normalize(join(root, decoded))
  const inside = requested === root || requested.startsWith(root + sep)
  const isFile = inside && existsSync(requested) && statSync(requested).isFile()
  // Unknown paths get the app itself, so a reload on any screen works.
  const file = isFile ? requested : join(root, 'index.html')
  if (!existsSync(file)) {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' })
    res.end('De gebruikersinterface is nog niet gebouwd: voer eerst `npm run build` uit.')
    return
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
  })
  createReadStream(file).pipe(res)
}

export function startHost(options: HostOptions): Promise<RunningHost> {
  const server = createServer((req, res) => {
    // A path like `//x` would parse as a host name and throw: read it as a path on our origin.
    const url = URL.parse(`http://127.0.0.1${(req.url ?? '/').replace(/^\/+/, '/')}`)
    if (!url) return sendError(res, 'invalid-input', 'Ongeldig adres')
    // Only pages served by this host may call it: a foreign Host header means DNS rebinding.
    const hostHeader = req.headers.host ?? ''
    if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(hostHeader)) {
      return sendError(res, 'invalid-input', 'Alleen toegankelijk via 127.0.0.1')
    }
    if (url.pathname.startsWith('/api/')) {
      handleApi(req, res, options, url.pathname.slice('/api/'.length)).catch((error: unknown) => {
        console.error(error)
        if (!res.headersSent) sendError(res, 'internal', 'Er ging iets mis in de host')
      })
      return
    }
    serveStatic(res, options.rendererDir, url.pathname)
  })
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolvePromise({
        url: `http://127.0.0.1:${port}/`,
        port,
        close: () => new Promise((done) => server.close(() => done())),
      })
    })
  })
}
