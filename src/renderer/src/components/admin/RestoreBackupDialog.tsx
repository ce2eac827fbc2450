import type { BackupRow } from '../../../../shared/api'
import { client } from '../../api/client'
import { formatDateTime } from '../../format'
import { useAction } from '../../hooks/use-action'
import { Dialog } from '../Dialog'
import { ErrorAlert } from '../Messages'

interface RestoreBackupDialogProps {
  backup: BackupRow
  onClose: () => void
  onRestored: (message: string) => void
}

/** Asks once more, because everything entered after the backup is gone afterwards. */
export function RestoreBackupDialog({ backup, onClose, onRestored }: RestoreBackupDialogProps) {
  const action = useAction()
  const when = formatDateTime(backup.madeAt)

  function restore() {
    void action.run(async () => {
      const result = await client.backups.restore({ file: backup.name })
      onRestored(
        `De reservekopie van ${when} is teruggezet. De stand van vlak ervoor is bewaard als ${result.safetyBackup}.`,
      )
    })
  }

  return (
    <Dialog title="Reservekopie terugzetten" description={backup.name} onClose={onClose}>
      <div className="dialog-body">
        <p>
          Alle gegevens worden vervangen door die van <strong>{when}</strong>. Wat daarna is
          ingevoerd of besloten, moet opnieuw worden ingevoerd.
        </p>
        <p>
          De kopie wordt eerst gecontroleerd. De huidige stand wordt bewaard als reservekopie, zodat
          u dit kunt terugdraaien.
        </p>
      </div>
      <div className="form-footer">
        <ErrorAlert message={action.error} />
        <div className="form-buttons">
          <button type="button" className="button" onClick={onClose} data-autofocus="">
            Annuleren
          </button>
          <button
            type="button"
            className="button button-primary"
            onClick={restore}
            disabled={action.busy}
          >
            {action.busy ? 'Bezig met terugzetten…' : 'Terugzetten'}
          </button>
        </div>
      </div>
    </Dialog>
  )
}
