import { useState } from 'react'
import type { CareProviderRow, ClientDetail } from '../../../../shared/api'
import { client } from '../../api/client'
import { useApi } from '../../hooks/use-api'
import { Dialog } from '../Dialog'
import { ErrorAlert, Loading, SuccessMessage } from '../Messages'
import { ClientForm } from './ClientForm'
import { ClientStatusBar } from './ClientStatusBar'

interface ClientDialogProps {
  /** Absent: a new registration. */
  id?: number
  careProviders: readonly CareProviderRow[]
  onClose: () => void
  onSaved: (saved: ClientDetail, isNew: boolean) => void
  onStatusChanged: (updated: ClientDetail, label: string) => void
}

/** Register a client, or load one to correct the registration and change the status by hand. */
export function ClientDialog({
  id,
  careProviders,
  onClose,
  onSaved,
  onStatusChanged,
}: ClientDialogProps) {
  const detail = useApi(
    () => (id === undefined ? Promise.resolve(undefined) : client.clients.get({ id })),
    [id],
  )
  const [statusMessage, setStatusMessage] = useState<string>()
  // After a status change here the record has a new version: the form saves from that one at
  // once, or a save before the page's refetch arrives would be refused as if someone else had
  // changed the client meanwhile.
  const [changed, setChanged] = useState<ClientDetail>()
  const loaded = detail.data?.id === id ? detail.data : undefined
  const existing = changed?.id === id ? changed : loaded
  const title =
    id === undefined ? 'Kandidaat aanmelden' : existing ? `Kandidaat ${existing.code}` : 'Kandidaat'

  return (
    <Dialog
      title={title}
      description={existing ? `Aangemeld door ${existing.careProvider}` : undefined}
      onClose={onClose}
      size="wide"
    >
      {id !== undefined && !existing ? (
        <div className="dialog-body">
          <ErrorAlert message={detail.error} onRetry={detail.reload} />
          {detail.loading && <Loading label="Kandidaat laden…" />}
        </div>
      ) : (
        <>
          {existing && (
            <>
              <ClientStatusBar
                current={existing}
                onChanged={(updated, label) => {
                  setChanged(updated)
                  setStatusMessage(`Status gewijzigd: ${label}.`)
                  onStatusChanged(updated, label)
                }}
              />
              <SuccessMessage message={statusMessage} />
            </>
          )}
          <ClientForm
            existing={existing}
            careProviders={careProviders}
            onClose={onClose}
            onSaved={(saved) => onSaved(saved, id === undefined)}
          />
        </>
      )}
    </Dialog>
  )
}
