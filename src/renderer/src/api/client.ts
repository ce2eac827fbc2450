import {
  api,
  ApiError,
  type Api,
  type ApiName,
  type ApiResult,
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

export type Client = {
  [K in ApiName]: (input?: InputOf<Api[K]>) => Promise<ResultOf<Api[K]>>
}

/**
 * The renderer's only way to the main process. Inside Electron it goes through the preload bridge,
 * in a browser through the loopback host; callers cannot tell the difference. Failures throw an
 * ApiError with a Dutch message.
 */
export const client = Object.fromEntries(
  (Object.keys(api) as ApiName[]).map((name) => [
    name,
    async (input?: unknown) => {
      const result = await transport(api[name].channel, input ?? {})
      if (!result.ok)
        throw new ApiError(result.error.code, result.error.message, result.error.issues)
      return result.data
    },
  ]),
) as Client
