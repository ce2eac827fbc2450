import { useEffect, useState } from 'react'
import { CareProvidersTab } from '../components/admin/CareProvidersTab'
import { CorporationsTab } from '../components/admin/CorporationsTab'
import { ExportLogTab } from '../components/admin/ExportLogTab'
import { SettingsTab } from '../components/admin/SettingsTab'
import { SpreadingTab } from '../components/admin/SpreadingTab'
import { YearTargetsTab } from '../components/admin/YearTargetsTab'
import { BackupsTab } from '../components/admin/BackupsTab'
import { DatabaseTab } from '../components/admin/DatabaseTab'
import { PrivacyTab } from '../components/admin/PrivacyTab'
import { PageHeader } from '../components/PageHeader'
import { Tabs, type TabSpec } from '../components/Tabs'
import { hrefOf } from '../routes'

const TABS = [
  { key: 'corporaties', label: 'Corporaties' },
  { key: 'zorgaanbieders', label: 'Zorgaanbieders' },
  { key: 'taakstelling', label: 'Taakstelling per jaar' },
  { key: 'instellingen', label: 'Instellingen per jaar' },
  { key: 'spreiding', label: 'Spreiding' },
  { key: 'reservekopieen', label: 'Reservekopieën' },
  { key: 'database', label: 'Database' },
  { key: 'privacy', label: 'Privacy' },
  { key: 'exportlog', label: 'Exportlog' },
] as const satisfies readonly TabSpec<string>[]

type AdminTab = (typeof TABS)[number]['key']

/** "#/beheer/zorgaanbieders" opens that tab, so a link (or a reload) lands on the right one. */
function tabFromHash(): AdminTab {
  const sub = window.location.hash.split('/')[2]
  return TABS.find((tab) => tab.key === sub)?.key ?? 'corporaties'
}

export function AdminPage() {
  const [tab, setTab] = useState<AdminTab>(tabFromHash)

  useEffect(() => {
    const onHashChange = () => setTab(tabFromHash())
    window.addEventListener('hashchange', onHashChange)
    return () => window.removeEventListener('hashchange', onHashChange)
  }, [])

  function choose(key: AdminTab) {
    setTab(key)
    // Replace, not push: switching tabs should not fill the back button's history.
    window.history.replaceState(null, '', `${hrefOf('beheer')}/${key}`)
  }

  return (
    <>
      <PageHeader
        title="Beheer"
        description="De corporaties en zorgaanbieders waarmee Het Vierde Huis werkt, de taakstelling en de instellingen per jaar, de spreiding over de wijken, de reservekopieën, de database, de privacy en het log van alles wat de app verlaat."
      />
      <Tabs label="Onderdelen van beheer" tabs={TABS} current={tab} onChange={choose}>
        {tab === 'corporaties' && <CorporationsTab />}
        {tab === 'zorgaanbieders' && <CareProvidersTab />}
        {tab === 'taakstelling' && <YearTargetsTab />}
        {tab === 'instellingen' && <SettingsTab />}
        {tab === 'spreiding' && <SpreadingTab />}
        {tab === 'reservekopieen' && <BackupsTab />}
        {tab === 'database' && <DatabaseTab />}
        {tab === 'privacy' && <PrivacyTab />}
        {tab === 'exportlog' && <ExportLogTab />}
      </Tabs>
    </>
  )
}
