import { useId, useState, type FormEvent } from 'react'
import type { Candidate, PoolEntry, Shortlist } from '../../../shared/api'
import { TARGET_GROUP } from '../../../shared/domain/vocabulary'
import { client } from '../api/client'
import { ErrorAlert } from '../components/Messages'
import { countOf, formatNumber } from '../format'
import { useApi } from '../hooks/use-api'
import { formatPoints, openCandidates } from './words'

/** Reasons that only say the client is already on this dwelling's open round. */
const ON_THIS_ROUND = new Set(['available', 'earlier'])

/** The open candidate with the lowest score on the round: the one a better client would replace. */
function lowestOf(round: Shortlist | null): Candidate | undefined {
  if (!round) return undefined
  return openCandidates(round).reduce<Candidate | undefined>(
    (low, c) => (!low || c.score < low.score ? c : low),
    undefined,
  )
}

/**
 * For an eligible client who is not on the round: where they stand among the free clients, and
 * what the last one on the round scored; on a concept round, the swap is one click away.
 */
function Standing({
  entry,
  eligible,
  current,
  onSwap,
}: {
  entry: PoolEntry
  eligible: number
  current: Shortlist | null
  onSwap: (remove: Candidate, add: PoolEntry) => void
}) {
  const lowest = lowestOf(current)
  return (
    <>
      {entry.rank !== null && (
        <p>
          Plaats {formatNumber(entry.rank)} van {formatNumber(eligible)} vrije kandidaten in
          aanmerking
          {lowest ? (
            <>
              ; de laagste op de voordracht, <span className="sl-code">{lowest.code}</span>, heeft{' '}
              {formatPoints(lowest.score)} punten.
            </>
          ) : (
            '.'
          )}
        </p>
      )}
      {lowest && current?.status === 'concept' && (
        <p className="sl-whynot-swap">
          <button
            type="button"
            className="button button-small"
            onClick={() => onSwap(lowest, entry)}
          >
            Wisselen met {lowest.code}…
          </button>
        </p>
      )}
      {lowest && current && current.status !== 'concept' && (
        <p className="muted">
          Ronde {current.round} is al voorgedragen; wisselen kan alleen op een conceptvoordracht.
        </p>
      )}
    </>
  )
}

function Verdict({
  entry,
  eligible,
  current,
  onSwap,
}: {
  entry: PoolEntry
  eligible: number
  current: Shortlist | null
  onSwap: (remove: Candidate, add: PoolEntry) => void
}) {
  const onCurrent = current?.candidates.some(
    (c) => c.clientId === entry.clientId && c.decision !== 'geen-match',
  )
  const reasons = onCurrent ? entry.whyNot.filter((r) => !ON_THIS_ROUND.has(r.rule)) : entry.whyNot
  return (
    <>
      <p className="sl-verdict">
        {onCurrent ? (
          <>
            <strong>{entry.code}</strong> staat op de huidige voordracht (ronde {current?.round}).
          </>
        ) : entry.eligible ? (
          <>
            <strong>{entry.code}</strong> komt in aanmerking voor deze woning
            {entry.score !== null && <>, met {formatPoints(entry.score)} punten</>}.
          </>
        ) : (
          <>
            <strong>{entry.code}</strong> komt niet in aanmerking voor deze woning.
          </>
        )}
      </p>
      <p className="muted">
        {entry.careProvider} · {TARGET_GROUP.label(entry.targetGroup)} · wacht{' '}
        {countOf(entry.waitingDays, 'dag', 'dagen')}
      </p>
      {reasons.length > 0 && (
        <ul className="sl-reasons">
          {reasons.map((r) => (
            <li key={r.rule}>{r.reason}</li>
          ))}
        </ul>
      )}
      {entry.eligible && !onCurrent && (
        <Standing entry={entry} eligible={eligible} current={current} onSwap={onSwap} />
      )}
      {onCurrent && reasons.length === 0 && (
        <p className="muted">Verder voldoet {entry.code} aan alle regels voor deze woning.</p>
      )}
    </>
  )
}

/** "Why is this client not on the list?": type a code, see every rule they fail for this dwelling. */
export function WhyNotBox({
  dwellingId,
  current,
  onSwap,
}: {
  dwellingId: number
  current: Shortlist | null
  /** Replace `remove` on the concept round by the client asked about. */
  onSwap: (remove: Candidate, add: PoolEntry) => void
}) {
  const id = useId()
  const [typed, setTyped] = useState('')
  const [asked, setAsked] = useState<string>()
  const [inputError, setInputError] = useState<string>()
  const result = useApi(
    () =>
      asked ? client.shortlists.pool({ dwellingId, search: asked }) : Promise.resolve(undefined),
    [dwellingId, asked],
  )
  // After a failed request the previous answer is still there: only show one for this code.
  const answered = asked !== undefined && !result.loading && !result.error
  const entry = result.data?.entries.find((e) => e.code === asked)

  function submit(event: FormEvent) {
    event.preventDefault()
    const code = typed.trim().toUpperCase()
    if (!code) {
      // A new search clears the old answer, also when it is refused.
      setAsked(undefined)
      setInputError('Vul een kandidaatcode in, bijvoorbeeld K-2025-0042')
      return
    }
    setInputError(undefined)
    setTyped(code)
    setAsked(code)
  }

  return (
    <section className="sl-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Waarom niet?</h3>
      <p className="muted sl-panel-intro">
        Zoek een kandidaat op code en zie waarom die wel of niet voor deze woning in aanmerking
        komt.
      </p>
      <form className="sl-whynot-form" onSubmit={submit} noValidate>
        <label htmlFor={`${id}-code`}>Kandidaatcode</label>
        <input
          id={`${id}-code`}
          type="search"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          placeholder="K-2025-0042"
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
          aria-invalid={inputError ? true : undefined}
          aria-describedby={inputError ? `${id}-error` : undefined}
        />
        <button type="submit" className="button button-small">
          Controleren
        </button>
      </form>
      {inputError && (
        <p id={`${id}-error`} className="field-error">
          {inputError}
        </p>
      )}
      <ErrorAlert message={result.error} onRetry={result.reload} />
      <div className="sl-whynot-result" aria-live="polite">
        {answered && entry && result.data && (
          <Verdict
            entry={entry}
            eligible={result.data.eligible}
            current={current}
            onSwap={onSwap}
          />
        )}
        {answered && result.data && !entry && (
          <p className="sl-verdict">
            Geen kandidaat gevonden met code <strong>{asked}</strong>.
          </p>
        )}
      </div>
    </section>
  )
}
