import { useRef, useState } from 'react'
import type { ImportKind, ImportReport } from '../../../../shared/api'
import { client } from '../../api/client'
import { dutchMessage } from '../../errors'
import { readWorkbookFile, type ChosenWorkbook } from '../../files'
import { Dialog } from '../Dialog'
import { FileField } from '../form/FileField'
import { idFrom } from '../form/form-values'
import { SelectField, type Option } from '../form/SelectField'
import { ErrorAlert, Loading } from '../Messages'
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

type Step = 'choose' | 'checking' | 'checked' | 'importing' | 'done'

/** "" = as the template says (its hidden meta sheet names the owner and quarter). */
const FROM_TEMPLATE = 'Zoals in het sjabloon'

/**
 * One import for both kinds: choose the file, see what a dry run finds (nothing is written), then
 * import everything, only the valid rows, or nothing. The owner and quarter come from the template
 * unless the officer chooses otherwise.
 */
export function ImportDialog({ kind, owners, quarters, onClose, onImported }: ImportDialogProps) {
  const words = IMPORT_WORDS[kind]
  const [file, setFile] = useState<ChosenWorkbook>()
  const [owner, setOwner] = useState('')
  const [quarter, setQuarter] = useState('')
  const [step, setStep] = useState<Step>('choose')
  const [report, setReport] = useState<ImportReport>()
  const [error, setError] = useState<string>()
  // Only the answer to the latest request counts: the officer may change an option mid-check.
  const latest = useRef(0)

  function run(
    chosen: ChosenWorkbook,
    options: { owner: string; quarter: string },
    mode: { dryRun: boolean; validOnly: boolean },
  ) {
    const common = { ...chosen, ...mode }
    return kind === 'dwellings'
      ? client.dwellings.import({
          ...common,
          corporationId: idFrom(options.owner),
          quarterKey: options.quarter || undefined,
        })
      : client.clients.import({ ...common, careProviderId: idFrom(options.owner) })
  }

  async function check(chosen: ChosenWorkbook | undefined, options = { owner, quarter }) {
    if (!chosen) return
    const request = ++latest.current
    setStep('checking')
    setError(undefined)
    setReport(undefined)
    try {
      const answer = await run(chosen, options, { dryRun: true, validOnly: false })
      if (request !== latest.current) return
      setReport(answer)
      setStep('checked')
    } catch (err) {
      if (request !== latest.current) return
      setError(dutchMessage(err))
      setStep('choose')
    }
  }

  async function pickFile(picked: File | undefined) {
    setReport(undefined)
    setError(undefined)
    setFile(undefined)
    if (!picked) return
    const read = await readWorkbookFile(
      picked,
      'Kies een Excel-werkmap (.xlsx), bijvoorbeeld het ingevulde sjabloon.',
    )
    if ('error' in read) {
      setError(read.error)
      return
    }
    const chosen = read.workbook
    setFile(chosen)
    await check(chosen)
  }

  async function commit(validOnly: boolean) {
    if (!file || !report) return
    setStep('importing')
    setError(undefined)
    try {
      const answer = await run(file, { owner, quarter }, { dryRun: false, validOnly })
      setReport(answer)
      setStep(answer.committed ? 'done' : 'checked')
      if (answer.committed) onImported(answer)
    } catch (err) {
      setError(dutchMessage(err))
      setStep('checked')
    }
  }

  const busy = step === 'checking' || step === 'importing'
  const done = step === 'done'
  const errors = report?.errors.length ?? 0
  const valid = report?.validRows ?? 0

  return (
    <Dialog
      title={words.title}
      description="Eerst wordt het bestand gecontroleerd; er wordt pas iets opgeslagen als u daarna kiest om te importeren."
      onClose={onClose}
      size="wide"
    >
      <div className="dialog-body">
        <div className="form-grid">
          <FileField
            label="Ingevuld sjabloon (.xlsx)"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            fileName={file?.fileName}
            onChoose={(picked) => void pickFile(picked)}
            disabled={busy || done}
            autoFocus
          />
          <SelectField
            name="owner"
            label={words.ownerLabel}
            value={owner}
            onChange={(value) => {
              setOwner(value)
              void check(file, { owner: value, quarter })
            }}
            placeholder={FROM_TEMPLATE}
            options={owners}
            disabled={busy || done}
            hint="Alleen kiezen als het bestand niet het eigen sjabloon is."
          />
          {quarters && (
            <SelectField
              name="quarter"
              label="Kwartaal"
              value={quarter}
              onChange={(value) => {
                setQuarter(value)
                void check(file, { owner, quarter: value })
              }}
              placeholder={FROM_TEMPLATE}
              options={quarters}
              disabled={busy || done}
            />
          )}
        </div>
        {step === 'checking' && <Loading label="Bestand controleren…" />}
        {step === 'importing' && <Loading label="Importeren…" />}
        <ErrorAlert message={error} />
        {report && step !== 'importing' && <ImportReportView report={report} words={words} />}
      </div>
      <div className="form-footer">
        <div className="form-buttons">
          {done ? (
            // autoFocus: the import button that had focus is gone.
            <button type="button" className="button button-primary" onClick={onClose} autoFocus>
              Sluiten
            </button>
          ) : (
            <>
              <button type="button" className="button" onClick={onClose}>
                Annuleren
              </button>
              {errors > 0 && valid > 0 && (
                <button
                  type="button"
                  className="button"
                  onClick={() => void commit(true)}
                  disabled={busy}
                >
                  Alleen geldige rijen importeren
                </button>
              )}
              <button
                type="button"
                className="button button-primary"
                onClick={() => void commit(false)}
                disabled={busy || !report || errors > 0 || valid === 0}
              >
                Alles importeren
              </button>
            </>
          )}
        </div>
      </div>
    </Dialog>
  )
}
