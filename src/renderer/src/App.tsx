import { useEffect, useRef, type ComponentType } from 'react'
import { AppHeader } from './components/AppHeader'
import { Navigation } from './components/Navigation'
import { AppInfoProvider } from './hooks/app-info'
import { DataVersionProvider } from './hooks/data-version'
import { useHashRoute } from './hooks/use-hash-route'
import { useSectionShortcuts } from './hooks/use-section-shortcuts'
import { AdminPage } from './pages/AdminPage'
import { ClientsPage } from './pages/ClientsPage'
import { DwellingsPage } from './pages/DwellingsPage'
import { NotFoundPage } from './pages/NotFoundPage'
import { OverviewPage } from './pages/OverviewPage'
import { ReportsPage } from './pages/ReportsPage'
import { ShortlistsPage } from './pages/ShortlistsPage'
import { sectionOf, type SectionPath } from './routes'

const PAGES: Record<SectionPath, ComponentType> = {
  overzicht: OverviewPage,
  woningen: DwellingsPage,
  kandidaten: ClientsPage,
  voordrachten: ShortlistsPage,
  rapportages: ReportsPage,
  beheer: AdminPage,
}

function focusPageTitle() {
  document.querySelector<HTMLElement>('#main h1')?.focus()
}

function Shell() {
  const path = useHashRoute()
  useSectionShortcuts()
  const section = sectionOf(path)
  const Page = section ? PAGES[section.path] : NotFoundPage

  // After navigating, put focus on the new page's title, so keyboard and screen-reader users start
  // there instead of on a link in the menu. Not on first load: then the window itself has focus.
  const firstRender = useRef(true)
  useEffect(() => {
    document.title = `${section?.label ?? 'Pagina niet gevonden'} — Het Vierde Huis`
    if (firstRender.current) firstRender.current = false
    else focusPageTitle()
  }, [path, section])

  return (
    <div className="app">
      <button type="button" className="skip-link" onClick={focusPageTitle}>
        Naar de inhoud
      </button>
      <AppHeader />
      <Navigation current={path} />
      <main id="main" className="main">
        <Page key={path} />
      </main>
    </div>
  )
}

export function App() {
  return (
    <DataVersionProvider>
      <AppInfoProvider>
        <Shell />
      </AppInfoProvider>
    </DataVersionProvider>
  )
}
