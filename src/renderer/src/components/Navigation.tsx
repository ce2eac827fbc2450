import { hrefOf, SECTIONS } from '../routes'

/** Plain links: Tab reaches them, Enter follows them, and each page keeps its own URL. */
export function Navigation({ current }: { current: string }) {
  return (
    <nav className="nav" aria-label="Hoofdmenu">
      <ul>
        {SECTIONS.map((section, index) => {
          const shortcut = `Alt+${index + 1}`
          return (
            <li key={section.path}>
              <a
                href={hrefOf(section.path)}
                aria-current={section.path === current ? 'page' : undefined}
                aria-keyshortcuts={shortcut}
                title={`${section.label} (${shortcut})`}
              >
                <span>{section.label}</span>
                {/* Hidden from the accessible name: aria-keyshortcuts already tells assistive tech. */}
                <kbd aria-hidden="true">{shortcut}</kbd>
              </a>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
