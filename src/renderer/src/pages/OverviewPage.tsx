import { lazy, Suspense } from 'react'
import { AnswersDue } from '../components/AnswersDue'
import type { DemoSummary } from '../../../shared/api'
import { quarterKey, quarterLabel, quarterOf } from '../../../shared/domain/quarter'
import { client } from '../api/client'
import { EmptyDatabase } from '../components/EmptyDatabase'
import { KeyFigure } from '../components/KeyFigure'
import { ErrorAlert, Loading, SuccessMessage } from '../components/Messages'
import { PageHeader } from '../components/PageHeader'
import { QuarterTable } from '../components/QuarterTable'
import { countOf } from '../format'
import { useAppInfo } from '../hooks/app-info'
import { useDataVersion } from '../hooks/data-version'
import { useAction } from '../hooks/use-action'
import { useApi } from '../hooks/use-api'
import { hrefOf } from '../routes'
import { isOverdue } from '../waiting-time'

// The dashboard's charts (recharts) load after the key figures: the first screen paints sooner.
const QuarterDashboard = lazy(() =>
  import('../dashboard/QuarterDashboard').then((m) => ({ default: m.QuarterDashboard })),
)

function demoLoadedMessage(summary: DemoSummary): string {
  return (
    `Demogegevens geladen: ${countOf(summary.corporations, 'corporatie', 'corporaties')}, ` +
    `${countOf(summary.careProviders, 'zorgaanbieder', 'zorgaanbieders')}, ` +
    `${countOf(summary.clients, 'kandidaat', 'kandidaten')} en ` +
    `${countOf(summary.dwellings, 'woning', 'woningen')} in ${countOf(summary.quarters.length, 'kwartaal', 'kwartalen')}.`
  )
}

export function OverviewPage() {
  const info = useAppInfo()
  const quarters = useApi(() => client.planning.listQuarters(), [])
  const waiting = useApi(() => client.clients.list({ status: 'wachtend' }), [])
  const { refreshAll } = useDataVersion()
  const demo = useAction()

  function loadDemo() {
    void demo.run(async () => {
      const loaded = await client.app.loadDemo({})
      refreshAll()
      return demoLoadedMessage(loaded)
    })
  }

  const current = quarterOf(new Date())
  const currentDwellings = quarters.data
    ? (quarters.data.find((q) => q.key === quarterKey(current))?.dwellings ?? 0)
    : undefined
  const overdue = waiting.data?.filter((c) => isOverdue(c.waitingDays)).length

  return (
    <>
      <PageHeader
        title="Overzicht"
        description="De stand van zaken: wie wacht er, en wat hebben de corporaties ingediend."
      />
      <SuccessMessage message={demo.message} />
      <ErrorAlert message={demo.error} />
      <ErrorAlert message={info.error ?? quarters.error ?? waiting.error} onRetry={refreshAll} />

      {!info.data ? (
        info.loading && <Loading />
      ) : info.data.isEmpty ? (
        <EmptyDatabase busy={demo.busy} onLoadDemo={loadDemo} />
      ) : (
        <>
          <section aria-labelledby="figures-title">
            <h2 id="figures-title" className="visually-hidden">
              Kerncijfers
            </h2>
            <div className="figures">
              <KeyFigure
                label="Wachtende kandidaten"
                value={waiting.data?.length}
                href={hrefOf('kandidaten')}
                note={overdue === undefined ? undefined : `waarvan ${overdue} langer dan 3 maanden`}
              />
              <KeyFigure
                label="Woningen dit kwartaal"
                value={currentDwellings}
                href={hrefOf('woningen')}
                note={quarterLabel(current)}
              />
              <KeyFigure
                label="Corporaties"
                value={info.data.counts.corporations}
                href={hrefOf('beheer')}
              />
              <KeyFigure
                label="Zorgaanbieders"
                value={info.data.counts.careProviders}
                href={`${hrefOf('beheer')}/zorgaanbieders`}
              />
            </div>
          </section>

          <AnswersDue />

          <Suspense fallback={<Loading label="Grafieken laden…" />}>
            <QuarterDashboard
              quarterKeys={quarters.data?.map((q) => q.key) ?? []}
              waitingDays={waiting.data?.map((c) => c.waitingDays)}
            />
          </Suspense>

          <section aria-labelledby="quarters-title" className="section">
            <h2 id="quarters-title">Ingediende woningen per kwartaal</h2>
            {quarters.data ? (
              quarters.data.length > 0 ? (
                <QuarterTable quarters={quarters.data} />
              ) : (
                <p className="muted">Er zijn nog geen kwartalen met ingediende woningen.</p>
              )
            ) : (
              quarters.loading && <Loading />
            )}
          </section>
        </>
      )}
    </>
  )
}
