import { useEffect, useState } from 'react'
import { PageHeader } from '../components/PageHeader'
import { Tabs } from '../components/Tabs'
import {
  readReportLocation,
  REPORT_TABS,
  reportHref,
  type ReportTab as Tab,
} from '../reports/report-location'
import { ReportTab } from '../reports/ReportTab'
import { ForecastTab } from '../reports/ForecastTab'
import { ShortlistExportTab } from '../reports/ShortlistExportTab'
import '../reports/report.css'

/**
 * Rapportages: the quarterly and yearly report (on screen, printed or as PDF, and as Excel), the
 * shortlists out to the corporations with their answers back. The log of every export is in Beheer.
 * Tab and period live in the hash (#/rapportages/rapport?periode=2026-Q3), so links land here.
 */
export function ReportsPage() {
  const [location, setLocation] = useState(readReportLocation)

  useEffect(() => {
    const onHashChange = () => setLocation(readReportLocation())
    window.addEventListener('hashchange', onHashChange)
    return () => window.removeEventListener('hashchange', onHashChange)
  }, [])

  function go(tab: Tab, period = location.period) {
    setLocation({ tab, period, part: undefined })
    // Replace, not push: switching tabs or periods should not fill the back button's history.
    window.history.replaceState(null, '', reportHref(tab, { period }))
  }

  return (
    <>
      <PageHeader
        title="Rapportages"
        description="Monitoring per kwartaal en per jaar voor het management, de gemeente en de partners, en de voordrachten in Excel voor de corporaties."
      />
      <Tabs
        label="Onderdelen van rapportages"
        tabs={REPORT_TABS}
        current={location.tab}
        onChange={(tab) => go(tab)}
      >
        {location.tab === 'rapport' && (
          <ReportTab
            period={location.period}
            part={location.part}
            onPeriodChange={(period) => go('rapport', period)}
          />
        )}
        {location.tab === 'exporteren' && <ShortlistExportTab />}
        {location.tab === 'vooruitblik' && <ForecastTab />}
      </Tabs>
    </>
  )
}
