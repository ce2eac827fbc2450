const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/** The controls in `root` that Tab can reach, in document order. */
export function focusables(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.getClientRects().length > 0,
  )
}

/**
 * The control Tab reaches after `element` (or before it, going back) when it is skipped as a
 * whole; past the end it wraps around, as the browser does.
 */
export function focusableBeyond(element: HTMLElement, backwards: boolean): HTMLElement | undefined {
  // Inside a modal dialog the page behind it is inert: stay within the dialog.
  const scope = element.closest('dialog') ?? document
  const outside = focusables(scope).filter((el) => !element.contains(el))
  const beyond = outside.filter((el) => {
    const position = element.compareDocumentPosition(el)
    return backwards
      ? position & Node.DOCUMENT_POSITION_PRECEDING
      : position & Node.DOCUMENT_POSITION_FOLLOWING
  })
  return backwards ? (beyond.at(-1) ?? outside.at(-1)) : (beyond[0] ?? outside[0])
}
