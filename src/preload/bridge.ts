import type { ApiResult } from '../shared/api/endpoint'

/** What the preload puts on `window.api`: shared by preload and the renderer's client. */
export interface Bridge {
  invoke(channel: string, input: unknown): Promise<ApiResult<unknown>>
}
