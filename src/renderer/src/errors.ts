import { ApiError } from '../../shared/api'

/** Every failure the officer sees is a Dutch sentence; technical detail goes to the console. */
export function dutchMessage(error: unknown): string {
  if (error instanceof ApiError) {
    // For invalid input the issue messages are the useful part ("Vul uw naam in …"); the summary
    // names the field by its internal (English) key.
    if (error.code === 'invalid-input' && error.issues?.length)
      return error.issues.map((i) => i.message).join(' ')
    return error.message
  }
  console.error(error)
  // fetch rejects with a TypeError when the host is unreachable; a non-JSON reply gives a SyntaxError.
  if (error instanceof TypeError) return 'Geen verbinding met de applicatie. Probeer het opnieuw.'
  if (error instanceof SyntaxError)
    return 'De applicatie gaf een onverwacht antwoord. Probeer het opnieuw.'
  return 'Er ging iets onverwachts mis. Probeer het opnieuw; blijft het misgaan, meld het dan bij de beheerder.'
}
