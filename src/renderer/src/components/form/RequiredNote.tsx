/** Said once at the top of a form rather than on every field. */
export function RequiredNote() {
  return (
    <p className="form-note">
      Velden met een <span className="required-mark">*</span> zijn verplicht.
    </p>
  )
}
