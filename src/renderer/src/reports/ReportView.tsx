import type { ReactNode } from 'react'
import type { QuarterFigures } from '../../../shared/api'
import { formatDate, formatNumber } from '../format'
import { CorporationChart, TrendChart, WaitingChart, WijkChart } from './charts'
import { formatDays, formatDecimal, kpisOf, NO_VALUE, shareOrDash } from './kpis'
import { KpiTiles } from './KpiTiles'
import { shortQuarterLabel, type ReportPart } from './report-location'
import {
  BucketTable,
  CareProviderTable,
  CorporationTable,
  ReasonTable,
  TrendTable,
  WaitingTable,
  WijkTable,
} from './report-tables'

/** Sized for the paper: A4 portrait minus the margins is about 690 CSS pixels wide. */
const FULL = { width: 680, height: 250 }

const generatedFormat = new Intl.DateTimeFormat('nl-NL', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Amsterdam',
})

export function reportTitle(figures: QuarterFigures): string {
  return figures.period.kind === 'year'
    ? `Jaarrapportage ${figures.period.year}`
    : `Kwartaalrapportage ${figures.period.label}`
}

function Section({
  part,
  title,
  intro,
  children,
}: {
  part: ReportPart
  title: string
  intro?: ReactNode
  children: ReactNode
}) {
  const id = `rapport-${part}`
  return (
    <section id={id} className="report-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="report-heading">
        {title}
      </h3>
      {intro && <p className="report-intro">{intro}</p>}
      {children}
    </section>
  )
}

/** A table or chart that must not be cut by a page break. */
function Block({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <div className="report-block">
      {title && <h4 className="report-subheading">{title}</h4>}
      {children}
    </div>
  )
}

function SpreadingFacts({ spreading }: { spreading: QuarterFigures['spreading'] }) {
  const { intensive, others, stop, complexesAtStop } = spreading
  const of = (g: typeof intensive) =>
    g.placed === 0
      ? NO_VALUE
      : `${shareOrDash(g.share)} (${formatNumber(g.inSpared)} van ${formatNumber(g.placed)})`
  return (
    <Facts
      items={[
        ['Intensieve begeleiding in ontziene wijken', of(intensive)],
        ['Overige cliënten in ontziene wijken', of(others)],
        ['Stop per complex', `${stop.placements} plaatsingen in ${stop.years} jaar`],
        [
          'Complexen op of over de stop',
          complexesAtStop.length === 0
            ? 'geen'
            : complexesAtStop.map((c) => `${c.complex} (${c.placements})`).join(', '),
        ],
      ]}
    />
  )
}

