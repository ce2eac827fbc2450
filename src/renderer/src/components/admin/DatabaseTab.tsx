import { useState, type FormEvent } from 'react'
import { DatabaseUrlInput, type ConnectionTest, type DatabaseInfo } from '../../../../shared/api'
import { client } from '../../api/client'
import { useAction } from '../../hooks/use-action'
import { useApi } from '../../hooks/use-api'
import { dutchMessage } from '../../errors'
import { TextField } from '../form/TextField'
import { ErrorAlert, Loading, SuccessMessage } from '../Messages'

const STORE_LABEL: Record<DatabaseInfo['store'], string> = {
  sqlite: 'Databasebestand op dit bureau (SQLite)',
  postgres: 'Teamdatabase (PostgreSQL)',
}

/**
 * Beheer → Database: which store this desk uses, and the team's PostgreSQL for the next start. A
 * URL is saved only after "Verbinding testen" succeeded for exactly that URL (the server tests it
 * again before it saves). The password is typed here and never shown back.
 */
export function DatabaseTab() {
  const info = useApi(() => client.database.info(), [])
  const action = useAction()
  const [url, setUrl] = useState('')
  const [urlError, setUrlError] = useState<string>()
  const [tested, setTested] = useState<{ url: string; result: ConnectionTest }>()
  const [testing, setTesting] = useState(false)

  const data = info.data
  const testedThis = tested?.url === url.trim() ? tested.result : undefined

  async function test(event?: FormEvent) {
    event?.preventDefault()
    action.clear()
    const checked = DatabaseUrlInput.safeParse({ url })
    if (!checked.success) {
      setUrlError(checked.error.issues[0]?.message)
      setTested(undefined)
      return
    }
    setUrlError(undefined)
    setTesting(true)
    try {
      setTested({ url: checked.data.url, result: await client.database.test(checked.data) })
    } catch (error) {
      setTested({
        url: checked.data.url,
        result: { ok: false, message: dutchMessage(error), serverVersion: null },
      })
    } finally {
      setTesting(false)
    }
  }

  function save() {
    void action.run(async () => {
      const saved = await client.database.save({ url })
      setUrl('')
      setTested(undefined)
      info.reload()
      return `Opgeslagen. Vanaf de volgende start gebruikt dit bureau de teamdatabase ${saved.savedUrl ?? ''}.`
    })
  }

  function forget() {
    void action.run(async () => {
      await client.database.forget()
      info.reload()
      return 'Vanaf de volgende start gebruikt dit bureau weer zijn eigen databasebestand.'
    })
  }

  return (
    <div className="admin-panel">
      <p className="tab-intro">
        Eén bureau werkt met een eigen databasebestand. Werkt het team samen, dan gebruikt elk
        bureau dezelfde PostgreSQL-database van de organisatie.{' '}
        {data && !data.canSave
          ? // The host and the CLI choose at start (data.where says how): no promise to save here.
            'Hieronder staat welke database in gebruik is, en een database-URL van de beheerder is hier te testen.'
          : 'Vul hieronder de database-URL in die de beheerder gaf, test de verbinding en sla haar op. Ze geldt vanaf de volgende start van de app. Het wachtwoord wordt op dit bureau bewaard en nergens getoond.'}
      </p>
      <SuccessMessage message={action.message} />
      <ErrorAlert
        message={action.error ?? info.error}
        onRetry={action.error ? undefined : info.reload}
      />

      <section className="section" aria-labelledby="database-current-title">
        <h2 id="database-current-title">In gebruik</h2>
        {data ? (
          <dl className="database-facts">
            <dt>Soort</dt>
            <dd>{STORE_LABEL[data.store]}</dd>
            <dt>{data.store === 'sqlite' ? 'Bestand' : 'Server en database'}</dt>
            <dd>
              <code className="path">{data.location}</code>
            </dd>
            <dt>Versie</dt>
            <dd>{data.serverVersion}</dd>
            {data.nextStart && (
              <>
                <dt>Vanaf de volgende start</dt>
                <dd>{data.nextStart}</dd>
              </>
            )}
          </dl>
        ) : (
          info.loading && <Loading />
        )}
      </section>

      <section className="section" aria-labelledby="database-team-title">
        <h2 id="database-team-title">Teamdatabase (PostgreSQL)</h2>
        {data?.savedUrl && (
          <p>
            Opgeslagen op dit bureau: <code className="path">{data.savedUrl}</code>{' '}
            <button
              type="button"
              className="button button-small"
              onClick={forget}
              disabled={action.busy}
            >
              Weer het eigen databasebestand gebruiken
            </button>
          </p>
        )}
        <form className="inline-form" onSubmit={(event) => void test(event)} noValidate>
          <TextField
            name="url"
            label="Database-URL"
            value={url}
            onChange={(value) => {
              setUrl(value)
              setUrlError(undefined)
            }}
            error={urlError}
            placeholder="postgres://gebruiker:wachtwoord@server:5432/database"
            hint="Van de beheerder van de PostgreSQL-server (versie 15 of nieuwer). Extra instellingen zoals ?sslmode=require horen achter de naam van de database."
          />
          <div className="form-buttons">
            <button type="submit" className="button" disabled={testing}>
              {testing ? 'Bezig met testen…' : 'Verbinding testen'}
            </button>
            {data?.canSave && (
              <button
                type="button"
                className="button button-primary"
                onClick={save}
                disabled={!testedThis?.ok || action.busy}
                title={testedThis?.ok ? undefined : 'Test eerst de verbinding'}
              >
                Opslaan voor de volgende start
              </button>
            )}
          </div>
        </form>
        {testedThis &&
          (testedThis.ok ? (
            <SuccessMessage message={testedThis.message} />
          ) : (
            <ErrorAlert message={testedThis.message} />
          ))}
        {data && !data.canSave && <p className="muted">{data.where}</p>}
        {data?.canSave && (
          <p className="muted">
            De keuze wordt bewaard in <code className="path">{data.where}</code>.
          </p>
        )}
      </section>
    </div>
  )
}
