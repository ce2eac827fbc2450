import type { YearTarget } from '../../../../shared/api'
import { client } from '../../api/client'
import { countOf, formatShare } from '../../format'
import { useApi } from '../../hooks/use-api'
import { numberColumn } from '../grid-columns'
import { RecordListTab } from './RecordListTab'
import { YearTargetForm } from './YearTargetForm'

/** The grid wants an id per row; the year is the key. */
type Row = YearTarget & { id: number }

const columns = [
  // No thousands separator in a year.
  numberColumn<Row>('Jaar', (t) => t.year, {
    flex: 1,
    valueFormatter: (p) => String(p.value ?? ''),
    sort: 'desc',
  }),
  numberColumn<Row>('Taakstelling (woningen)', (t) => t.target, { flex: 1, minWidth: 200 }),
  numberColumn<Row>('Waarvan inhaalslag', (t) => t.catchUpTarget, { flex: 1, minWidth: 160 }),
  numberColumn<Row>('Per kwartaal (ongeveer)', (t) => Math.round(t.target / 4), {
    flex: 1,
    minWidth: 200,
  }),
  numberColumn<Row>('Doel instroom', (t) => t.instroomShareTarget, {
    flex: 1,
    valueFormatter: (p) => formatShare(p.value),
  }),
]

export function YearTargetsTab() {
  const targets = useApi(
    () => client.planning.listYearTargets().then((rows) => rows.map((t) => ({ ...t, id: t.year }))),
    [],
  )
  const years = targets.data?.map((t) => t.year) ?? []
  const thisYear = new Date().getFullYear()
  const suggestedYear = years.includes(thisYear) ? Math.max(...years) + 1 : thisYear

  return (
    <RecordListTab
      label="Taakstelling per jaar"
      list={targets}
      columns={columns}
      height="auto"
      noRowsText="Nog geen taakstelling vastgelegd"
      addLabel="Taakstelling toevoegen"
      intro={
        <p className="tab-intro">
          De taakstelling is het aantal woningen dat de corporaties samen per jaar voordragen. Het
          kwartaaloverzicht op de pagina Woningen verdeelt het per kwartaal naar rato over de
          corporaties.
        </p>
      }
      form={({ row, onClose, onSaved }) => (
        <YearTargetForm
          target={row}
          takenYears={years}
          suggestedYear={suggestedYear}
          onClose={onClose}
          onSaved={(saved) =>
            onSaved(
              `Taakstelling ${saved.year} is opgeslagen: ${countOf(saved.target, 'woning', 'woningen')}, doel instroom ${formatShare(saved.instroomShareTarget)}.`,
            )
          }
        />
      )}
    />
  )
}
