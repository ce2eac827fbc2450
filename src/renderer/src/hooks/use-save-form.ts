import { useEffect, useRef, useState, type FormEvent } from 'react'
import { ApiError } from '../../../shared/api'
import {
  errorsFromApi,
  errorsFromIssues,
  type Checked,
  type FieldErrors,
} from '../components/form/field-errors'
import { submitOnEnter } from '../components/form/submit-on-enter'
import { dutchMessage } from '../errors'

type KeysOfType<V, T> = { [K in keyof V]-?: V[K] extends T ? K : never }[keyof V] & string

interface SaveFormOptions<V, I, R> {
  initial: V
  /** The shared schema's safeParse on the values as the API wants them: one definition of the rules. */
  check: (values: V) => Checked<I>
  save: (input: I) => Promise<R>
  onSaved: (result: R) => void
  /** Where the API nests the form's fields ("client" in clients:save), to find the field in its issues. */
  serverPrefix?: string
}

const CHECK_FIELDS = 'Nog niet opgeslagen: verbeter de velden met een melding.'

/**
 * State and submit for a form that saves through the API: values, one message per field (from the
 * shared schema first, then from the server), a form-level message, and focus on the first field to
 * fix. Issues for fields the form does not show are spelled out in the form-level message.
 */
export function useSaveForm<V extends object, I, R>({
  initial,
  check,
  save,
  onSaved,
  serverPrefix,
}: SaveFormOptions<V, I, R>) {
  const [values, setValues] = useState(initial)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string>()
  const [saving, setSaving] = useState(false)
  const [attempts, setAttempts] = useState(0)
  const formRef = useRef<HTMLFormElement>(null)

  // After a refused save, put the officer on the first field to fix.
  useEffect(() => {
    if (attempts === 0) return
    const form = formRef.current
    const invalid = form?.querySelector<HTMLElement>(
      '[data-invalid] :is(input, select, textarea):not([disabled])',
    )
    invalid?.focus()
  }, [attempts])

  function set<K extends keyof V>(field: K, value: V[K]) {
    setValues((current) => ({ ...current, [field]: value }))
    setErrors((current) => {
      if (current[field as string] === undefined) return current
      const rest = { ...current }
      delete rest[field as string]
      return rest
    })
  }

  /** Messages for fields that have no place in this form, so none is silently lost. */
  function summarize(fieldErrors: FieldErrors): string {
    const form = formRef.current
    const elsewhere = Object.entries(fieldErrors)
      .filter(([field]) => !form?.querySelector(`[data-field="${CSS.escape(field)}"]`))
      .map(([, message]) => message)
    return [CHECK_FIELDS, ...elsewhere].join(' ')
  }

  function refuse(fieldErrors: FieldErrors) {
    setErrors(fieldErrors)
    setFormError(summarize(fieldErrors))
    setAttempts((n) => n + 1)
  }

  async function submit(event?: FormEvent) {
    event?.preventDefault()
    if (saving) return
    const checked = check(values)
    if (!checked.success) {
      refuse(errorsFromIssues(checked.error.issues))
      return
    }
    setSaving(true)
    setErrors({})
    setFormError(undefined)
    try {
      const result = await save(checked.data)
      setSaving(false)
      onSaved(result)
    } catch (error) {
      setSaving(false)
      if (error instanceof ApiError && error.issues?.length) {
        refuse(errorsFromApi(error.issues, serverPrefix))
      } else {
        setFormError(dutchMessage(error))
      }
    }
  }

  /** Props for a text-valued field: `<TextField {...form.text('name')} label="Naam" />`. */
  function text(field: KeysOfType<V, string>) {
    return {
      name: field,
      value: values[field] as string,
      onChange: (value: string) => set(field, value as V[typeof field]),
      error: errors[field],
    }
  }

  function checkbox(field: KeysOfType<V, boolean>) {
    return {
      name: field,
      checked: values[field] as boolean,
      onChange: (checked: boolean) => set(field, checked as V[typeof field]),
      error: errors[field],
    }
  }

  return {
    values,
    set,
    errors,
    formError,
    saving,
    submit,
    text,
    checkbox,
    formProps: { ref: formRef, onSubmit: submit, onKeyDown: submitOnEnter, noValidate: true },
  }
}
