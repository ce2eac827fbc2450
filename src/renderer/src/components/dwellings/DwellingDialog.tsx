import type { CorporationRow, DwellingDetail } from '../../../../shared/api'
import { DWELLING_STATUS } from '../../../../shared/domain/vocabulary'
import { client } from '../../api/client'
import { useApi } from '../../hooks/use-api'
import { Dialog } from '../Dialog'
import { ErrorAlert, Loading } from '../Messages'
import { DwellingForm } from './DwellingForm'

interface DwellingDialogProps {
  /** Absent: add a new dwelling. */
  id?: number
  corporations: readonly CorporationRow[]
  quarters: readonly string[]
  defaultQuarter: string
  onClose: () => void
  onSaved: (saved: DwellingDetail, isNew: boolean) => void
}

/** Add a dwelling, or load one and open it for correction. */
export function DwellingDialog({ id, onClose, onSaved, ...rest }: DwellingDialogProps) {
  const detail = useApi(
    () => (id === undefined ? Promise.resolve(undefined) : client.dwellings.get({ id })),
    [id],
  )
  const dwelling = detail.data?.id === id ? detail.data : undefined
  const title =
    id === undefined ? 'Woning toevoegen' : dwelling ? `Woning ${dwelling.address}` : 'Woning'
  const description = dwelling
    ? `Ingediend door ${dwelling.corporation} · status ${DWELLING_STATUS.label(dwelling.status)}`
    : undefined

  return (
    <Dialog title={title} description={description} onClose={onClose} size="wide">
      {id !== undefined && !dwelling ? (
        <div className="dialog-body">
          <ErrorAlert message={detail.error} onRetry={detail.reload} />
          {detail.loading && <Loading label="Woning laden…" />}
        </div>
      ) : (
        <DwellingForm
          {...rest}
          dwelling={dwelling}
          onClose={onClose}
          onSaved={(saved) => onSaved(saved, id === undefined)}
        />
      )}
    </Dialog>
  )
}
