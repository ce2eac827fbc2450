import type { ReactNode } from 'react'
import type { DryRunImport } from '../../hooks/use-dry-run-import'
import { Dialog } from '../Dialog'
import { FileField } from '../form/FileField'
import { ErrorAlert, Loading } from '../Messages'

const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The workbook to import, chosen once the dialog opens; the check starts as soon as it is read. */
export function WorkbookField({ label, flow }: { label: string; flow: DryRunImport }) {
  return (
    <FileField
      label={label}
      accept={XLSX_ACCEPT}
      fileName={flow.file?.fileName}
      onChoose={(picked) => void flow.pick(picked)}
      disabled={flow.busy || flow.done}
      autoFocus
    />
  )
}

interface DryRunDialogProps {
  title: string
  description: string
  flow: DryRunImport
  onClose: () => void
  /** The file field and any choices beside it. */
  fields: ReactNode
  /** Said while the import is committed, e.g. "Importeren…". */
  committingLabel: string
  /** What the check found or the import did. */
  report: ReactNode
  /** The buttons that commit, after Annuleren. */
  actions: ReactNode
}

/** The dialog around useDryRunImport: fields, progress, message and report, then the buttons. */
export function DryRunDialog({
  title,
  description,
  flow,
  onClose,
  fields,
  committingLabel,
  report,
  actions,
}: DryRunDialogProps) {
  return (
    <Dialog title={title} description={description} onClose={onClose} size="wide">
      <div className="dialog-body">
        {fields}
        {flow.step === 'checking' && <Loading label="Bestand controleren…" />}
        {flow.step === 'committing' && <Loading label={committingLabel} />}
        <ErrorAlert message={flow.error} />
        {flow.step !== 'committing' && report}
      </div>
      <div className="form-footer">
        <div className="form-buttons">
          {flow.done ? (
            // autoFocus: the button that committed, and had focus, is gone.
            <button type="button" className="button button-primary" onClick={onClose} autoFocus>
              Sluiten
            </button>
          ) : (
            <>
              <button type="button" className="button" onClick={onClose}>
                Annuleren
              </button>
              {actions}
            </>
          )}
        </div>
      </div>
    </Dialog>
  )
}
