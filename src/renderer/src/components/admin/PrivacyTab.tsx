import { useId, useState } from 'react'
import {
  PrivacySettingsSchema,
  type ClientRow,
  type HeldBy,
  type PrivacySettings,
} from '../../../../shared/api'
import { CLIENT_STATUS } from '../../../../shared/domain/vocabulary'
import { client } from '../../api/client'
import { downloadBase64 } from '../../files'
import { countOf, formatDate, formatDateTime } from '../../format'
import { useDataVersion } from '../../hooks/data-version'
import { useAction } from '../../hooks/use-action'
import { useApi } from '../../hooks/use-api'
import { useSaveForm } from '../../hooks/use-save-form'
import { EraseClientDialog } from './EraseClientDialog'
import { Field } from '../form/Field'
import { numberFrom, numberText } from '../form/form-values'
import { NumberField } from '../form/NumberField'
import { ErrorAlert, Loading, SuccessMessage } from '../Messages'

/**
 * Privacy (AVG): how long personal data of housed and withdrawn clients is kept, and a client's
 * rights of access and erasure. Both leave a trace in the audit trail and, for the download, in
 * the export log.
 */
export function PrivacyTab() {
  const settings = useApi(() => client.privacy.settings(), [])
  // One message for the tab, from whichever part acted last.
  const action = useAction()
  const [heldBy, setHeldBy] = useState<HeldBy[]>([])

  function done(text: string, held: HeldBy[] = []) {
    setHeldBy(held)
    action.show(text)
  }
  return (
    <div className="admin-panel">
      <p className="tab-intro">
        Cliëntgegevens zijn bijzondere persoonsgegevens. Van kandidaten die gehuisvest of
        ingetrokken zijn, wist de app na de bewaartermijn de persoonsgegevens (naam, geboortejaar,
        behoeften, wijken, toelichtingen); de cliëntcode en de gebeurtenissen blijven voor de
        cijfers. Dat gebeurt elke dag bij het starten.
      </p>
      <SuccessMessage message={action.message} />
      <StillInBackups heldBy={heldBy} />
      <ErrorAlert message={action.error ?? settings.error} onRetry={settings.reload} />
      <section className="section" aria-labelledby="retention-title">
        <h2 id="retention-title">Bewaartermijn</h2>
        {settings.data ? (
          <RetentionForm
            current={settings.data}
            action={action}
            onDone={(text) => {
              done(text)
              settings.reload()
            }}
          />
        ) : (
          settings.loading && <Loading />
        )}
      </section>
      <section className="section" aria-labelledby="rights-title">
        <h2 id="rights-title">Inzage en wissen op verzoek</h2>
        <ClientRights action={action} onDone={done} />
      </section>
    </div>
  )
}

/**
 * The erasure report's second half: copies made before the erasure still hold the client. They
 * are not edited (a backup is a faithful copy); they go by themselves under the backup retention.
 */
function StillInBackups({ heldBy }: { heldBy: HeldBy[] }) {
  if (heldBy.length === 0) return null
  const last = heldBy.reduce((a, b) => (a.goneBy > b.goneBy ? a : b))
  return (
    <div className="message">
      <div>
        <p>
          {countOf(heldBy.length, 'reservekopie bevat', 'reservekopieën bevatten')} de kandidaat
          nog, tot ze volgens de bewaarregels verdwijnen (uiterlijk {formatDate(last.goneBy)}):
        </p>
        <ul>
          {heldBy.map((b) => (
            <li key={b.name}>
              <code className="path">{b.name}</code> ({formatDateTime(b.madeAt)}, weg uiterlijk{' '}
              {formatDate(b.goneBy)})
            </li>
          ))}
        </ul>
      </div>
    </div>
  )
}

type Action = ReturnType<typeof useAction>

