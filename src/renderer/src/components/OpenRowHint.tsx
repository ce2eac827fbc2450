/** Says how a grid row is opened, once, next to the grid's buttons. */
export function OpenRowHint({ what = 'wijzigen' }: { what?: string }) {
  return (
    <span className="open-row-hint">
      <kbd>Enter</kbd> of dubbelklik op een rij: {what}
    </span>
  )
}
