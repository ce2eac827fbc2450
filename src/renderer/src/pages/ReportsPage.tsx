import { ComingSoon } from '../components/ComingSoon'
import { PageHeader } from '../components/PageHeader'

export function ReportsPage() {
  return (
    <>
      <PageHeader
        title="Rapportages"
        description="Monitoring per kwartaal en per jaar voor het management, de gemeente en de partners."
      />
      <ComingSoon summary="Rapportages volgen in een volgende versie. Ze zullen laten zien:">
        <ul>
          <li>
            ingediende woningen per corporatie per kwartaal, naast de taakstelling naar rato en het
            aandeel instroom;
          </li>
          <li>voorgedragen kandidaten, matches, aantal rondes en de motivaties bij afwijzingen;</li>
          <li>
            wachttijden (mediaan, aandeel binnen drie maanden) per doelgroep en per zorgaanbieder;
          </li>
          <li>
            de verdeling over zorgaanbieders naast hun contingent, en de spreiding over wijken en
            buurten.
          </li>
        </ul>
      </ComingSoon>
    </>
  )
}
