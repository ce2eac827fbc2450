/** Announced at once by screen readers; always Dutch (see errors.ts). */
export function ErrorAlert({
  message,
  onRetry,
}: {
  message: string | undefined
  onRetry?: () => void
}) {
  if (!message) return null
  return (
    <div role="alert" className="message message-error">
      <span>{message}</span>
      {onRetry && (
        <button type="button" className="button button-small" onClick={onRetry}>
          Opnieuw proberen
        </button>
      )}
    </div>
  )
}

/** Polite announcement for completed actions. */
export function SuccessMessage({ message }: { message: string | undefined }) {
  if (!message) return null
  return (
    <div role="status" className="message message-success">
      {message}
    </div>
  )
}

export function Loading({ label = 'Gegevens laden…' }: { label?: string }) {
  return (
    <p role="status" className="loading">
      {label}
    </p>
  )
}
