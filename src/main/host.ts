import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { ApiErrorCode, ApiResult } from '../shared/api'
import { CHANGE_EVENTS_PATH, type ChangeNote } from '../shared/change-note'
import type { Invoke } from './api/dispatch'

/**
 * The same API contract over HTTP on 127.0.0.1, serving the built renderer beside it. It exists so
 * the real renderer and the real services can be used and tested in a browser without Electron.
 */
export interface HostOptions {
  routes: Map<string, Invoke>
  rendererDir: string
  port?: number
  /** Request bodies above this get a 413; the default fits an uploaded Excel file as base64. */
  maxBodyBytes?: number
  /** Committed steps' notes, streamed to the page (runtime.changes); without it there is no stream. */
  changes?: { subscribe(listener: (note: ChangeNote) => void): () => void }
  /** How often an idle event stream gets a comment line, so a dead connection is noticed. */
  heartbeatMs?: number
}

export interface RunningHost {
  url: string
  port: number
  close(): Promise<void>
}

/** Room for a 20 MB Excel file as base64 (see FilePayloadSchema) plus the JSON around it. */
const DEFAULT_MAX_BODY_BYTES = 30 * 1024 * 1024

const STATUS: Record<ApiErrorCode, number> = {
  'invalid-input': 400,
  'not-found': 404,
  conflict: 409,
  internal: 500,
  forbidden: 403,
  'too-large': 413,
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

/**
 * The body as text, or null when it is larger than the limit. The rest of an oversized body is
 * read and dropped rather than the connection cut, so the caller gets the Dutch 413 instead of a
 * reset.
 */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) chunks.push(chunk)
    })
    req.on('end', () =>
      resolvePromise(size > limit ? null : Buffer.concat(chunks).toString('utf8')),
    )
    req.on('error', reject)
  })
}

const CROSS_SITE =
  'Geweigerd: deze aanvraag komt niet van de app zelf maar van een andere website of pagina. Er is niets gewijzigd.'

/**
 * Why an API call must be refused before anything is read, or null. Any web page the officer opens
 * can send a request to 127.0.0.1; a browser marks where it came from (Origin, Sec-Fetch-Site), and
 * a form or a "simple" fetch cannot send `Content-Type: application/json` cross-site without a
 * CORS preflight, which this host never grants. Programs such as curl send neither header.
 */
function crossSiteRefusal(req: IncomingMessage, port: number): string | null {
  const foreign = foreignOrigin(req, port)
  if (foreign) return foreign
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
  if (type !== 'application/json')
    return 'Geweigerd: de API neemt alleen JSON aan (Content-Type: application/json). Er is niets gewijzigd.'
  return null
}

/** The browser's marks of a request from another site (see crossSiteRefusal), or null. */
function foreignOrigin(req: IncomingMessage, port: number): string | null {
  const origin = req.headers.origin
  if (
    origin !== undefined &&
    origin !== `http://127.0.0.1:${port}` &&
    origin !== `http://localhost:${port}`
  )
    return CROSS_SITE
  const site = req.headers['sec-fetch-site']
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return CROSS_SITE
  return null
}

/**
 * The change notes as Server-Sent Events (the page's EventSource): one `data:` line of JSON per
 * committed step. It only reads, so a GET; but what the officers do is not for other sites to
 * follow, so the same origin checks as the API (a cross-site EventSource also gets no CORS grant).
 */
function handleEvents(
  req: IncomingMessage,
  res: ServerResponse,
  options: HostOptions,
  port: number,
  streams: Set<ServerResponse>,
): void {
  if (req.method !== 'GET') return sendError(res, 'invalid-input', 'Gebruik GET voor de meldingen')
  const refusal = foreignOrigin(req, port)
  if (refusal) return sendError(res, 'forbidden', refusal)
  const { changes } = options
  if (!changes) return sendError(res, 'not-found', 'Deze host geeft geen meldingen door')
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/event-stream; charset=utf-8',
    Connection: 'keep-alive',
  })
  // After a dropped stream the browser asks again within 2 s.
  res.write('retry: 2000\n: verbonden\n\n')
  const stop = changes.subscribe((note) => res.write(`data: ${JSON.stringify(note)}\n\n`))
  const beat = setInterval(() => res.write(': \n\n'), options.heartbeatMs ?? 25_000)
  streams.add(res)
  res.on('close', () => {
    stop()
    clearInterval(beat)
    streams.delete(res)
  })
}

async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  options: HostOptions,
  channel: string,
  port: number,
) {
  if (req.method !== 'POST') return sendError(res, 'invalid-input', 'Gebruik POST voor de API')
  const refusal = crossSiteRefusal(req, port)
  if (refusal) return sendError(res, 'forbidden', refusal)
  const invoke = options.routes.get(channel)
  if (!invoke) return sendError(res, 'not-found', `Onbekende opdracht: ${channel}`)
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  const body = await readBody(req, limit)
  if (body === null)
    return sendError(
      res,
      'too-large',
      `De aanvraag is te groot (meer dan ${Math.ceil(limit / 1024 / 1024)} MB). Er is niets gewijzigd; kies een kleiner bestand.`,
    )
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
  let port = 0
  // Open event streams never end by themselves: the host ends them when it closes.
  const streams = new Set<ServerResponse>()
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
      handleApi(req, res, options, url.pathname.slice('/api/'.length), port).catch(
        (error: unknown) => {
          console.error(error)
          if (!res.headersSent) sendError(res, 'internal', 'Er ging iets mis in de host')
        },
      )
      return
    }
    if (url.pathname === CHANGE_EVENTS_PATH) return handleEvents(req, res, options, port, streams)
    serveStatic(res, options.rendererDir, url.pathname)
  })
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port
      resolvePromise({
        url: `http://127.0.0.1:${port}/`,
        port,
        close: () =>
          new Promise((done) => {
            server.close(() => done())
            for (const stream of streams) stream.end()
            // A page's EventSource asks again on its kept-alive connection: close those too.
            server.closeAllConnections()
          }),
      })
    })
  })
}
