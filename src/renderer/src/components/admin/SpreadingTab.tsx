import { useState } from 'react'
import type { WijkFigureRow } from '../../../../shared/api'
import { WIJK, WIJK_FIGURE_SOURCE } from '../../../../shared/domain/vocabulary'
import { client } from '../../api/client'
import { formatShare } from '../../format'
import { useDataVersion } from '../../hooks/data-version'
import { useApi } from '../../hooks/use-api'
import { numberColumn, textColumn, yesNoColumn } from '../grid-columns'
import { SuccessMessage } from '../Messages'
import { RecordListTab } from './RecordListTab'
import { SpreadingSettingsForm } from './SpreadingSettingsForm'
import { WijkFigureForm } from './WijkFigureForm'

/** The grid wants an id per row; the wijk's place in the list is one. */
type Row = WijkFigureRow & { id: number }

const share = { valueFormatter: (p: { value: number | null }) => formatShare(p.value) }

// The norm and whether the wijk is spared first: what the officer looks for; then what it comes from.
const columns = [
  textColumn<Row>('Wijk', (w) => WIJK.label(w.wijk), { flex: 1, minWidth: 130 }),
  numberColumn<Row>('Norm', (w) => w.norm, { ...share, minWidth: 90 }),
  yesNoColumn<Row>('Ontzien', (w) => w.spared),
  numberColumn<Row>('Aandeel voorraad', (w) => w.stockShare, { ...share, minWidth: 130 }),
  numberColumn<Row>('Sociale huur in wijk', (w) => w.socialShare, { ...share, minWidth: 150 }),
  numberColumn<Row>('Sociale huurwoningen', (w) => w.socialStock, { minWidth: 160 }),
  numberColumn<Row>('Plaatsingen buiten de app', (w) => w.placements, { minWidth: 180 }),
  numberColumn<Row>('Plaatsingen in de app', (w) => w.appPlacements, { minWidth: 160 }),
  textColumn<Row>('Bron', (w) => WIJK_FIGURE_SOURCE.label(w.source), { flex: 1, minWidth: 200 }),
]

/**
 * Spreading over the city: the figures per wijk the norm is computed from, kept up to date by the
 * officer, and the weights and the stop per complex.
 */
export function SpreadingTab() {
  const overview = useApi(() => client.spreading.overview(), [])
  const { refreshAll } = useDataVersion()
  const [message, setMessage] = useState<string>()
  const wijken = {
    ...overview,
    data: overview.data?.wijken.map((w, index) => ({ ...w, id: index + 1 })),
  }

  return (
    <>
      <p className="tab-intro">
        Wijken met veel sociale huur en veel eerdere plaatsingen worden ontzien (Plan van aanpak
        2019). De norm van een wijk is het deel van de plaatsingen dat zij zou moeten krijgen: haar
        aandeel in de sociale voorraad, verlaagd waar de sociale huur geconcentreerd is en waar al
        veel is geplaatst. De uitleg met een rekenvoorbeeld staat in docs/matching.md.
      </p>
      <SuccessMessage message={message} />
      {overview.data && (
        <SpreadingSettingsForm
          key={JSON.stringify(overview.data.settings)}
          settings={overview.data.settings}
          onSaved={() => {
            setMessage(
              'De instellingen voor spreiding zijn opgeslagen; de normen zijn opnieuw berekend.',
            )
            refreshAll()
          }}
        />
      )}
      <RecordListTab
        label="Cijfers per wijk"
        list={wijken}
        columns={columns}
        height="auto"
        noRowsText="Geen wijken"
        form={({ row, onClose, onSaved }) =>
          row && <WijkFigureForm figure={row} onClose={onClose} onSaved={onSaved} />
        }
      />
    </>
  )
}
