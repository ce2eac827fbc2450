import type { CareProviderRow } from '../../../../shared/api'
import { client } from '../../api/client'
import { formatShare } from '../../format'
import { useApi } from '../../hooks/use-api'
import { numberColumn, textColumn, yesNoColumn } from '../grid-columns'
import { CareProviderForm } from './CareProviderForm'
import { RecordListTab } from './RecordListTab'

const columns = [
  textColumn<CareProviderRow>('Naam', (p) => p.name, { flex: 2 }),
  // Stored as a share 0–1; shown as a percentage but filtered on the share itself.
  numberColumn<CareProviderRow>('Contingent (%)', (p) => p.contingentShare, {
    flex: 1,
    valueFormatter: (p) => formatShare(p.value),
  }),
  numberColumn<CareProviderRow>('Contingent (woningen)', (p) => p.contingentDwellings, {
    flex: 1,
    minWidth: 200,
  }),
  textColumn<CareProviderRow>('Contact', (p) => p.contact, { flex: 2 }),
  yesNoColumn<CareProviderRow>('Actief', (p) => p.active, { flex: 1 }),
]

export function CareProvidersTab() {
  const careProviders = useApi(() => client.listCareProviders(), [])
  return (
    <RecordListTab
      label="Zorgaanbieders"
      list={careProviders}
      columns={columns}
      noRowsText="Nog geen zorgaanbieders vastgelegd"
      addLabel="Zorgaanbieder toevoegen"
      form={({ row, onClose, onSaved }) => (
        <CareProviderForm
          careProvider={row}
          onClose={onClose}
          onSaved={(saved) =>
            onSaved(`Zorgaanbieder ${saved.name} is ${row ? 'gewijzigd' : 'toegevoegd'}.`)
          }
        />
      )}
    />
  )
}
