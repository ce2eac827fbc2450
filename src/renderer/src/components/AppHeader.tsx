import { useEffect, useRef, useState } from 'react'
import { fileName } from '../format'
import { useAppInfo } from '../hooks/app-info'
import { OfficerForm } from './OfficerForm'

export function AppHeader() {
  const { data: info, reload } = useAppInfo()
  const [editing, setEditing] = useState(false)
  const editButton = useRef<HTMLButtonElement>(null)
  const wasEditing = useRef(false)

  // Keyboard users land back where they started after saving or cancelling.
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus()
    wasEditing.current = editing
  }, [editing])

  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-name">Het Vierde Huis</span>
        <span className="brand-product">Matching</span>
      </div>
      <div className="session">
        {editing && info ? (
          <OfficerForm
            current={info.officer}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false)
              reload()
            }}
          />
        ) : (
          <div className="officer">
            <span>
              Medewerker: <strong>{info?.officer || 'onbekend'}</strong>
            </span>
            <button
              ref={editButton}
              type="button"
              className="button-link"
              onClick={() => setEditing(true)}
              disabled={!info}
            >
              Naam wijzigen
            </button>
          </div>
        )}
        {info && (
          <small className="database" title={info.databaseFile}>
            {info.store === 'postgres'
              ? `Teamdatabase (PostgreSQL): ${teamDatabaseName(info.databaseFile)}`
              : `Database: ${fileName(info.databaseFile)}`}{' '}
            · versie {info.version}
          </small>
        )}
      </div>
    </header>
  )
}

/** "db.vierdehuis.local/matching" from the URL without its password (the whole URL is the title). */
function teamDatabaseName(url: string): string {
  const parsed = URL.parse(url)
  return parsed ? `${parsed.hostname}${parsed.pathname}` : url
}
