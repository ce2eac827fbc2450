import { useState, type FormEvent, type ReactNode } from 'react'
import type { FileResult } from '../../../../shared/api'
import { downloadBase64, XLSX_TYPE } from '../../files'
import { useAction } from '../../hooks/use-action'
import { FormDialog } from '../form/FormDialog'
import { SelectField, type Option } from '../form/SelectField'
import { submitOnEnter } from '../form/submit-on-enter'

interface TemplateDialogProps {
  title: string
  /** What the template is for, e.g. the quarter it will be submitted for. */
  description: ReactNode
  /** "Corporatie" / "Zorgaanbieder" */
  ownerLabel: string
  /** "corporaties" / "zorgaanbieders" */
  ownerPlural: string
  owners: readonly Option[]
  /** Asks the API for the file for the chosen owner. */
  fetchTemplate: (ownerId: number) => Promise<FileResult>
  onClose: () => void
  onDownloaded: (fileName: string) => void
}

/** Choose whose template it is, and the browser saves the .xlsx the API makes. */
export function TemplateDialog({
  title,
  description,
  ownerLabel,
  ownerPlural,
  owners,
  fetchTemplate,
  onClose,
  onDownloaded,
}: TemplateDialogProps) {
  const [owner, setOwner] = useState(owners.length === 1 ? (owners[0]?.value ?? '') : '')
  const [fieldError, setFieldError] = useState<string>()
  const action = useAction()

  function download(event: FormEvent) {
    event.preventDefault()
    if (owner === '') {
      setFieldError(`Kies een ${ownerLabel.toLowerCase()}`)
      return
    }
    void action.run(async () => {
      const file = await fetchTemplate(Number(owner))
      downloadBase64(file.fileName, file.base64, XLSX_TYPE)
      onDownloaded(file.fileName)
    })
  }

  return (
    <FormDialog
      title={title}
      description={description}
      onClose={onClose}
      form={{
        formProps: { onSubmit: download, onKeyDown: submitOnEnter, noValidate: true },
        formError: action.error,
        saving: action.busy,
      }}
      submitLabel="Downloaden"
      savingLabel="Sjabloon maken…"
    >
      <div className="form-grid form-grid-single">
        <SelectField
          name="owner"
          label={ownerLabel}
          required
          value={owner}
          onChange={(value) => {
            setOwner(value)
            setFieldError(undefined)
          }}
          placeholder={`Kies een ${ownerLabel.toLowerCase()}…`}
          options={owners}
          error={fieldError}
          hint={
            owners.length === 0
              ? `Er zijn nog geen actieve ${ownerPlural}: voeg ze toe bij Beheer.`
              : 'Het sjabloon vermeldt van wie het is; bij het importeren wordt dat herkend.'
          }
        />
      </div>
    </FormDialog>
  )
}
