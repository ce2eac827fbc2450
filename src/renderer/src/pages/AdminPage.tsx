import type { CareProviderRow, CorporationRow } from '../../../shared/api'
import { client } from '../api/client'
import { DataGrid } from '../components/DataGrid'
import { numberColumn, textColumn, yesNoColumn } from '../components/grid-columns'
import { ErrorAlert } from '../components/Messages'
import { PageHeader } from '../components/PageHeader'
import { formatShare } from '../format'
import { useApi } from '../hooks/use-api'

const corporationColumns = [
  textColumn<CorporationRow>('Naam', (c) => c.name, { flex: 2 }),
  numberColumn<CorporationRow>('Sociale voorraad', (c) => c.socialStock, {
    flex: 1,
    headerTooltip:
      'Sociale huurwoningen in de stad Utrecht: de basis voor het aantal in te dienen woningen naar rato',
  }),
  yesNoColumn<CorporationRow>('Actief', (c) => c.active, { flex: 1 }),
]

const careProviderColumns = [
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
]

export function AdminPage() {
  const corporations = useApi(() => client.listCorporations(), [])
  const careProviders = useApi(() => client.listCareProviders(), [])

  return (
    <>
      <PageHeader
        title="Beheer"
        description="De corporaties en zorgaanbieders waarmee Het Vierde Huis werkt."
      />
      <section aria-labelledby="corporations-title" className="section">
        <h2 id="corporations-title">Corporaties</h2>
        <ErrorAlert message={corporations.error} onRetry={corporations.reload} />
        <DataGrid
          label="Corporaties"
          rows={corporations.data}
          columns={corporationColumns}
          loading={corporations.loading}
          height="auto"
          noRowsText="Nog geen corporaties vastgelegd"
        />
      </section>
      <section aria-labelledby="care-providers-title" className="section">
        <h2 id="care-providers-title">Zorgaanbieders</h2>
        <ErrorAlert message={careProviders.error} onRetry={careProviders.reload} />
        <DataGrid
          label="Zorgaanbieders"
          rows={careProviders.data}
          columns={careProviderColumns}
          loading={careProviders.loading}
          height="auto"
          noRowsText="Nog geen zorgaanbieders vastgelegd"
        />
      </section>
    </>
  )
}
