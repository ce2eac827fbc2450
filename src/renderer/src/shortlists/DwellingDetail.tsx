import { useEffect, useRef, useState } from 'react'
import type { BoardRow, Candidate, DwellingMatching, Offer, PoolEntry } from '../../../shared/api'
import { WIJK } from '../../../shared/domain/vocabulary'
import { client } from '../api/client'
import { ErrorAlert, Loading, SuccessMessage } from '../components/Messages'
import { countOf, formatDate, formatEuro } from '../format'
import { useDataVersion } from '../hooks/data-version'
import { useAction } from '../hooks/use-action'
import { useApi } from '../hooks/use-api'
import { statusText } from './board-columns'
import { CurrentRound } from './CurrentRound'
import { AcceptOfferDialog } from './dialogs/AcceptOfferDialog'
import { ChooseDialog } from './dialogs/ChooseDialog'
import { DeclineOfferDialog } from './dialogs/DeclineOfferDialog'
import { RejectAllDialog } from './dialogs/RejectAllDialog'
import { RejectCandidateDialog } from './dialogs/RejectCandidateDialog'
import { SwapDialog } from './dialogs/SwapDialog'
import { WithdrawDialog } from './dialogs/WithdrawDialog'
import { OfferPanel } from './OfferPanel'
import { PoolPanel } from './PoolPanel'
import { ComplexStopPanel } from './ComplexStopPanel'
import { RoundHistory } from './RoundHistory'
import { Timeline } from './Timeline'
import { WhyNotBox } from './WhyNotBox'
import { activeRound, afterStep, openCandidates } from './words'

type OpenDialog =
  | { kind: 'swap'; candidate: Candidate; add?: PoolEntry }
  | { kind: 'choose' | 'reject'; candidate: Candidate }
  | { kind: 'accept' | 'decline'; offer: Offer }
  | { kind: 'rejectAll' | 'withdraw' }

/** Withdrawing is refused while an offer runs (the client's answer comes first) and after letting. */
const WITHDRAWABLE = new Set(['ingediend', 'in-voordracht', 'gematcht'])

function NoRound({ matching }: { matching: DwellingMatching }) {
  const latest = matching.rounds[0]
  if (matching.status === 'verhuurd') {
    const accepted = matching.offers.find((o) => o.outcome === 'geaccepteerd')
    return (
      <p className="sl-state sl-state-done">
        Verhuurd
        {accepted &&
          ` aan ${accepted.code}: de aanbieding is geaccepteerd op ${formatDate(accepted.respondedOn)}`}
        .
      </p>
    )
  }
  if (matching.status === 'ingetrokken')
    return (
      <p className="sl-state">
        De corporatie heeft deze woning ingetrokken. De reden staat in de tijdlijn.
      </p>
    )
  if (!latest)
    return (
      <p className="sl-state">
        Nog geen voordracht voor deze woning. Met “Voordrachten maken” bovenaan maakt u
        conceptvoordrachten voor alle open woningen van het kwartaal.
      </p>
    )
  return (
    <p className="sl-state">
      Ronde {latest.round} is afgesloten en er komt nu niemand anders in aanmerking. Met
      “Voordrachten maken” wordt het opnieuw geprobeerd, bijvoorbeeld na nieuwe aanmeldingen.
    </p>
  )
}

interface DwellingDetailProps {
  row: BoardRow
  /** Put focus on the heading when opened from the keyboard. */
  focusOnOpen: boolean
}

/**
 * One dwelling's matching: the round being worked on with its actions, the offer, earlier rounds,
 * the why-not box, the free pool and the timeline. Mounted per dwelling (keyed by its id).
 */
