import type { APIRequestContext } from '@playwright/test'
import type { Runtime } from '../../src/main/runtime'

/** One API call straight on the runtime's routes, as IPC and the host make it; throws its Dutch message. */
export async function call<T>(runtime: Runtime, channel: string, input: unknown = {}): Promise<T> {
  const result = await runtime.routes.get(channel)!(input)
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code })
  return result.data as T
}

/**
 * The same call over the loopback host, from an e2e test (the page's own request context). One
 * retry on ECONNRESET (the only error Playwright retries): its client reuses a kept-alive
 * connection that the host may close as idle at that very moment (Node's 5 s), and then the
 * request never reached the host. Chromium itself retries such a request the same way.
 */
export async function callHost<T>(
  request: APIRequestContext,
  channel: string,
  data: object,
): Promise<T> {
  const response = await request.post(`/api/${channel}`, { data, maxRetries: 1 })
  const body = (await response.json()) as { ok: boolean; data: T; error?: { message: string } }
  if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`)
  return body.data
}
