import type { CareProviderRow } from '../../../../shared/api'
import { yearlyContingent } from '../../../../shared/domain/contingent'
import { client } from '../../api/client'
import { formatShare } from '../../format'
import { useApi } from '../../hooks/use-api'
import { numberColumn, textColumn, yesNoColumn } from '../grid-columns'
import { CareProviderForm } from './CareProviderForm'
import { RecordListTab } from './RecordListTab'

const oneDecimal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 })

/** A care provider with its contingent this year in dwellings: as set, or from its percentage. */
type ProviderRow = CareProviderRow & {
  contingentThisYear: number | null
  year: number
  target: number | null
}

const columns = [
  textColumn<ProviderRow>('Naam', (p) => p.name, { flex: 2 }),
  // Stored as a share 0–1; shown as a percentage but filtered on the share itself.
  numberColumn<ProviderRow>('Contingent (%)', (p) => p.contingentShare, {
    flex: 1,
    valueFormatter: (p) => formatShare(p.value),
  }),
  numberColumn<ProviderRow>('Contingent (woningen)', (p) => p.contingentThisYear, {
    flex: 1,
    minWidth: 200,
    headerTooltip: 'Per jaar; bij een percentage berekend uit de taakstelling van dit jaar',
    valueFormatter: (p) => (p.value == null ? '' : oneDecimal.format(p.value as number)),
    tooltipValueGetter: (p) =>
      p.data && p.data.contingentDwellings === null && p.data.target !== null && p.value != null
        ? `${formatShare(p.data.contingentShare)} van de taakstelling ${p.data.year} (${p.data.target} woningen)`
        : undefined,
  }),
  textColumn<ProviderRow>('Contact', (p) => p.contact, { flex: 2 }),
  yesNoColumn<ProviderRow>('Actief', (p) => p.active, { flex: 1 }),
]

export function CareProvidersTab() {
  // The contingent in dwellings is shown for everyone, as the ranking and the report use it.
  const careProviders = useApi(async (): Promise<ProviderRow[]> => {
    const [providers, targets] = await Promise.all([
      client.partners.listCareProviders(),
      client.planning.listYearTargets(),
    ])
    const year = new Date().getFullYear()
    const target = targets.find((t) => t.year === year)?.target ?? null
    return providers.map((p) => ({
      ...p,
      contingentThisYear: yearlyContingent(p, target),
      year,
      target,
    }))
  }, [])
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