function Facts({ items }: { items: readonly [string, string][] }) {
  return (
    <dl className="report-facts">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}

interface ReportViewProps {
  figures: QuarterFigures
  officer: string
}

/**
 * The quarterly (or yearly) report as managers read it (domain.md §4). The same markup is the
 * screen view and the print view: report.css lays it out for A4 under @media print.
 */
export function ReportView({ figures, officer }: ReportViewProps) {
  const { period, totals, waiting, rounds, instroom, vacancy } = figures
  const title = reportTitle(figures)
  const isYear = period.kind === 'year'
  const instroomGap =
    instroom.share == null || instroom.target == null ? null : instroom.share - instroom.target

  return (
    <article className="report" aria-labelledby="report-title">
      <header className="report-title-block">
        <p className="report-org">Het Vierde Huis · Uitstroom en instroom MO/BW, Utrecht</p>
        <h2 id="report-title" className="report-title">
          Het Vierde Huis — {title}
        </h2>
        <p className="report-meta">
          Periode {formatDate(period.startsOn)} t/m {formatDate(period.endsOn)} · opgesteld{' '}
          {generatedFormat.format(new Date(figures.generatedAt))} door {officer || 'onbekend'}
        </p>
      </header>

      <Section
        part="kerncijfers"
        title="Kerncijfers"
        intro={
          <>
            Wachttijd telt van aanmelding tot aanbieding. De taakstelling naar rato is het quotum
            per corporatie{isYear ? ', opgeteld over de kwartalen' : ' voor dit kwartaal'}
            {figures.target
              ? `; de jaartaakstelling ${period.year} is ${formatNumber(figures.target.target)} woningen.`
              : '.'}
          </>
        }
      >
        <KpiTiles kpis={kpisOf(figures)} label={`Kerncijfers ${period.label}`} />
      </Section>

      <Section
        part="corporaties"
        title="Per corporatie"
        intro="Ingediende woningen naast het quotum, en wat er met die woningen gebeurde. Leegstand: dagen van indiening tot toewijzing."
      >
        <Block>
          <CorporationChart
            corporations={figures.corporations}
            series={['quota', 'submitted', 'allocated']}
            size={FULL}
            title="Realisatie per corporatie: quotum, ingediend en toegewezen"
          />
        </Block>
        <Block>
          <CorporationTable figures={figures} />
        </Block>
      </Section>

      <Section
        part="zorgaanbieders"
        title="Per zorgaanbieder"
        intro={`Aangemelde, voorgedragen en toegewezen kandidaten naast het contingent${isYear ? '' : ' (een kwart van het jaarcontingent)'}.`}
      >
        <Block>
          <CareProviderTable figures={figures} />
        </Block>
      </Section>

      <Section
        part="wachttijd"
        title="Wachttijd tot aanbieding"
        intro={
          waiting.overall.count === 0
            ? 'In deze periode is nog niemand een woning aangeboden.'
            : `${formatNumber(waiting.overall.count)} aanbiedingen; mediaan ${formatDays(waiting.overall.median)}, 75e percentiel ${formatDays(waiting.overall.p75)}, ${shareOrDash(waiting.overall.within91)} binnen 91 dagen (de ambitie: iedereen binnen drie maanden).`
        }
      >
        <Block>
          <WaitingChart
            buckets={waiting.buckets}
            size={FULL}
            countWord="aanbiedingen"
            title="Aanbiedingen naar wachttijd (dagen van aanmelding tot aanbieding)"
          />
        </Block>
        <Block title="Verdeling">
          <BucketTable buckets={waiting.buckets} />
        </Block>
        <Block title="Per doelgroep">
          <WaitingTable
            caption="Wachttijd per doelgroep"
            groupHeader="Doelgroep"
            groups={waiting.byGroup}
            overall={waiting.overall}
            overallLabel="Alle doelgroepen"
          />
        </Block>
        <Block title="Per zorgaanbieder">
          <WaitingTable
            caption="Wachttijd per zorgaanbieder"
            groupHeader="Zorgaanbieder"
            groups={waiting.byProvider}
            overall={waiting.overall}
            overallLabel="Alle zorgaanbieders"
          />
        </Block>
      </Section>

      <Section
        part="rondes"
        title="Voordrachten, rondes en afwijzingen"
        intro="Hoe vaak de individuele match het knelpunt was: voordrachten die de corporatie geheel afwees, tegen alle voordrachten waarover zij besliste."
      >
        <Block>
          <Facts
            items={[
              ['Voordrachten gedaan', formatNumber(rounds.presentedRounds)],
              ['Beslist door de corporatie', formatNumber(rounds.decided)],
              ['Met een gekozen kandidaat', formatNumber(rounds.chosen)],
              ['Geheel afgewezen', formatNumber(rounds.rejectedRounds)],
              ['Individuele match knelpunt', shareOrDash(rounds.bottleneckShare)],
              ['Te weinig in aanmerking', formatNumber(rounds.tooFewEligible)],
              ['Kandidaten elders nodig', formatNumber(rounds.neededElsewhere)],
              ['Plaatsen beslist door balans', formatNumber(rounds.decidedByBalance)],
              ['Gemiddeld aantal rondes', formatDecimal(rounds.averageRounds)],
              [
                'Gekozen per ronde',
                rounds.byRound.length === 0
                  ? NO_VALUE
                  : rounds.byRound
                      .map((r) => `ronde ${r.round}: ${formatNumber(r.count)}`)
                      .join(', '),
              ],
              ['Kandidaten met “geen match”', formatNumber(rounds.rejections)],
            ]}
          />
        </Block>
        <Block title="Redenen bij “geen match”">
          <ReasonTable figures={figures} />
        </Block>
      </Section>

      <Section part="instroom" title="Instroom">
        <Block>
          <Facts
            items={[
              ['Toewijzingen', formatNumber(instroom.allocated)],
              ['Waarvan instroom', formatNumber(instroom.instroom)],
              ['Aandeel instroom', shareOrDash(instroom.share)],
              ['Doel', shareOrDash(instroom.target)],
              [
                'Verschil met het doel',
                instroomGap == null
                  ? NO_VALUE
                  : `${instroomGap >= 0 ? '+' : '−'}${formatDecimal(Math.abs(instroomGap) * 100)} %-punt`,
              ],
            ]}
          />
        </Block>
      </Section>

      <Section
        part="spreiding"
        title="Spreiding over de wijken"
        intro="Het aandeel van elke wijk in de toewijzingen naast haar norm: haar aandeel in de sociale huurvoorraad, verlaagd waar veel sociale huur staat en waar eerder veel is geplaatst. Ontziene wijken hebben een norm onder hun aandeel in de voorraad. Een positief verschil: meer dan de norm."
      >
        <Block>
          <WijkChart
            wijken={figures.wijken}
            size={{ width: 680, height: 270 }}
            title="Toewijzingen naast norm en voorraad per wijk (%)"
          />
        </Block>
        <Block>
          <WijkTable figures={figures} />
        </Block>
        <Block>
          <SpreadingFacts spreading={figures.spreading} />
        </Block>
      </Section>

      <Section
        part="leegstand"
        title="Leegstand"
        intro="Dagen van indiening van een woning tot haar toewijzing: zo lang wacht de corporatie op een huurder."
      >
        <Block>
          <Facts
            items={[
              ['Toegewezen woningen', formatNumber(vacancy.count)],
              ['Mediaan', formatDays(vacancy.median)],
              ['75e percentiel', formatDays(vacancy.p75)],
              ['Gemiddeld', formatDays(vacancy.mean == null ? null : Math.round(vacancy.mean))],
              ['Langst', formatDays(vacancy.max)],
              ['Ingetrokken woningen', formatNumber(totals.withdrawn)],
            ]}
          />
        </Block>
      </Section>

      {figures.trend.length > 0 && (
        <Section part="trend" title="Per kwartaal">
          <Block>
            <TrendChart
              points={figures.trend.map((t) => ({
                label: shortQuarterLabel(t.key),
                allocated: t.allocated,
                quota: t.quota,
                within91: t.within91,
              }))}
              size={FULL}
              title="Toewijzingen en aandeel binnen 91 dagen per kwartaal"
            />
          </Block>
          <Block>
            <TrendTable figures={figures} />
          </Block>
        </Section>
      )}

      <footer className="report-footer">
        {title} · Het Vierde Huis · wachtlijst bij het opstellen:{' '}
        {formatNumber(totals.waitingListNow)} kandidaten
      </footer>
    </article>
  )
}
