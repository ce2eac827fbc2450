import { useState } from 'react'
import { BACKUP_KIND_LABELS, SetBackupFolderInput, type BackupRow } from '../../../../shared/api'
import { client } from '../../api/client'
import { dutchMessage } from '../../errors'
import { countOf, formatDateTime } from '../../format'
import { useDataVersion } from '../../hooks/data-version'
import { useApi } from '../../hooks/use-api'
import { useSaveForm } from '../../hooks/use-save-form'
import { RestoreBackupDialog } from './RestoreBackupDialog'
import { TextField } from '../form/TextField'
import { ErrorAlert, Loading, SuccessMessage } from '../Messages'

const sizeFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 })

function formatSize(bytes: number): string {
  return bytes >= 1_000_000
    ? `${sizeFormat.format(bytes / 1_000_000)} MB`
    : `${sizeFormat.format(Math.max(1, bytes / 1000))} kB`
}

/**
 * Reservekopieën: the copies the app makes by itself (daily, before every import, before an
 * update) and by hand, where they are kept, and putting one back. A plain table, not a grid: a
 * few dozen rows at most, each with its own button.
 */
export function BackupsTab() {
  const list = useApi(() => client.listBackups(), [])
  const { refreshAll } = useDataVersion()
  const [message, setMessage] = useState<string>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [restoring, setRestoring] = useState<BackupRow>()

  async function makeNow() {
    setBusy(true)
    setMessage(undefined)
    setError(undefined)
    try {
      const made = await client.makeBackup()
      setMessage(`Reservekopie gemaakt: ${made.name}.`)
      list.reload()
    } catch (e) {
      setError(dutchMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const folderForm = useSaveForm({
    initial: { folder: '' },
    check: (values) => SetBackupFolderInput.safeParse(values),
    save: (input) => client.setBackupFolder(input),
    onSaved: (saved) => {
      setMessage(`Reservekopieën worden voortaan bewaard in ${saved.folder}.`)
      folderForm.set('folder', '')
      list.reload()
    },
  })

  /** Electron only: pick the folder with the system's picker, then save it as if typed. */
  async function browse() {
    if (!window.api) return
    const result = await window.api.chooseFolder()
    if (!result.ok) setError(result.error.message)
    else if (result.data.folder) folderForm.set('folder', result.data.folder)
  }

  const data = list.data
  return (
    <div className="admin-panel">
      <p className="tab-intro">
        De app maakt zelf een reservekopie bij de eerste start van de dag, vóór elke import en vóór
        een update. Bewaard worden de laatste 14 dagelijkse en 8 wekelijkse kopieën. Een kopie
        terugzetten vervangt alle gegevens door die van dat moment; de huidige stand wordt eerst
        zelf bewaard.
      </p>
      <SuccessMessage message={message} />
      <ErrorAlert message={error ?? list.error} onRetry={error ? undefined : list.reload} />
      {data?.warning && (
        <div role="alert" className="message message-error">
          {data.warning}
        </div>
      )}

      <section className="section" aria-labelledby="backup-folder-title">
        <h2 id="backup-folder-title">Map</h2>
        {data ? (
          <p>
            Reservekopieën staan in <code className="path">{data.folder}</code>
            {data.folder === data.defaultFolder ? ' (standaard, naast de database).' : '.'}
          </p>
        ) : (
          list.loading && <Loading />
        )}
        <form {...folderForm.formProps} className="inline-form">
          <TextField
            {...folderForm.text('folder')}
            label="Andere map kiezen"
            hint="Het volledige pad, bijvoorbeeld een netwerkschijf: H:\Vierde Huis\Reservekopieën of \\server\share\reservekopieen. De app controleert meteen of de map bereikbaar is en of er geschreven kan worden."
          />
          <div className="form-buttons">
            {window.api && (
              <button type="button" className="button" onClick={() => void browse()}>
                Bladeren…
              </button>
            )}
            <button type="submit" className="button" disabled={folderForm.saving}>
              Map instellen
            </button>
          </div>
          <ErrorAlert message={folderForm.formError} />
        </form>
      </section>

      <section className="section" aria-labelledby="backup-list-title">
        <div className="toolbar">
          <h2 id="backup-list-title">Reservekopieën</h2>
          <button
            type="button"
            className="button button-primary"
            onClick={() => void makeNow()}
            disabled={busy}
          >
            {busy ? 'Bezig…' : 'Nu een reservekopie maken'}
          </button>
          {data && (
            <span className="row-count">
              {countOf(data.backups.length, 'reservekopie', 'reservekopieën')}
            </span>
          )}
        </div>
        {data && data.backups.length === 0 && !data.warning && (
          <p className="muted">Er zijn nog geen reservekopieën in deze map.</p>
        )}
        {data && data.backups.length > 0 && (
          <table className="table">
            <caption className="visually-hidden">Reservekopieën, nieuwste eerst</caption>
            <thead>
              <tr>
                <th scope="col">Gemaakt</th>
                <th scope="col">Soort</th>
                <th scope="col">Bestand</th>
                <th scope="col" className="numeric">
                  Grootte
                </th>
                <th scope="col">
                  <span className="visually-hidden">Actie</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.backups.map((backup) => (
                <tr key={backup.name}>
                  <th scope="row">{formatDateTime(backup.madeAt)}</th>
                  <td>{BACKUP_KIND_LABELS[backup.kind]}</td>
                  <td>
                    <code className="path">{backup.name}</code>
                  </td>
                  <td className="numeric">{formatSize(backup.bytes)}</td>
                  <td className="cell-action">
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={`Reservekopie van ${formatDateTime(backup.madeAt)} terugzetten`}
                      onClick={() => {
                        setMessage(undefined)
                        setRestoring(backup)
                      }}
                    >
                      Terugzetten…
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {restoring && (
        <RestoreBackupDialog
          backup={restoring}
          onClose={() => setRestoring(undefined)}
          onRestored={(text) => {
            setRestoring(undefined)
            setMessage(text)
            list.reload()
            refreshAll()
          }}
        />
      )}
    </div>
  )
}
