/**
 * The ambition (domain.md §3): every urgent vulnerable client is offered a suitable dwelling within
 * three months of registration. Waiting longer than this is flagged in the UI.
 */
export const AMBITION_DAYS = 91

export function isOverdue(waitingDays: number): boolean {
  return waitingDays > AMBITION_DAYS
}
