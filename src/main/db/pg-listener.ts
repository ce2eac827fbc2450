/**
 * Team mode: one dedicated connection per program, outside the pool, on `LISTEN vierde_huis`. Every
 * desk's committed step arrives here as a note (change-feed.ts), which bumps the caches'
 * generation and goes on to the screens. When the connection drops it is made again, with growing
 * pauses; notes sent meanwhile are lost, so the feed then treats everything as changed.
 */
import pg from 'pg'
import { parseWireNote, PG_CHANNEL, type ChangeFeed } from './change-feed'
import type { PgTarget } from './pg-url'

export interface ChangeListener {
  /** Resolves once the first attempt to connect has succeeded or failed (then it keeps trying). */
  readonly ready: Promise<void>
  /** Whether the connection is up and listening. */
  readonly listening: boolean
  /** The server process of the listening connection (tests end it to see the listener come back). */
  readonly backendPid: number | null
  close(): Promise<void>
}

/** Pauses before the next attempt after a failure; the last one repeats. */
const RETRY_MS = [250, 1_000, 2_000, 5_000, 10_000]

export function listenForChanges(
  target: PgTarget,
  feed: ChangeFeed,
  options: { retryMs?: readonly number[]; applicationName?: string } = {},
): ChangeListener {
  const retryMs = options.retryMs ?? RETRY_MS
  let client: pg.Client | null = null
  let pid: number | null = null
  let closed = false
  let failures = 0
  let timer: NodeJS.Timeout | undefined

  function lost(which: pg.Client, error?: unknown): void {
    if (client !== which) return
    client = null
    pid = null
    feed.disconnected()
    if (closed) return
    console.warn(
      `Meldingen van andere bureaus: verbinding verbroken${error instanceof Error ? ` (${error.message})` : ''}; opnieuw verbinden…`,
    )
    which.end().catch(() => undefined)
    retry()
  }

  function retry(): void {
    if (closed) return
    const pause = retryMs[Math.min(failures, retryMs.length - 1)]!
    failures += 1
    timer = setTimeout(() => void connect(), pause)
  }

  async function connect(): Promise<void> {
    timer = undefined
    if (closed) return
    const next = new pg.Client({
      connectionString: target.url,
      application_name: options.applicationName ?? 'vierde-huis (meldingen)',
      connectionTimeoutMillis: 5_000,
      // A dead network is noticed by the operating system's keep-alive, not only a closed socket.
      keepAlive: true,
    })
    next.on('notification', (message) => {
      if (message.channel !== PG_CHANNEL) return
      const note = parseWireNote(message.payload)
      if (note) feed.received(note)
    })
    next.on('error', (error) => lost(next, error))
    next.on('end', () => lost(next))
    try {
      await next.connect()
      await next.query(`LISTEN ${PG_CHANNEL}`)
      const { rows } = await next.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')
      if (closed) {
        await next.end()
        return
      }
      client = next
      pid = rows[0]!.pid
      failures = 0
      feed.connected()
    } catch (error) {
      if (failures === 0)
        console.warn(
          `Meldingen van andere bureaus: nog geen verbinding (${error instanceof Error ? error.message : String(error)}); de schermen volgen andere bureaus zodra die er is.`,
        )
      next.removeAllListeners('end')
      next.on('error', () => undefined)
      await next.end().catch(() => undefined)
      retry()
    }
  }

  const ready = connect()
  return {
    ready,
    get listening() {
      return client !== null
    },
    get backendPid() {
      return pid
    },
    async close() {
      closed = true
      if (timer) clearTimeout(timer)
      await ready
      const open = client
      client = null
      pid = null
      feed.disconnected()
      await open?.end().catch(() => undefined)
    },
  }
}