export function DwellingDetail({ row, focusOnOpen }: DwellingDetailProps) {
  const { refreshAll } = useDataVersion()
  const matching = useApi(
    () => client.shortlists.forDwelling({ dwellingId: row.dwellingId }),
    [row.dwellingId],
  )
  // A step answers with the new state at once; show it until the refetch after refreshAll lands.
  const [fresh, setFresh] = useState<{ data: DwellingMatching; stamp: unknown }>()
  const data = fresh && fresh.stamp === matching.data ? fresh.data : matching.data
  const [dialog, setDialog] = useState<OpenDialog>()
  // One message for the dwelling, from the last step: a one-click action here or a dialog.
  const action = useAction()
  const [steps, setSteps] = useState(0)
  const heading = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    if (focusOnOpen) heading.current?.focus()
  }, [focusOnOpen])
  // After a step its button may be gone: put the officer back at the top of the dwelling, where
  // the status message says what happened.
  useEffect(() => {
    if (steps > 0) heading.current?.focus()
  }, [steps])

  function done(result: DwellingMatching, text: string) {
    setDialog(undefined)
    setFresh({ data: result, stamp: matching.data })
    action.show(text)
    setSteps((n) => n + 1)
    refreshAll()
  }

  /** With the next step's sentence: a new round, the offer passed on, or nobody left. */
  function doneWith(result: DwellingMatching, text: string) {
    done(result, [text, afterStep(data, result)].filter(Boolean).join(' '))
  }

  function present(roundId: number, round: number) {
    void action.run(async () => {
      const result = await client.shortlists.present({ shortlistId: roundId })
      done(
        result,
        `Ronde ${round} is voorgedragen aan ${row.corporation}. Leg de keuze van de corporatie vast zodra die bekend is.`,
      )
    })
  }

  function open(next: OpenDialog) {
    action.clear()
    setDialog(next)
  }

  const round = data ? activeRound(data) : null
  const history = data ? data.rounds.filter((r) => r.id !== round?.id) : []
  const status = data?.status ?? row.status
  const reserves = round ? openCandidates(round).map((c) => c.code) : []
  const close = () => setDialog(undefined)

  return (
    <section className="sl-detail" aria-labelledby="sl-detail-title">
      <header className="sl-detail-head">
        <div>
          <h2 id="sl-detail-title" ref={heading} tabIndex={-1}>
            {row.address}
          </h2>
          <p className="muted">
            {row.corporation} · {WIJK.label(row.wijk)} · {countOf(row.rooms, 'kamer', 'kamers')} ·{' '}
            {formatEuro(row.netRent)} kale huur
          </p>
        </div>
        <div className="sl-detail-tools">
          <span className={`sl-status sl-status-${status}`}>
            {statusText({ status, shortlistStatus: round?.status ?? null })}
          </span>
        </div>
      </header>

      <SuccessMessage message={action.message} />
      <ErrorAlert message={action.error} />
      <ErrorAlert message={matching.error} onRetry={matching.reload} />
      {!data && matching.loading && <Loading label="Voordracht laden…" />}

      {data && (
        <>
          <OfferPanel
            offers={data.offers}
            busy={action.busy}
            onAccept={(offer) => open({ kind: 'accept', offer })}
            onDecline={(offer) => open({ kind: 'decline', offer })}
          />
          {round ? (
            <CurrentRound
              round={round}
              offers={data.offers}
              corporation={row.corporation}
              busy={action.busy}
              onPresent={() => present(round.id, round.round)}
              onRejectAll={() => open({ kind: 'rejectAll' })}
              onSwap={(candidate) => open({ kind: 'swap', candidate })}
              onChoose={(candidate) => open({ kind: 'choose', candidate })}
              onReject={(candidate) => open({ kind: 'reject', candidate })}
            />
          ) : (
            <NoRound matching={data} />
          )}
          <div className="sl-columns">
            <div className="sl-column">
              {status !== 'verhuurd' && status !== 'ingetrokken' && (
                <ComplexStopPanel dwellingId={row.dwellingId} />
              )}
              <WhyNotBox
                dwellingId={row.dwellingId}
                current={round}
                onSwap={(candidate, add) => open({ kind: 'swap', candidate, add })}
              />
              {status !== 'verhuurd' && status !== 'ingetrokken' && (
                <PoolPanel dwellingId={row.dwellingId} />
              )}
            </div>
            <div className="sl-column">
              <RoundHistory rounds={history} offers={data.offers} />
              <Timeline dwellingId={row.dwellingId} />
            </div>
          </div>
          {/* Last in the tab order: the rare step, after the work on the round. */}
          {WITHDRAWABLE.has(status) && (
            <footer className="sl-detail-foot">
              <button
                type="button"
                className="button button-small"
                onClick={() => open({ kind: 'withdraw' })}
                disabled={action.busy}
              >
                Woning intrekken…
              </button>
              <span className="muted">Als de corporatie de woning terugneemt.</span>
            </footer>
          )}
        </>
      )}

      {round && dialog?.kind === 'swap' && (
        <SwapDialog
          dwellingId={row.dwellingId}
          shortlistId={round.id}
          candidate={dialog.candidate}
          add={dialog.add}
          onClose={close}
          onDone={(result, added) =>
            done(
              result,
              `${dialog.candidate.code} is vervangen door ${added} (ronde ${round.round}).`,
            )
          }
        />
      )}
      {round && dialog?.kind === 'choose' && (
        <ChooseDialog
          shortlistId={round.id}
          candidate={dialog.candidate}
          corporation={row.corporation}
          address={row.address}
          onClose={close}
          onDone={(result) =>
            done(
              result,
              `${row.corporation} kiest ${dialog.candidate.code}; de eenmalige aanbieding is vastgelegd.`,
            )
          }
        />
      )}
      {round && dialog?.kind === 'reject' && (
        <RejectCandidateDialog
          shortlistId={round.id}
          round={round.round}
          candidate={dialog.candidate}
          onClose={close}
          onDone={(result) =>
            doneWith(result, `Geen match met ${dialog.candidate.code} vastgelegd.`)
          }
        />
      )}
      {round && dialog?.kind === 'rejectAll' && (
        <RejectAllDialog
          shortlist={round}
          corporation={row.corporation}
          onClose={close}
          onDone={(result) => doneWith(result, `Ronde ${round.round} is afgewezen.`)}
        />
      )}
      {dialog?.kind === 'accept' && (
        <AcceptOfferDialog
          offer={dialog.offer}
          flow={round?.candidates.find((c) => c.clientId === dialog.offer.clientId)?.flow}
          flipPossible={data?.flipPossible ?? false}
          onClose={close}
          onDone={(result) =>
            done(
              result,
              `${dialog.offer.code} heeft de aanbieding geaccepteerd; de woning is verhuurd.`,
            )
          }
        />
      )}
      {dialog?.kind === 'decline' && (
        <DeclineOfferDialog
          offer={dialog.offer}
          flow={round?.candidates.find((c) => c.clientId === dialog.offer.clientId)?.flow}
          corporation={row.corporation}
          reserves={reserves}
          onClose={close}
          onDone={(result) =>
            doneWith(result, `${dialog.offer.code} heeft de aanbieding geweigerd.`)
          }
        />
      )}
      {dialog?.kind === 'withdraw' && (
        <WithdrawDialog
          dwellingId={row.dwellingId}
          address={row.address}
          corporation={row.corporation}
          hasOpenRound={round !== null && round.status !== 'gekozen'}
          onClose={close}
          onDone={(result) => done(result, `De woning ${row.address} is ingetrokken.`)}
        />
      )}
    </section>
  )
}
