import { ComingSoon } from '../components/ComingSoon'
import { PageHeader } from '../components/PageHeader'

export function ShortlistsPage() {
  return (
    <>
      <PageHeader
        title="Voordrachten"
        description="Kandidaten voordragen voor de woningen die de corporaties hebben ingediend."
      />
      <ComingSoon summary="Voordrachten per woning volgen in een volgende versie. Daarmee kunt u:">
        <ul>
          <li>
            per ingediende woning een aantal passende kandidaten voordragen, met een eerlijke
            verdeling over zorgaanbieders en wachttijden;
          </li>
          <li>
            de voordracht als Excel-bestand aan de corporatie sturen, met alleen de gegevens die zij
            voor deze woning nodig heeft;
          </li>
          <li>
            de keuze van de corporatie vastleggen, of de afwijzing met motivatie, en dan een nieuwe
            ronde starten;
          </li>
          <li>
            de eenmalige aanbieding aan de gekozen kandidaat en de uitkomst daarvan bijhouden.
          </li>
        </ul>
      </ComingSoon>
    </>
  )
}
