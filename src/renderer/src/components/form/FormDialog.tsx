import type { ComponentProps, ReactNode } from 'react'
import { Dialog } from '../Dialog'
import { FormFooter } from './FormFooter'

/** What the shell needs of a form: `useSaveForm` gives all three. */
export interface DialogFormState {
  formProps: Omit<ComponentProps<'form'>, 'className' | 'children'>
  formError: string | undefined
  saving: boolean
}

interface DialogFormProps {
  form: DialogFormState
  onClose: () => void
  /** The primary action, "Opslaan" unless the step has a name of its own. */
  submitLabel?: string
  /** Said on the primary action while it runs, "Opslaan…" unless told. */
  savingLabel?: string
  /** The fields and notes, in the scrolling body. */
  children: ReactNode
}

/**
 * The form part of a dialog: the fields in the body, then the footer with the form's message,
 * Annuleren and the primary action. On its own where the dialog around it shows more than the form
 * (a registration that loads first); otherwise through FormDialog.
 */
export function DialogForm({ form, onClose, submitLabel, savingLabel, children }: DialogFormProps) {
  return (
    <form {...form.formProps} className="dialog-form">
      <div className="dialog-body">{children}</div>
      <FormFooter
        error={form.formError}
        saving={form.saving}
        onCancel={onClose}
        submitLabel={submitLabel}
        savingLabel={savingLabel}
      />
    </form>
  )
}

type FormDialogProps = DialogFormProps & Omit<ComponentProps<typeof Dialog>, 'children'>

/**
 * One dialog shell for every form that asks and then saves: title and description, the fields,
 * the Dutch messages (per field and for the form), Annuleren and the primary action with its busy
 * state; Escape, focus and the focus trap come from Dialog.
 */
export function FormDialog({ title, description, size, onClose, ...form }: FormDialogProps) {
  return (
    <Dialog title={title} description={description} size={size} onClose={onClose}>
      <DialogForm {...form} onClose={onClose} />
    </Dialog>
  )
}
