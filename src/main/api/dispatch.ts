import { z } from 'zod'
import {
  api,
  ApiError,
  issuesFromZod,
  type Api,
  type ApiName,
  type ApiResult,
  type ParsedInputOf,
  type ResultOf,
} from '../../shared/api'
import { systemErrorText } from './system-errors'

export type Handler<E extends Api[ApiName]> = (
  input: ParsedInputOf<E>,
) => ResultOf<E> | Promise<ResultOf<E>>

/** One handler per endpoint; the type makes a missing or misspelled one a compile error. */
export type Handlers = { [K in ApiName]: Handler<Api[K]> }

export type Invoke = (raw: unknown) => Promise<ApiResult<unknown>>

function failure(error: unknown, channel: string): ApiResult<never> {
  if (error instanceof ApiError) return { ok: false, error: error.toBody() }
  if (error instanceof z.ZodError) {
    return {
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'De invoer is niet geldig',
        issues: issuesFromZod(error),
      },
    }
  }
  // Log the detail for support; the officer reads a calm Dutch sentence, with what to do when known.
  console.error(`[${channel}]`, error)
  const system = systemErrorText(error)
  if (system) return { ok: false, error: { code: 'internal', message: system } }
  return {
    ok: false,
    error: {
      code: 'internal',
      message:
        'Er ging iets mis bij het verwerken. Er is niets gewijzigd; probeer het opnieuw of neem contact op met beheer.',
    },
  }
}

/**
 * Binds the contract to handlers once; IPC and HTTP both register what this returns, so every
 * input is validated by its schema before a service runs, whichever way it came in.
 */
export function createDispatcher(handlers: Handlers): Map<string, Invoke> {
  const routes = new Map<string, Invoke>()
  for (const name of Object.keys(api) as ApiName[]) {
    const { channel, input } = api[name]
    const handler = handlers[name] as (input: unknown) => unknown
    routes.set(channel, async (raw) => {
      const parsed = input.safeParse(raw ?? undefined)
      if (!parsed.success) {
        const issues = issuesFromZod(parsed.error)
        const first = issues[0]
        const message = first
          ? `Ongeldige invoer${first.path ? ` bij ‘${first.path}’` : ''}: ${first.message}`
          : 'Ongeldige invoer'
        return { ok: false, error: { code: 'invalid-input', message, issues } }
      }
      try {
        return { ok: true, data: await handler(parsed.data) }
      } catch (error) {
        return failure(error, channel)
      }
    })
  }
  return routes
}
