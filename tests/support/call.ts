import type { APIRequestContext } from '@playwright/test'
import type { Runtime } from '../../src/main/runtime'

/** One API call straight on the runtime's routes, as IPC and the host make it; throws its Dutch message. */
export async function call<T>(runtime: Runtime, channel: string, input: unknown = {}): Promise<T> {
  const result = await runtime.routes.get(channel)!(input)
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code })
  return result.data as T
}

/** The same call over the loopback host, from an e2e test (the page's own request context). */
export async function callHost<T>(
  request: APIRequestContext,
  channel: string,
  data: object,
): Promise<T> {
  const response = await request.post(`/api/${channel}`, { data })
  const body = (await response.json()) as { ok: boolean; data: T; error?: { message: string } }
  if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`)
  return body.data
}
