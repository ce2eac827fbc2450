import type { ImportKind, ImportReport } from '../../../../shared/api'
import { client } from '../../api/client'
import { useDryRunImport } from '../../hooks/use-dry-run-import'
import { idFrom } from '../form/form-values'
import { SelectField, type Option } from '../form/SelectField'
import { DryRunDialog, WorkbookField } from './DryRunDialog'
import { IMPORT_WORDS } from './import-words'
import { ImportReportView } from './ImportReportView'

interface ImportDialogProps {
  kind: ImportKind
  /** Corporations (dwellings) or care providers (clients) to choose from. */
  owners: readonly Option[]
  /** Dwellings only: the quarters to choose from. */
  quarters?: readonly Option[]
  onClose: () => void
  /** After a committed import; the page refreshes its data. */
  onImported: (report: ImportReport) => void
}

/** "" = as the template says (its hidden meta sheet names the owner and quarter). */
const FROM_TEMPLATE = 'Zoals in het sjabloon'

/**
 * One import for both kinds: choose the file, see what a dry run finds (nothing is written), then
 * import everything, only the valid rows, or nothing. The owner and quarter come from the template
 * unless the officer chooses otherwise.
 */
export function ImportDialog({ kind, owners, quarters, onClose, onImported }: ImportDialogProps) {
  const words = IMPORT_WORDS[kind]
  const flow = useDryRunImport({
    choices: { owner: '', quarter: '' },
    notAWorkbook: 'Kies een Excel-werkmap (.xlsx), bijvoorbeeld het ingevulde sjabloon.',
    send: (file, { owner, quarter }, mode) =>
      kind === 'dwellings'
        ? client.dwellings.import({
            ...file,
            ...mode,
            corporationId: idFrom(owner),
            quarterKey: quarter || undefined,
          })
        : client.clients.import({ ...file, ...mode, careProviderId: idFrom(owner) }),
    onCommitted: onImported,
  })
  const { choices, report } = flow
  const locked = flow.busy || flow.done
  const errors = report?.errors.length ?? 0
  const valid = report?.validRows ?? 0

  return (
    <DryRunDialog
      title={words.title}
      description="Eerst wordt het bestand gecontroleerd; er wordt pas iets opgeslagen als u daarna kiest om te importeren."
      flow={flow}
      onClose={onClose}
      fields={
        <div className="form-grid">
          <WorkbookField label="Ingevuld sjabloon (.xlsx)" flow={flow} />
          <SelectField
            name="owner"
            label={words.ownerLabel}
            value={choices.owner}
            onChange={(owner) => flow.choose({ ...choices, owner })}
            placeholder={FROM_TEMPLATE}
            options={owners}
            disabled={locked}
            hint="Alleen kiezen als het bestand niet het eigen sjabloon is."
          />
          {quarters && (
            <SelectField
              name="quarter"
              label="Kwartaal"
              value={choices.quarter}
              onChange={(quarter) => flow.choose({ ...choices, quarter })}
              placeholder={FROM_TEMPLATE}
              options={quarters}
              disabled={locked}
            />
          )}
        </div>
      }
      committingLabel="Importeren…"
      report={report && <ImportReportView report={report} words={words} />}
      actions={
        <>
          {errors > 0 && valid > 0 && (
            <button
              type="button"
              className="button"
              onClick={() => void flow.commit(true)}
              disabled={flow.busy}
            >
              Alleen geldige rijen importeren
            </button>
          )}
          <button
            type="button"
            className="button button-primary"
            onClick={() => void flow.commit()}
            disabled={flow.busy || !report || errors > 0 || valid === 0}
          >
            Alles importeren
          </button>
        </>
      }
    />
  )
}
