import { useState } from 'react'
import {
  BACKUP_KIND_LABELS,
  BackupRetentionInput,
  SetBackupFolderInput,
  type BackupList,
  type BackupRow,
} from '../../../../shared/api'
import { client } from '../../api/client'
import { countOf, formatDateTime } from '../../format'
import { useDataVersion } from '../../hooks/data-version'
import { useAction } from '../../hooks/use-action'
import { useApi } from '../../hooks/use-api'
import { useSaveForm } from '../../hooks/use-save-form'
import { RestoreBackupDialog } from './RestoreBackupDialog'
import { numberFrom, numberText } from '../form/form-values'
import { NumberField } from '../form/NumberField'
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
  const list = useApi(() => client.backups.list(), [])
  const { refreshAll } = useDataVersion()
  const action = useAction()
  const [restoring, setRestoring] = useState<BackupRow>()

  function makeNow() {
    void action.run(async () => {
      const made = await client.backups.make()
      list.reload()
      return `Reservekopie gemaakt: ${made.name}.`
    })
  }

  const folderForm = useSaveForm({
    initial: { folder: '' },
    check: (values) => SetBackupFolderInput.safeParse(values),
    save: (input) => client.backups.setFolder(input),
    onSaved: (saved) => {
      action.show(folderSet(saved))
      folderForm.set('folder', '')
    },
  })

  function folderSet(saved: BackupList): string {
    list.reload()
    return `Reservekopieën worden voortaan bewaard in ${saved.folder}.`
  }

  /**
   * Electron: the folder comes only from the system's picker (the main process accepts no other),
   * and is set at once; there is nothing to type.
   */
  async function browse() {
    if (!window.api) return
    action.clear()
    const result = await window.api.chooseFolder()
    if (!result.ok) return action.fail(result.error.message)
    const folder = result.data.folder
    if (!folder) return
    await action.run(async () => folderSet(await client.backups.setFolder({ folder })))
  }

  const data = list.data
  if (data?.team) return <TeamBackups team={data.team} />
  return (
    <div className="admin-panel">
      <p className="tab-intro">
        De app maakt zelf een reservekopie bij de eerste start van de dag, vóór elke import en vóór
        een update. Bewaard worden de laatste 14 dagelijkse en 8 wekelijkse kopieën, en geen enkele
        kopie langer dan de bewaartermijn hieronder: zo verdwijnen gewiste gegevens ook uit de
        kopieën. Een kopie terugzetten vervangt alle gegevens door die van dat moment; de huidige
        stand wordt eerst zelf bewaard. Alleen kopieën van deze database worden teruggezet.
      </p>
      <SuccessMessage message={action.message} />
      <ErrorAlert
        message={action.error ?? list.error}
        onRetry={action.error ? undefined : list.reload}
      />
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
        {window.api ? (
          <button type="button" className="button" onClick={() => void browse()}>
            Andere map kiezen…
          </button>
        ) : (
          <form {...folderForm.formProps} className="inline-form">
            <TextField
              {...folderForm.text('folder')}
              label="Andere map kiezen"
              hint="Het volledige pad van een bestaande map, bijvoorbeeld op een netwerkschijf: H:\Vierde Huis\Reservekopieën of \\server\share\reservekopieen. De app maakt de map niet zelf aan en weigert systeemmappen; hij controleert meteen of er geschreven kan worden."
            />
            <div className="form-buttons">
              <button type="submit" className="button" disabled={folderForm.saving}>
                Map instellen
              </button>
            </div>
            <ErrorAlert message={folderForm.formError} />
          </form>
        )}
        {data && (
          <RetentionForm
            current={data.retentionDays}
            onSaved={(saved) => {
              action.show(
                `Reservekopieën worden voortaan hoogstens ${countOf(saved.retentionDays, 'dag', 'dagen')} bewaard.`,
              )
              list.reload()
            }}
          />
        )}
      </section>

      <section className="section" aria-labelledby="backup-list-title">
        <div className="toolbar">
          <h2 id="backup-list-title">Reservekopieën</h2>
          <button
            type="button"
            className="button button-primary"
            onClick={makeNow}
            disabled={action.busy}
          >
            {action.busy ? 'Bezig…' : 'Nu een reservekopie maken'}
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
                        action.clear()
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
            action.show(text)
            list.reload()
            refreshAll()
          }}
        />
      )}
    </div>
  )
}

/** How many days any backup may be kept: erased data must not live on in old copies. */
function RetentionForm({
  current,
  onSaved,
}: {
  current: number
  onSaved: (saved: BackupList) => void
}) {
  const form = useSaveForm({
    initial: { retentionDays: numberText(current) },
    check: (values) =>
      BackupRetentionInput.safeParse({ retentionDays: numberFrom(values.retentionDays) }),
    save: (input) => client.backups.saveRetention(input),
    onSaved,
  })
  return (
    <form {...form.formProps} className="inline-form">
      <NumberField
        {...form.text('retentionDays')}
        label="Reservekopieën bewaren"
        suffix="dagen"
        required
        hint="Standaard 90 dagen. Oudere kopieën worden verwijderd bij de volgende reservekopie."
      />
      <div className="form-buttons">
        <button type="submit" className="button" disabled={form.saving}>
          Opslaan
        </button>
      </div>
      <ErrorAlert message={form.formError} />
    </form>
  )
}

/**
 * Team mode: the server's administrator makes the backups, with pg_dump; the app makes none and
 * puts none back, so this says how instead of offering buttons that could only be refused.
 */
function TeamBackups({ team }: { team: NonNullable<BackupList['team']> }) {
  return (
    <div className="admin-panel">
      <p className="tab-intro">{team.message}</p>
      <section className="section" aria-labelledby="team-backup-title">
        <h2 id="team-backup-title">Een reservekopie van de teamdatabase</h2>
        <p>
          De beheerder maakt een kopie van de hele database met deze opdracht; dat kan ook terwijl
          het team werkt. pg_dump vraagt zelf om het wachtwoord, of leest het uit ~/.pgpass.
        </p>
        <code className="path command-line" aria-label="Opdracht voor een reservekopie">
          {team.dumpCommand}
        </code>
        <p>
          Terugzetten gaat met deze opdracht, en alleen als niemand met de app werkt: alles wat na
          de kopie is ingevoerd, gaat dan verloren.
        </p>
        <code className="path command-line" aria-label="Opdracht om terug te zetten">
          {team.restoreCommand}
        </code>
        <p className="muted">
          Een map voor reservekopieën, een bewaartermijn en terugzetten vanuit de app horen bij een
          databasebestand op één bureau; in teamgebruik regelt de beheerder van de server dat, ook
          hoe lang kopieën met gewiste gegevens bewaard blijven.
        </p>
      </section>
    </div>
  )
}
