import { formatShare } from '../../format'

/**
 * Submitted against quota as a short bar and a percentage. The bar only repeats the number, so it
 * is hidden from screen readers; a full bar is darker, so it does not rely on length alone.
 */
export function QuotaProgress({ submitted, quota }: { submitted: number; quota: number }) {
  if (quota === 0) return <span className="muted">geen quotum</span>
  const share = submitted / quota
  const done = share >= 1
  return (
    <span className="progress">
      <span className="progress-track" aria-hidden="true">
        <span
          className={done ? 'progress-bar progress-done' : 'progress-bar'}
          style={{ width: `${Math.min(1, share) * 100}%` }}
        />
      </span>
      <span className="progress-text">{formatShare(share)}</span>
    </span>
  )
}
