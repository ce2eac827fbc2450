import { AG_GRID_LOCALE_NL } from '@ag-grid-community/locale'
import {
  AllCommunityModule,
  ModuleRegistry,
  themeQuartz,
  type CellKeyDownEvent,
  type ColDef,
  type FullWidthCellKeyDownEvent,
  type GetRowIdParams,
  type GridApi,
  type IRowNode,
  type ModelUpdatedEvent,
  type RowDoubleClickedEvent,
} from 'ag-grid-community'
import { AgGridReact } from 'ag-grid-react'
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  type KeyboardEvent as ReactKeyboardEvent,
} from 'react'
import { focusableBeyond } from './focusable'
import { GridDateInput } from './GridDateInput'
import { gridSearch, searchWords } from './grid-search'

// Once per app: every grid in the renderer goes through this component.
ModuleRegistry.registerModules([AllCommunityModule])

/** Calm and compact: the officers read these grids all day. Colours match styles.css. */
const theme = themeQuartz.withParams({
  browserColorScheme: 'light',
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontSize: 13,
  headerFontWeight: 600,
  spacing: 6,
  accentColor: '#2f5d8a',
  foregroundColor: '#1d2733',
  backgroundColor: '#ffffff',
  headerBackgroundColor: '#f1f4f7',
  headerTextColor: '#2c3a48',
  borderColor: '#d5dce3',
  oddRowBackgroundColor: '#fafbfc',
  rowHoverColor: '#eef3f8',
  wrapperBorderRadius: 6,
})

const defaultColDef: ColDef = {
  sortable: true,
  filter: true,
  resizable: true,
  // Filters as a row under the header: visible at a glance, reachable by Tab, no menu to find.
  floatingFilter: true,
  minWidth: 80,
}

// Replaces ag-grid's own date input (agDateInput) in every date filter.
const components = { agDateInput: GridDateInput }

// Stable row ids let ag-grid keep focus, selection and scroll position when the data is reloaded.
function getRowId<T extends { id: number }>(params: GetRowIdParams<T>): string {
  return String(params.data.id)
}

interface DataGridProps<T extends { id: number }> {
  /** Accessible name of the grid, e.g. "Woningen 4e kwartaal 2026". */
  label: string
  rows: T[] | undefined
  columns: ColDef<T>[]
  loading?: boolean
  /** Text from a "Zoeken…" box: every word must be in one of the row's columns. */
  quickFilter?: string
  /** Which rows to show (e.g. a status chosen beside the grid); filtered in the grid, not reloaded. */
  rowFilter?: (row: T) => boolean
  /** `fill`: takes the remaining height and scrolls inside; `auto`: as tall as its rows (short lists). */
  height?: 'fill' | 'auto'
  noRowsText?: string
  /** Rows left after filtering, e.g. for "12 van 96 woningen". */
  onDisplayedCountChange?: (count: number) => void
  /** Opens a row (for editing): on double-click, and on Enter in any of its cells. */
  onRowOpen?: (row: T) => void
  /** The row shown beside the grid: kept in view, and where Tab into the grid lands. */
  currentId?: number
}

/**
 * Puts keyboard focus on a row: the current one when it is shown, else the first. False when
 * there is no row (then the header is the place to be, to clear a filter).
 */
function focusBody<T>(api: GridApi<T>, currentId: number | undefined): boolean {
  const column = api.getAllDisplayedColumns()[0]
  if (!column || api.getDisplayedRowCount() === 0) return false
  const current = currentId === undefined ? undefined : api.getRowNode(String(currentId))
  const rowIndex = current?.displayed && current.rowIndex !== null ? current.rowIndex : 0
  api.ensureIndexVisible(rowIndex)
  api.ensureColumnVisible(column)
  api.setFocusedCell(rowIndex, column)
  return true
}

