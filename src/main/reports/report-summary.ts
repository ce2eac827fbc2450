import type { QuarterFigures } from '../../shared/api/report-figures'
import type { CellInput, Format, TableColumn } from './report-table'

/** One key figure on the Samenvatting sheet. */
export interface Kpi {
  label: string
  value: CellInput
  format: Format
  note: string
}

export const KPI_COLUMNS: TableColumn<Kpi>[] = [
  { header: 'Kengetal', width: 44, format: 'text', value: (k) => k.label },
  { header: 'Waarde', width: 14, format: (k) => k.format, value: (k) => k.value },
  { header: 'Toelichting', width: 80, format: 'text', value: (k) => k.note },
]

const isoDate = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`)

/**
 * The key figures managers read first (domain.md §4): supply against target, what was presented
 * and matched, waiting time against the three-month ambition, and how often the match failed.
 */
export function summaryKpis(f: QuarterFigures): Kpi[] {
  const t = f.totals
  const w = f.waiting.overall
  return [
    { label: 'Begin periode', value: isoDate(f.period.startsOn), format: 'date', note: '' },
    { label: 'Einde periode', value: isoDate(f.period.endsOn), format: 'date', note: '' },
    { label: 'Gemaakt op', value: isoDate(f.generatedAt), format: 'date', note: '' },
    {
      label: `Taakstelling ${f.period.year}`,
      value: f.target?.target ?? null,
      format: 'count',
      note: 'Woningen per jaar voor uitstroom en instroom MO/BW in de stad Utrecht',
    },
    {
      label: 'Quotum corporaties in de periode',
      value: t.quota,
      format: 'count',
      note: 'Naar rato van de sociale voorraad; per kwartaal inclusief een eventueel meegenomen tekort',
    },
    {
      label: 'Woningen ingediend',
      value: t.submitted,
      format: 'count',
      note: 'Zonder ingetrokken woningen',
    },
    { label: 'Ingediend t.o.v. quotum', value: t.submissionRate, format: 'percent', note: '' },
    { label: 'Woningen ingetrokken', value: t.withdrawn, format: 'count', note: '' },
    {
      label: 'Kandidaten voorgedragen',
      value: t.presentedCandidates,
      format: 'count',
      note: 'Voordrachten aan corporaties; wie voor twee woningen is voorgedragen telt twee keer',
    },
    {
      label: 'Verschillende cliënten voorgedragen',
      value: t.presentedClients,
      format: 'count',
      note: '',
    },
    {
      label: 'Woningen gematcht',
      value: t.matched,
      format: 'count',
      note: 'Corporatie koos een kandidaat',
    },
    {
      label: 'Woningen verhuurd',
      value: t.allocated,
      format: 'count',
      note: 'Aanbieding geaccepteerd, contract getekend',
    },
    {
      label: 'Realisatie (verhuurd t.o.v. quotum)',
      value: t.realisation,
      format: 'percent',
      note: '',
    },
    {
      label: 'Aanmeldingen in de periode',
      value: t.registered,
      format: 'count',
      note: 'Cliënten aangemeld door zorgaanbieders',
    },
    {
      label: 'Wachtenden op de peildatum',
      value: t.waitingListNow,
      format: 'count',
      note: 'Cliënten die wachten of zijn voorgedragen op het moment dat dit rapport is gemaakt',
    },
    {
      label: 'Eerste aanbiedingen in de periode',
      value: w.count,
      format: 'count',
      note: 'Cliënten die hun eerste aanbieding in de periode kregen; de wachttijd loopt van aanmelding tot die aanbieding',
    },
    { label: 'Mediane wachttijd tot aanbod (dagen)', value: w.median, format: 'decimal', note: '' },
    { label: '75e percentiel wachttijd (dagen)', value: w.p75, format: 'decimal', note: '' },
    {
      label: 'Aanbod binnen 91 dagen',
      value: w.within91,
      format: 'percent',
      note: 'Ambitie: iedere urgente kwetsbare cliënt binnen drie maanden een passend aanbod',
    },
    { label: 'Rondes voorgedragen', value: f.rounds.presentedRounds, format: 'count', note: '' },
    {
      label: 'Rondes geheel afgewezen',
      value: f.rounds.rejectedRounds,
      format: 'count',
      note: 'Geen van de kandidaten paste; Het Vierde Huis droeg nieuwe kandidaten voor',
    },
    {
      label: 'Individuele match als knelpunt',
      value: f.rounds.bottleneckShare,
      format: 'percent',
      note: 'Geheel afgewezen rondes t.o.v. alle rondes waarop de corporatie besloot',
    },
    {
      label: 'Woningen met te weinig in aanmerking',
      value: f.rounds.tooFewEligible,
      format: 'count',
      note: 'Minder kandidaten in aanmerking dan een voordracht telt: de individuele match knelt',
    },
    {
      label: 'Woningen met kandidaten elders nodig',
      value: f.rounds.neededElsewhere,
      format: 'count',
      note: 'Genoeg in aanmerking, maar nodig voor woningen waar minder kandidaten in aanmerking kwamen',
    },
    {
      label: 'Plaatsen beslist door balans',
      value: f.rounds.decidedByBalance,
      format: 'count',
      note: 'Voorgedragen dankzij verdeling zorgaanbieders of prioriteit doelgroep, binnen de ingestelde wachtdagen',
    },
    {
      label: 'Gemiddeld aantal rondes tot match',
      value: f.rounds.averageRounds,
      format: 'decimal',
      note: '',
    },
    {
      label: 'Aanbiedingen geweigerd',
      value: f.offers.declined,
      format: 'count',
      note: 'De volgende kandidaat kreeg de aanbieding pas na bevestiging door de corporatie',
    },
    {
      label: 'Eenmalige aanbieding benut',
      value: f.offers.oneTimeUsed,
      format: 'count',
      note: 'Uitstroomkandidaten die zonder geldige reden weigerden en van de lijst gingen (verder via WoningNet)',
    },
    {
      label: 'Aandeel instroom in verhuringen',
      value: f.instroom.share,
      format: 'percent',
      note: '',
    },
    { label: 'Doel aandeel instroom', value: f.instroom.target, format: 'percent', note: '' },
    ...spreadingKpis(f),
    {
      label: 'Mediane leegstand (dagen)',
      value: f.vacancy.median,
      format: 'decimal',
      note: 'Van indienen van de woning tot ingang van het huurcontract',
    },
    { label: 'Langste leegstand (dagen)', value: f.vacancy.max, format: 'count', note: '' },
  ]
}

/** Spreading: intensive support in spared wijken against the others, and the complexes at the stop. */
function spreadingKpis(f: QuarterFigures): Kpi[] {
  const { intensive, others, stop, complexesAtStop } = f.spreading
  const of = (g: typeof intensive) => `${g.inSpared} van ${g.placed} verhuringen`
  return [
    {
      label: 'Intensieve begeleiding in ontziene wijken',
      value: intensive.share,
      format: 'percent',
      note: `${of(intensive)}; ontziene wijken hebben een norm onder hun aandeel in de voorraad`,
    },
    {
      label: 'Overige cliënten in ontziene wijken',
      value: others.share,
      format: 'percent',
      note: of(others),
    },
    {
      label: 'Complexen op of over de stop',
      value: complexesAtStop.length,
      format: 'count',
      note:
        `Stop: ${stop.placements} plaatsingen in ${stop.years} jaar. ` +
        complexesAtStop.map((c) => `${c.complex} (${c.placements})`).join(', '),
    },
  ]
}
