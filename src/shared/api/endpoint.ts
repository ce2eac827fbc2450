import { z } from 'zod'

/** Zod speaks Dutch everywhere: the renderer's forms and main's validation give the same messages. */
z.config(z.locales.nl())

/** One call the renderer can make: its channel, the schema its input must pass and its result's shape. */
export interface Endpoint<
  C extends string = string,
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
> {
  channel: C
  input: I
  output: O
}

export function endpoint<C extends `${string}:${string}`, I extends z.ZodType, O extends z.ZodType>(
  channel: C,
  input: I,
  output: O,
): Endpoint<C, I, O> {
  return { channel, input, output }
}

export type InputOf<E extends Endpoint> = z.input<E['input']>
export type ParsedInputOf<E extends Endpoint> = z.output<E['input']>
export type ResultOf<E extends Endpoint> = z.output<E['output']>

export const NoInput = z.object({}).strict().default({})

export const API_ERROR_CODES = [
  'invalid-input',
  'not-found',
  'conflict',
  'internal',
  /** The loopback host refused a call that did not come from its own page (cross-site). */
  'forbidden',
  /** The loopback host refused a body above its limit. */
  'too-large',
] as const
export type ApiErrorCode = (typeof API_ERROR_CODES)[number]

export interface ApiIssue {
  /** Dotted path of the offending field, empty for the input as a whole. */
  path: string
  message: string
}

export interface ApiErrorBody {
  code: ApiErrorCode
  /** Dutch, for the officer to read. */
  message: string
  issues?: ApiIssue[]
}

/** What crosses the boundary: IPC and HTTP carry the same envelope, so errors keep their meaning. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody }

/** Thrown by services for expected failures; anything else is reported as an internal error. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: ApiIssue[],
  ) {
    super(message)
    this.name = 'ApiError'
  }

  toBody(): ApiErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
    }
  }
}

export function issuesFromZod(error: z.ZodError): ApiIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
}
