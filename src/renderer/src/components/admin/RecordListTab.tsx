import type { ColDef } from 'ag-grid-community'
import { useState, type ReactNode } from 'react'
import { useDataVersion } from '../../hooks/data-version'
import type { ApiState } from '../../hooks/use-api'
import { DataGrid } from '../DataGrid'
import { ErrorAlert, SuccessMessage } from '../Messages'
import { OpenRowHint } from '../OpenRowHint'

/** What the tab hands its form: the row to change (absent: a new one), and how to finish. */
export interface RecordFormProps<T> {
  row: T | undefined
  onClose: () => void
  /** The Dutch sentence to show once saved; the tab closes the form and refreshes every page. */
  onSaved: (message: string) => void
}

interface RecordListTabProps<T extends { id: number }> {
  /** The grid's name, e.g. "Corporaties". */
  label: string
  list: ApiState<T[]>
  columns: ColDef<T>[]
  height?: 'fill' | 'auto'
  noRowsText: string
  /** The add button, e.g. "Corporatie toevoegen"; absent for a fixed list (the ten wijken). */
  addLabel?: string
  intro?: ReactNode
  form: (props: RecordFormProps<T>) => ReactNode
}

/**
 * A Beheer list: an add button, the grid (Enter or a double click opens a row), and the form in a
 * dialog. Saving anything here can change figures on every page, so all of them reload.
 */
export function RecordListTab<T extends { id: number }>({
  label,
  list,
  columns,
  height = 'fill',
  noRowsText,
  addLabel,
  intro,
  form,
}: RecordListTabProps<T>) {
  const { refreshAll } = useDataVersion()
  const [editing, setEditing] = useState<{ row?: T }>()
  const [message, setMessage] = useState<string>()

  function open(row?: T) {
    setMessage(undefined)
    setEditing({ row })
  }

  return (
    <>
      {intro}
      <SuccessMessage message={message} />
      <ErrorAlert message={list.error} onRetry={list.reload} />
      <div className="toolbar">
        {addLabel && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => open()}
            disabled={!list.data}
          >
            {addLabel}
          </button>
        )}
        <OpenRowHint />
      </div>
      <DataGrid
        label={label}
        rows={list.data}
        columns={columns}
        loading={list.loading}
        height={height}
        noRowsText={noRowsText}
        onRowOpen={open}
      />
      {editing &&
        form({
          row: editing.row,
          onClose: () => setEditing(undefined),
          onSaved: (text) => {
            setMessage(text)
            setEditing(undefined)
            refreshAll()
          },
        })}
    </>
  )
}
