import type { ColDef, ValueFormatterParams } from 'ag-grid-community'
import type { YesNoView } from '../../../shared/domain/yes-no-views'
import { formatDate, formatEuro, formatNumber, formatYesNo } from '../format'

/**
 * Column kinds shared by every grid, so a euro or a date looks, sorts and filters the same way on
 * each page. Each takes the header (Dutch) and a getter on the row; `extra` overrides anything.
 *
 * Enum values and booleans are turned into their Dutch words by the value getter itself (not just
 * a formatter), so sorting, the column filter and the quick filter all work on what the officer reads.
 */

type Get<T, V> = (row: T) => V

function base<T, V>(headerName: string, get: Get<T, V>): ColDef<T, V> {
  return {
    headerName,
    // ag-grid needs a stable id when there is no `field`; the header is unique within a grid.
    colId: headerName,
    valueGetter: (params) => (params.data ? get(params.data) : (undefined as V)),
  }
}

export function textColumn<T>(
  headerName: string,
  get: Get<T, string | null>,
  extra?: ColDef<T>,
): ColDef<T> {
  return {
    ...base(headerName, get),
    cellDataType: 'text',
    filter: 'agTextColumnFilter',
    ...extra,
  } as ColDef<T>
}

export function numberColumn<T>(
  headerName: string,
  get: Get<T, number | null>,
  extra?: ColDef<T>,
): ColDef<T> {
  return {
    ...base(headerName, get),
    cellDataType: 'number',
    filter: 'agNumberColumnFilter',
    type: 'rightAligned',
    valueFormatter: (p: ValueFormatterParams<T, number | null>) => formatNumber(p.value),
    ...extra,
  } as ColDef<T>
}

export function euroColumn<T>(
  headerName: string,
  get: Get<T, number | null>,
  extra?: ColDef<T>,
): ColDef<T> {
  return numberColumn(headerName, get, {
    valueFormatter: (p: ValueFormatterParams<T, number | null>) => formatEuro(p.value),
    getQuickFilterText: (p) => formatEuro(p.value as number | null),
    width: 120,
    ...extra,
  })
}

/** ISO dates (yyyy-mm-dd) shown as dd-mm-jjjj; sorted and filtered as dates. */
export function dateColumn<T>(
  headerName: string,
  get: Get<T, string | null>,
  extra?: ColDef<T>,
): ColDef<T> {
  return {
    ...base(headerName, get),
    cellDataType: 'dateString',
    filter: 'agDateColumnFilter',
    valueFormatter: (p: ValueFormatterParams<T, string | null>) => formatDate(p.value),
    getQuickFilterText: (p) => formatDate(p.value as string | null),
    // Wide enough for "dd-mm-jjjj" in the filter box beside its menu button.
    width: 150,
    ...extra,
  } as ColDef<T>
}

/** "ja" / "nee" as text: ag-grid would otherwise render booleans as disabled checkboxes. */
export function yesNoColumn<T>(
  headerName: string,
  get: Get<T, boolean | null>,
  extra?: ColDef<T>,
): ColDef<T> {
  return textColumn(headerName, (row) => formatYesNo(get(row)), { width: 95, ...extra })
}

/** A yes/no column for each described field that has a column of its own, in the descriptions' order. */
export function yesNoColumnsOf<T>(views: Readonly<Record<string, YesNoView>>): ColDef<T>[] {
  return Object.entries(views).flatMap(([field, { column }]) =>
    column
      ? [
          yesNoColumn<T>(
            column.header,
            (row) => (row as Record<string, boolean>)[field] ?? null,
            column.tooltip ? { headerTooltip: column.tooltip } : undefined,
          ),
        ]
      : [],
  )
}

/** The words of the described fields a row answers yes to, in the descriptions' order: "rolstoel, prikkelarm". */
export function listedOf<T>(views: Readonly<Record<string, YesNoView>>, row: T): string {
  return Object.entries(views)
    .filter(([field, view]) => view.listed && (row as Record<string, boolean>)[field])
    .map(([, view]) => view.listed)
    .join(', ')
}