function RetentionForm({
  current,
  action,
  onDone,
}: {
  current: PrivacySettings
  action: Action
  onDone: (message: string) => void
}) {
  const { refreshAll } = useDataVersion()
  const form = useSaveForm({
    initial: { retentionMonths: numberText(current.retentionMonths) },
    check: (values) =>
      PrivacySettingsSchema.safeParse({ retentionMonths: numberFrom(values.retentionMonths) }),
    save: (input) => client.privacy.saveSettings(input),
    onSaved: (saved) =>
      onDone(`Bewaartermijn opgeslagen: ${countOf(saved.retentionMonths, 'maand', 'maanden')}.`),
  })

  function anonymiseNow() {
    void action.run(async () => {
      const result = await client.privacy.anonymise()
      onDone(
        result.anonymised === 0
          ? `Er waren geen kandidaten die langer dan ${result.retentionMonths} maanden gehuisvest of ingetrokken zijn en nog persoonsgegevens hadden.`
          : `${countOf(result.anonymised, 'kandidaat', 'kandidaten')} geanonimiseerd (gehuisvest of ingetrokken op of vóór ${formatDate(result.cutoff)}).`,
      )
      refreshAll()
    })
  }

  return (
    <form {...form.formProps} className="inline-form">
      <NumberField
        {...form.text('retentionMonths')}
        label="Persoonsgegevens bewaren na huisvesting of intrekking"
        suffix="maanden"
        required
        hint="Gangbaar is 24 maanden. Een kortere termijn wordt bij de volgende start toegepast, of nu met de knop."
      />
      <div className="form-buttons">
        <button type="submit" className="button" disabled={form.saving}>
          Opslaan
        </button>
        <button type="button" className="button" onClick={anonymiseNow} disabled={action.busy}>
          {action.busy ? 'Bezig…' : 'Nu toepassen'}
        </button>
      </div>
      <ErrorAlert message={form.formError} />
    </form>
  )
}

/** Finds a client by code (typed or picked from the list), then downloads or erases its data. */
function ClientRights({
  action,
  onDone,
}: {
  action: Action
  onDone: (message: string, heldBy?: HeldBy[]) => void
}) {
  const clients = useApi(() => client.clients.list({}), [])
  const listId = useId()
  const [code, setCode] = useState('')
  const [error, setError] = useState<string>()
  const [erasing, setErasing] = useState<ClientRow>()
  const found = clients.data?.find((c) => c.code.toLowerCase() === code.trim().toLowerCase())

  function chosen(): ClientRow | undefined {
    if (!found)
      setError(
        code.trim() === ''
          ? 'Vul de cliëntcode in.'
          : `Er is geen kandidaat met code ${code.trim()}.`,
      )
    return found
  }

  function download() {
    const target = chosen()
    if (!target) return
    setError(undefined)
    void action.run(async () => {
      const file = await client.privacy.exportClientData({ clientId: target.id })
      downloadBase64(file.fileName, file.base64, 'application/json')
      onDone(
        `De gegevens van ${target.code} zijn gedownload als ${file.fileName}. De download staat in het exportlog.`,
      )
    })
  }

  return (
    <>
      <p>
        Een kandidaat mag weten welke gegevens de app over hem of haar bevat, en mag vragen die te
        wissen. Het bestand bevat alles wat over de kandidaat is vastgelegd, ook de voordrachten en
        aanbiedingen.
      </p>
      <div className="inline-form">
        <Field name="code" label="Cliëntcode" error={error}>
          {(control) => (
            <span className="input-unit input-medium">
              <input
                {...control}
                list={listId}
                value={code}
                autoComplete="off"
                onChange={(e) => {
                  setCode(e.target.value)
                  setError(undefined)
                }}
              />
            </span>
          )}
        </Field>
        <datalist id={listId}>
          {clients.data?.map((c) => (
            <option key={c.id} value={c.code}>
              {c.careProvider} · {CLIENT_STATUS.labels[c.status]}
            </option>
          ))}
        </datalist>
        <div className="form-buttons">
          <button type="button" className="button" onClick={download}>
            Gegevens downloaden
          </button>
          <button
            type="button"
            className="button button-danger"
            onClick={() => {
              const target = chosen()
              if (target) setErasing(target)
            }}
          >
            Gegevens wissen…
          </button>
        </div>
      </div>
      {found && (
        <p className="muted">
          {found.code}: {found.careProvider}, {CLIENT_STATUS.labels[found.status].toLowerCase()}{' '}
          sinds {formatDate(found.statusSince)}.
        </p>
      )}
      {erasing && (
        <EraseClientDialog
          target={erasing}
          onClose={() => setErasing(undefined)}
          onErased={(text, result) => {
            setErasing(undefined)
            setCode('')
            clients.reload()
            onDone(text, result.heldBy)
          }}
        />
      )}
    </>
  )
}