export function DataGrid<T extends { id: number }>({
  label,
  rows,
  columns,
  loading = false,
  quickFilter,
  rowFilter,
  height = 'fill',
  noRowsText = 'Geen rijen om te tonen',
  onDisplayedCountChange,
  onRowOpen,
  currentId,
}: DataGridProps<T>) {
  const container = useRef<HTMLDivElement>(null)
  const gridApi = useRef<GridApi<T>>(undefined)
  const current = useRef(currentId)
  const localeText = useMemo(
    () => ({ ...AG_GRID_LOCALE_NL, noRowsToShow: noRowsText }),
    [noRowsText],
  )

  // ag-grid has no option for an accessible name, so it is put on the element carrying role="grid":
  // when the grid is ready, and again whenever the label changes (another quarter, another status).
  const nameGrid = useCallback(() => {
    container.current
      ?.querySelector('[role="grid"], [role="treegrid"]')
      ?.setAttribute('aria-label', label)
  }, [label])
  useEffect(nameGrid, [nameGrid])
  const ready = useCallback(
    (event: { api: GridApi<T> }) => {
      gridApi.current = event.api
      nameGrid()
    },
    [nameGrid],
  )
  const showCurrent = useCallback(() => {
    const api = gridApi.current
    const node =
      current.current === undefined ? undefined : api?.getRowNode(String(current.current))
    if (api && node?.displayed) api.ensureNodeVisible(node)
  }, [])
  useEffect(() => {
    current.current = currentId
    showCurrent()
  }, [currentId, showCurrent])
  // ag-grid asks these two on each filtering; the current rowFilter and search are read through
  // refs, so a new filter or search needs only onFilterChanged, not new grid options.
  const filterRef = useRef(rowFilter)
  useEffect(() => {
    if (filterRef.current === rowFilter) return
    filterRef.current = rowFilter
    gridApi.current?.onFilterChanged()
  }, [rowFilter])
  // The search box filters here too, on each row's text worked out once (grid-search.ts); new
  // rows are filtered by ag-grid itself, so only a new search needs onFilterChanged.
  const search = useMemo(() => gridSearch(columns), [columns])
  const searchRef = useRef(search)
  useEffect(() => {
    searchRef.current = search
  }, [search])
  const wordsRef = useRef(searchWords(quickFilter))
  useEffect(() => {
    const words = searchWords(quickFilter)
    if (words.join(' ') === wordsRef.current.join(' ')) return
    wordsRef.current = words
    gridApi.current?.onFilterChanged()
  }, [quickFilter])
  useEffect(() => (rows ? search.prepare(rows) : undefined), [rows, search])
  // aria-busy while rows are still on their way (e.g. every client, loading behind the waiting
  // ones). Set here rather than as a prop: this effect runs after the grid's own, so "not busy"
  // means the grid has taken the rows, not only that they have arrived.
  useEffect(() => {
    container.current?.setAttribute('aria-busy', String(loading))
  }, [loading, rows])
  const isExternalFilterPresent = useCallback(
    () => filterRef.current !== undefined || wordsRef.current.length > 0,
    [],
  )
  const doesExternalFilterPass = useCallback(
    (node: IRowNode<T>) =>
      node.data !== undefined &&
      (filterRef.current?.(node.data) ?? true) &&
      (wordsRef.current.length === 0 || searchRef.current.matches(node.data, wordsRef.current)),
    [],
  )
  const reportCount = useCallback(
    (event: ModelUpdatedEvent<T>) => onDisplayedCountChange?.(event.api.getDisplayedRowCount()),
    [onDisplayedCountChange],
  )

  const openOnDoubleClick = useCallback(
    (event: RowDoubleClickedEvent<T>) => event.data && onRowOpen?.(event.data),
    [onRowOpen],
  )
  const openOnEnter = useCallback(
    (event: CellKeyDownEvent<T> | FullWidthCellKeyDownEvent<T>) => {
      const key = event.event instanceof KeyboardEvent ? event.event : undefined
      if (!onRowOpen || !event.data || key?.key !== 'Enter' || key.altKey || key.ctrlKey) return
      key.preventDefault()
      onRowOpen(event.data)
    },
    [onRowOpen],
  )

  // The grid is one stop in the tab order, as in the ARIA grid pattern: Tab into it lands on a row
  // (focusGridInnerElement), the arrow keys move inside it and up into the header and its filters,
  // and Tab leaves it for the next control (the form or detail beside it). Without this every
  // header and filter cell is a stop, some twenty before the first row. Caught before ag-grid sees
  // the key, because its own Tab handling walks through every cell and header.
  const tabOut = useCallback((event: ReactKeyboardEvent<HTMLDivElement>) => {
    const root = container.current
    const api = gridApi.current
    const target = event.target as Element
    if (event.key !== 'Tab' || !root) return
    const inHeader = target.closest('.ag-header') !== null
    if (!inHeader && !target.closest('.ag-body')) return
    // From the header (a filter just typed), Tab goes down to the rows.
    if (inHeader && !event.shiftKey && api && focusBody(api, current.current)) {
      event.preventDefault()
      event.stopPropagation()
      return
    }
    const next = focusableBeyond(root, event.shiftKey)
    if (!next) return
    event.preventDefault()
    event.stopPropagation()
    next.focus()
  }, [])
  const focusInside = useCallback(
    (params: { api: GridApi<T> }) => focusBody(params.api, current.current),
    [],
  )

  return (
    <div
      ref={container}
      className={height === 'fill' ? 'grid grid-fill' : 'grid grid-auto'}
      onKeyDownCapture={tabOut}
    >
      <AgGridReact<T>
        theme={theme}
        localeText={localeText}
        rowData={rows}
        columnDefs={columns}
        defaultColDef={defaultColDef}
        components={components}
        getRowId={getRowId}
        loading={loading && !rows}
        isExternalFilterPresent={isExternalFilterPresent}
        doesExternalFilterPass={doesExternalFilterPass}
        domLayout={height === 'auto' ? 'autoHeight' : 'normal'}
        // Screen readers read rows in DOM order; keep it equal to what is on screen.
        ensureDomOrder
        enableCellTextSelection
        animateRows={false}
        // Rows rendered beyond the visible ones (ag-grid's default is 10 each side): every sort or
        // filter re-renders them all through React, the largest cost after the sort itself.
        rowBuffer={4}
        // Each row's values worked out once, not again at every comparison of a sort.
        valueCache
        onGridReady={ready}
        onFirstDataRendered={showCurrent}
        focusGridInnerElement={focusInside}
        onModelUpdated={reportCount}
        onRowDoubleClicked={onRowOpen ? openOnDoubleClick : undefined}
        onCellKeyDown={onRowOpen ? openOnEnter : undefined}
      />
    </div>
  )
}
