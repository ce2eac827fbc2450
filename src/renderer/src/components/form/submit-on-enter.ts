import type { KeyboardEvent } from 'react'

/**
 * Enter submits from any control, not just text inputs: browsers do not submit a form on Enter in
 * a select or on a checkbox. Ctrl+Enter submits from a text area, where Enter is a new line.
 */
export function submitOnEnter(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key !== 'Enter' || event.defaultPrevented) return
  const target = event.target as HTMLElement
  const needsHelp =
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement && ['checkbox', 'radio'].includes(target.type)) ||
    (target instanceof HTMLTextAreaElement && (event.ctrlKey || event.metaKey))
  if (!needsHelp) return
  event.preventDefault()
  event.currentTarget.requestSubmit()
}
