import type { CorporationRow } from '../../../../shared/api'
import { client } from '../../api/client'
import { formatShare } from '../../format'
import { useApi } from '../../hooks/use-api'
import { numberColumn, textColumn, yesNoColumn } from '../grid-columns'
import { CorporationForm } from './CorporationForm'
import { RecordListTab } from './RecordListTab'

type Row = CorporationRow & { stockShare: number | null }

const columns = [
  textColumn<Row>('Naam', (c) => c.name, { flex: 2 }),
  numberColumn<Row>('Sociale voorraad', (c) => c.socialStock, {
    flex: 1,
    headerTooltip:
      'Sociale huurwoningen in de stad Utrecht: de basis voor het aantal in te dienen woningen naar rato',
  }),
  numberColumn<Row>('Aandeel voorraad', (c) => c.stockShare, {
    flex: 1,
    valueFormatter: (p) => formatShare(p.value),
    headerTooltip:
      'Aandeel in de voorraad van alle actieve corporaties: zo wordt het quotum verdeeld',
  }),
  yesNoColumn<Row>('Actief', (c) => c.active, { flex: 1 }),
]

/** The stock share as the quarter plan uses it: over the active corporations only. */
function withShares(rows: CorporationRow[]): Row[] {
  const total = rows.filter((c) => c.active).reduce((sum, c) => sum + c.socialStock, 0)
  return rows.map((c) => ({
    ...c,
    stockShare: c.active && total > 0 ? c.socialStock / total : null,
  }))
}

export function CorporationsTab() {
  const corporations = useApi(() => client.partners.listCorporations().then(withShares), [])
  return (
    <RecordListTab
      label="Corporaties"
      list={corporations}
      columns={columns}
      height="auto"
      noRowsText="Nog geen corporaties vastgelegd"
      addLabel="Corporatie toevoegen"
      form={({ row, onClose, onSaved }) => (
        <CorporationForm
          corporation={row}
          onClose={onClose}
          onSaved={(saved) =>
            onSaved(`Corporatie ${saved.name} is ${row ? 'gewijzigd' : 'toegevoegd'}.`)
          }
        />
      )}
    />
  )
}
