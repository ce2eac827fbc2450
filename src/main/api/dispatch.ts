import { z } from 'zod'
import {
  api,
  ApiError,
  endpointsOf,
  issuesFromZod,
  type Api,
  type ApiResult,
  type Contract,
  type DomainName,
  type Endpoint,
  type ParsedInputOf,
  type ResultOf,
} from '../../shared/api'
import { driverError, systemErrorText } from './system-errors'

export type Handler<E extends Endpoint> = (
  input: ParsedInputOf<E>,
) => ResultOf<E> | Promise<ResultOf<E>>

/** One handler per endpoint of a domain; the type makes a missing or misspelled one a compile error. */
export type EndpointHandlers<Endpoints extends Contract[string]> = {
  [K in keyof Endpoints]: Handler<Endpoints[K]>
}

/** One handler map per domain of a contract. */
export type HandlersOf<C extends Contract> = { [D in keyof C]: EndpointHandlers<C[D]> }
export type Handlers = HandlersOf<Api>
/** What src/main/api/domains/<domain>.ts returns. */
export type DomainHandlers<D extends DomainName> = Handlers[D]

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
  // Log the detail for support (the driver's own error: drizzle's wrapper would add the query's
  // parameters, client data); the officer reads a calm Dutch sentence, with what to do when known.
  console.error(`[${channel}]`, driverError(error))
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
 * input is validated by its schema before a service runs, whichever way it came in. Throws at
 * start-up when two endpoints share a channel or an endpoint has no handler.
 */
export function createDispatcher(handlers: Handlers): Map<string, Invoke> {
  return bindContract(api, handlers)
}

/** The same for any contract: a test binds one with a fault in it. */
export function bindContract<C extends Contract>(
  contract: C,
  handlers: HandlersOf<C>,
): Map<string, Invoke> {
  const routes = new Map<string, Invoke>()
  const byDomain = handlers as Record<
    string,
    Record<string, (input: unknown) => unknown> | undefined
  >
  for (const { domain, name, endpoint } of endpointsOf(contract)) {
    const { channel, input } = endpoint
    if (routes.has(channel)) {
      throw new Error(`Dubbel kanaal in het API-contract: ${channel} (ook ${domain}.${name})`)
    }
    const handler = byDomain[domain]?.[name]
    if (typeof handler !== 'function') {
      throw new Error(`Geen handler voor ${domain}.${name} (${channel})`)
    }
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
