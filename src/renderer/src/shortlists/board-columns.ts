import type { CellClickedEvent, ColDef } from 'ag-grid-community'
import type { BoardRow } from '../../../shared/api'
import { DWELLING_STATUS, SHORTLIST_STATUS, WIJK } from '../../../shared/domain/vocabulary'
import { euroColumn, numberColumn, textColumn } from '../components/grid-columns'
import { STAGES, stageOf } from './words'

export type BoardGridRow = BoardRow & { id: number }

/** The two reasons a dwelling got fewer candidates than a full list (docs/matching.md). */
export const SHORT_NOTE: Record<NonNullable<BoardRow['shortNote']>, string> = {
  'too-few-eligible': 'Te weinig in aanmerking',
  'needed-elsewhere': 'Kandidaten elders nodig',
}

/** "In voordracht · concept": the dwelling's status, and for an open round how far it is. */
export function statusText(row: Pick<BoardRow, 'status' | 'shortlistStatus'>): string {
  const status = DWELLING_STATUS.label(row.status)
  return row.status === 'in-voordracht' && row.shortlistStatus
    ? `${status} · ${SHORTLIST_STATUS.label(row.shortlistStatus).toLowerCase()}`
    : status
}

/** The same words as the counts above the grid, so filtering by either gives the same rows. */
function stageLabel(row: BoardRow): string {
  const stage = stageOf(row)
  return STAGES.find((s) => s.key === stage)?.label ?? statusText(row)
}

/**
 * The board's columns. A click anywhere in a row opens it (DataGrid itself opens on Enter and
 * double-click); the open row is marked in every cell, so it stays visible while scrolling sideways.
 */
export function boardColumns(
  openId: number | undefined,
  onOpen: (row: BoardGridRow) => void,
): ColDef<BoardGridRow>[] {
  const shared: ColDef<BoardGridRow> = {
    onCellClicked: (event: CellClickedEvent<BoardGridRow>) => event.data && onOpen(event.data),
    cellClassRules: { 'sl-open-row': (params) => params.data?.id === openId },
  }
  return [
    textColumn<BoardGridRow>('Adres', (r) => r.address, { ...shared, width: 190 }),
    textColumn<BoardGridRow>('Corporatie', (r) => r.corporation, { ...shared, width: 110 }),
    textColumn<BoardGridRow>('Wijk', (r) => WIJK.label(r.wijk), { ...shared, width: 120 }),
    numberColumn<BoardGridRow>('Kamers', (r) => r.rooms, { ...shared, width: 90 }),
    euroColumn<BoardGridRow>('Huur', (r) => r.netRent, {
      ...shared,
      width: 100,
      headerTooltip: 'Kale huur per maand',
    }),
    textColumn<BoardGridRow>('Status', stageLabel, {
      ...shared,
      width: 135,
      headerTooltip: 'Concept en Voorgedragen: de woning is in voordracht',
    }),
    numberColumn<BoardGridRow>('Ronde', (r) => r.round, { ...shared, width: 85 }),
    textColumn<BoardGridRow>('Kandidaten', (r) => r.candidates.join(', '), {
      ...shared,
      flex: 1,
      minWidth: 220,
      headerTooltip: 'Codes van de kandidaten in de laatste ronde',
      // Three codes rarely fit beside the other columns: the whole list on hover.
      tooltipValueGetter: (params) => (params.value ? String(params.value) : undefined),
    }),
    numberColumn<BoardGridRow>('Pool', (r) => r.eligiblePoolSize, {
      ...shared,
      width: 80,
      headerTooltip: 'Aantal kandidaten dat in aanmerking kwam toen de laatste ronde werd gemaakt',
    }),
    textColumn<BoardGridRow>('Te kort', (r) => (r.shortNote ? SHORT_NOTE[r.shortNote] : ''), {
      ...shared,
      width: 190,
      headerTooltip:
        'Waarom de laatste verdeling minder kandidaten gaf dan een voordracht telt: te weinig in aanmerking, of kandidaten nodig voor woningen waar minder in aanmerking kwamen',
    }),
  ]
}
