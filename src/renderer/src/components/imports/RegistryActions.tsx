import { useState, type ReactNode } from 'react'
import type { FileResult, ImportKind } from '../../../../shared/api'
import type { Option } from '../form/SelectField'
import { IMPORT_WORDS } from './import-words'
import { ImportDialog } from './ImportDialog'
import { TemplateDialog } from './TemplateDialog'

interface Owner {
  id: number
  name: string
  active: boolean
}

interface RegistryActionsProps {
  kind: ImportKind
  /** The page's own first action: "Woning toevoegen", "Kandidaat aanmelden". */
  addLabel: string
  onAdd: () => void
  /** The corporations (dwellings) or care providers (clients); undefined until loaded. */
  owners: readonly Owner[] | undefined
  /** Dwellings only: the quarters an import may be for. */
  quarters?: readonly Option[]
  template: {
    title: string
    description: ReactNode
    fetch: (ownerId: number) => Promise<FileResult>
  }
  /** What to tell the officer; undefined when a dialog opens and the old message is stale. */
  onMessage: (message: string | undefined) => void
  /** After a committed import; the page refreshes its data. */
  onImported: () => void
}

/**
 * The action bar of a registry page (Woningen, Kandidaten): add one by hand, download the template
 * for a corporation or care provider, or import a filled-in template; with the two dialogs.
 */
export function RegistryActions({
  kind,
  addLabel,
  onAdd,
  owners,
  quarters,
  template,
  onMessage,
  onImported,
}: RegistryActionsProps) {
  const words = IMPORT_WORDS[kind]
  const [open, setOpen] = useState<'template' | 'import'>()
  // No action before there is someone to choose; only active owners are offered.
  const ready = owners !== undefined
  const active = (owners ?? [])
    .filter((o) => o.active)
    .map((o) => ({ value: String(o.id), label: o.name }))

  function show(dialog: typeof open) {
    onMessage(undefined)
    setOpen(dialog)
  }

  return (
    <>
      <div className="actions">
        <button type="button" className="button button-primary" onClick={onAdd} disabled={!ready}>
          {addLabel}
        </button>
        <button type="button" className="button" onClick={() => show('template')} disabled={!ready}>
          Sjabloon downloaden
        </button>
        <button type="button" className="button" onClick={() => show('import')} disabled={!ready}>
          Importeren…
        </button>
      </div>
      {open === 'template' && (
        <TemplateDialog
          title={template.title}
          description={template.description}
          ownerLabel={words.ownerLabel}
          ownerPlural={words.ownerPlural}
          owners={active}
          fetchTemplate={template.fetch}
          onClose={() => setOpen(undefined)}
          onDownloaded={(fileName) => {
            setOpen(undefined)
            onMessage(`Sjabloon ${fileName} is gedownload.`)
          }}
        />
      )}
      {open === 'import' && (
        <ImportDialog
          kind={kind}
          owners={active}
          quarters={quarters}
          onClose={() => setOpen(undefined)}
          onImported={(report) => {
            onMessage(
              `${words.imported} geïmporteerd uit ${report.fileName}: ${report.created} nieuw, ${report.updated} gewijzigd.`,
            )
            onImported()
          }}
        />
      )}
    </>
  )
}
