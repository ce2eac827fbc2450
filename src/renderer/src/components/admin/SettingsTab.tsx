import { useState } from 'react'
import type { EffectiveSettings } from '../../../../shared/api'
import { client } from '../../api/client'
import { useDataVersion } from '../../hooks/data-version'
import { useApi } from '../../hooks/use-api'
import { ErrorAlert, Loading, SuccessMessage } from '../Messages'
import { SettingsForm } from './SettingsForm'

/** Where the shown values come from, in the officers' words. */
function validity(settings: EffectiveSettings): string {
  if (settings.validFrom === null)
    return `Voor ${settings.year} zijn nog geen eigen waarden ingesteld: dit zijn de standaardwaarden.`
  if (settings.validFrom === settings.year) return `Geldig vanaf ${settings.validFrom}.`
  return `Geldig vanaf ${settings.validFrom}: voor ${settings.year} zelf is niets anders ingesteld.`
}

export function SettingsTab() {
  const thisYear = new Date().getFullYear()
  const years = [thisYear - 2, thisYear - 1, thisYear, thisYear + 1, thisYear + 2]
  const [year, setYear] = useState(thisYear)
  const settings = useApi(() => client.planning.getSettings({ year }), [year])
  const { refreshAll } = useDataVersion()
  const [message, setMessage] = useState<string>()
  const shown = settings.data?.year === year ? settings.data : undefined

  return (
    <>
      <p className="tab-intro">
        Huurgrenzen veranderen elk jaar. Waarden gelden vanaf het jaar waarvoor ze zijn opgeslagen,
        tot een later jaar eigen waarden krijgt.
      </p>
      <SuccessMessage message={message} />
      <ErrorAlert message={settings.error} onRetry={settings.reload} />
      <div className="toolbar">
        <div className="field">
          <label htmlFor="settings-year">Jaar</label>
          <select
            id="settings-year"
            value={year}
            onChange={(e) => {
              setMessage(undefined)
              setYear(Number(e.target.value))
            }}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        {shown && (
          <span className={shown.validFrom === null ? 'validity validity-default' : 'validity'}>
            {validity(shown)}
          </span>
        )}
      </div>
      {shown ? (
        <SettingsForm
          // A fresh form for each year and after each save, so it shows what is stored.
          key={`${shown.year}-${shown.validFrom}-${JSON.stringify(shown.values)}`}
          settings={shown}
          onSaved={(saved) => {
            setMessage(`Instellingen opgeslagen. Ze gelden vanaf ${saved.validFrom ?? saved.year}.`)
            refreshAll()
          }}
        />
      ) : (
        settings.loading && <Loading />
      )}
    </>
  )
}
