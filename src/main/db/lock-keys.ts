/**
 * The namespace (first key) of the transaction-level advisory locks of the workflow, two-key form:
 * `(BATCH_LOCK, <year * 10 + quarter>)` is held by the quarter's batch (a second batch on the same
 * quarter is refused), `(BATCH_LOCK, PLACEMENT_KEY)` by every step that places waiting clients on new
 * rounds (the batch too), so two of them never pick the same free client; and in shared mode by
 * every other step just before it commits (step-queue.ts), so no step commits while a new round
 * reads the waiting list and its balance. 'VHQB' in ASCII.
 */
export const BATCH_LOCK = 0x56485142
export const PLACEMENT_KEY = 0
