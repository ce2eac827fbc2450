import { lazy, Suspense, useEffect, useRef, type ComponentType } from 'react'
import { AppHeader } from './components/AppHeader'
import { Loading } from './components/Messages'
import { Navigation } from './components/Navigation'
import { OtherDeskHint } from './components/OtherDeskHint'
import { AppInfoProvider } from './hooks/app-info'
import { DataVersionProvider } from './hooks/data-version'
import { useOtherDesks } from './hooks/other-desks'
import { useHashRoute } from './hooks/use-hash-route'
import { useSectionShortcuts } from './hooks/use-section-shortcuts'
import { NotFoundPage } from './pages/NotFoundPage'
import { OverviewPage } from './pages/OverviewPage'
import { sectionOf, type SectionPath } from './routes'

// The first screen (Overzicht) paints without the grid and chart libraries: every other page, and
// the libraries it brings (ag-grid, recharts), loads when first opened.
const DwellingsPage = lazy(() =>
  import('./pages/DwellingsPage').then((m) => ({ default: m.DwellingsPage })),
)
const ClientsPage = lazy(() =>
  import('./pages/ClientsPage').then((m) => ({ default: m.ClientsPage })),
)
const ShortlistsPage = lazy(() =>
  import('./pages/ShortlistsPage').then((m) => ({ default: m.ShortlistsPage })),
)
const ReportsPage = lazy(() =>
  import('./pages/ReportsPage').then((m) => ({ default: m.ReportsPage })),
)
const AdminPage = lazy(() => import('./pages/AdminPage').then((m) => ({ default: m.AdminPage })))

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

/** As focusPageTitle, also for a page still loading (lazy): focus its title once it appears. */
function focusPageTitleWhenShown(): () => void {
  const main = document.getElementById('main')
  if (!main || main.querySelector('h1')) {
    focusPageTitle()
    return () => {}
  }
  const observer = new MutationObserver(() => {
    if (!main.querySelector('h1')) return
    observer.disconnect()
    focusPageTitle()
  })
  observer.observe(main, { childList: true, subtree: true })
  return () => observer.disconnect()
}

function Shell() {
  const path = useHashRoute()
  useSectionShortcuts()
  const section = sectionOf(path)
  const Page = section ? PAGES[section.path] : NotFoundPage
  const otherDesk = useOtherDesks(path)

  // After navigating, put focus on the new page's title, so keyboard and screen-reader users start
  // there instead of on a link in the menu. Not on first load: then the window itself has focus.
  const firstRender = useRef(true)
  useEffect(() => {
    document.title = `${section?.label ?? 'Pagina niet gevonden'} — Het Vierde Huis`
    if (firstRender.current) {
      firstRender.current = false
      return undefined
    }
    return focusPageTitleWhenShown()
  }, [path, section])

  return (
    <div className="app">
      <button type="button" className="skip-link" onClick={focusPageTitle}>
        Naar de inhoud
      </button>
      <AppHeader />
      <Navigation current={path} />
      <main id="main" className="main">
        <Suspense fallback={<Loading label="Pagina laden…" />}>
          <Page key={path} />
        </Suspense>
      </main>
      <OtherDeskHint note={otherDesk} />
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
