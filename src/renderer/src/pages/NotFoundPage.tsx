import { PageHeader } from '../components/PageHeader'
import { hrefOf } from '../routes'

export function NotFoundPage() {
  return (
    <>
      <PageHeader
        title="Pagina niet gevonden"
        description="Dit adres hoort niet bij een onderdeel van de applicatie."
      />
      <p>
        <a href={hrefOf('overzicht')}>Naar het overzicht</a>
      </p>
    </>
  )
}
