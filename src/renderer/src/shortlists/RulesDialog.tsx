import Markdown from 'markdown-to-jsx'
import rules from '../../../../docs/matching.md?raw'
import { Dialog } from '../components/Dialog'

/**
 * "Hoe kiest de app?": the rules, weights and settings of the matching in plain Dutch, the same
 * page as docs/matching.md, so what the officer reads is what the engine does. Rendered to React
 * elements (no HTML from the file reaches the page).
 */
export function RulesDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog
      title="Hoe kiest de app de kandidaten?"
      description="De regels, gewichten en instellingen van de matching, met rekenvoorbeelden."
      onClose={onClose}
      size="wide"
    >
      <div className="dialog-body rules-text">
        <Markdown options={{ disableParsingRawHTML: true }}>{rules}</Markdown>
      </div>
    </Dialog>
  )
}
