import {
  api,
  ApiError,
  type Api,
  type ApiResult,
  type Endpoint,
  type InputOf,
  type ResultOf,
} from '../../../shared/api'

async function overHttp(channel: string, input: unknown): Promise<ApiResult<unknown>> {
  const response = await fetch(`/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input ?? {}),
  })
  return (await response.json()) as ApiResult<unknown>
}

function transport(channel: string, input: unknown): Promise<ApiResult<unknown>> {
  return window.api ? window.api.invoke(channel, input) : overHttp(channel, input)
}

/** One call: the input may be left out only when its schema accepts nothing (it has a default). */
export type Call<E extends Endpoint> =
  undefined extends InputOf<E>
    ? (input?: InputOf<E>) => Promise<ResultOf<E>>
    : (input: InputOf<E>) => Promise<ResultOf<E>>

export type Client = {
  [D in keyof Api]: { [K in keyof Api[D]]: Api[D][K] extends Endpoint ? Call<Api[D][K]> : never }
}

async function call(channel: string, input: unknown): Promise<unknown> {
  const result = await transport(channel, input ?? {})
  if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.issues)
  return result.data
}

/**
 * The renderer's only way to the main process, by domain as the contract: `client.dwellings.list()`.
 * Inside Electron it goes through the preload bridge, in a browser through the loopback host;
 * callers cannot tell the difference. Failures throw an ApiError with a Dutch message.
 */
export const client = Object.fromEntries(
  Object.entries(api).map(([domain, endpoints]) => [
    domain,
    Object.fromEntries(
      Object.entries(endpoints).map(([name, { channel }]) => [
        name,
        (input?: unknown) => call(channel, input),
      ]),
    ),
  ]),
) as Client
