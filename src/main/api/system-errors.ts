/**
 * File-system and SQLite failures in the officer's language, each with what to do. One table for
 * the API, the command line and `serve`, so `EPERM` or `disk I/O error` never reaches a screen.
 * SQLite's extended codes (SQLITE_IOERR_WRITE, SQLITE_BUSY_SNAPSHOT, …) fall under their base code.
 */
const SYSTEM_ERRORS: Record<string, string> = {
  EACCES:
    'Geen toegang tot het bestand of de map. Kies een andere plek of vraag beheer om schrijfrechten.',
  EPERM:
    'Het besturingssysteem staat dit niet toe: het bestand is alleen-lezen of in gebruik door een ander programma. Sluit dat programma of kies een andere plek.',
  EBUSY:
    'Het bestand is in gebruik door een ander programma. Sluit dat programma en probeer het opnieuw.',
  EISDIR: 'Dit is een map, geen bestand. Kies een bestandsnaam.',
  ENOTDIR: 'Een deel van het pad is geen map. Controleer het pad.',
  ENOENT:
    'Het bestand of de map bestaat niet (meer). Controleer het pad; staat het op een netwerkschijf, controleer dan de verbinding.',
  EEXIST: 'Er staat al een bestand met deze naam. Kies een andere naam.',
  ENAMETOOLONG: 'Het pad of de bestandsnaam is te lang. Kies een kortere naam of een andere map.',
  ENOSPC: 'De schijf is vol. Maak ruimte vrij of kies een andere schijf, en probeer het opnieuw.',
  EDQUOT: 'Uw schijfruimte is op. Maak ruimte vrij of vraag beheer om meer ruimte.',
  EROFS: 'De schijf kan alleen gelezen worden. Kies een andere plek.',
  EADDRINUSE:
    'De poort is al in gebruik: draait de app al? Open die, of kies een andere poort met --port.',
  EIO: 'De schijf gaf een lees- of schrijffout. Controleer de schijf of de netwerkverbinding en probeer het opnieuw.',
  SQLITE_IOERR:
    'De schijf gaf een lees- of schrijffout bij de database. Controleer de schijf of de netwerkverbinding en probeer het opnieuw; blijft het, neem dan contact op met beheer.',
  SQLITE_FULL:
    'De schijf met de database is vol. Maak ruimte vrij en probeer het opnieuw; er is niets opgeslagen.',
  SQLITE_BUSY:
    'De database is even bezet door een ander programma. Probeer het over een ogenblik opnieuw.',
  SQLITE_LOCKED:
    'De database is even bezet door een ander programma. Probeer het over een ogenblik opnieuw.',
  SQLITE_READONLY:
    'De database kan alleen gelezen worden (alleen-lezen bestand of map). Vraag beheer om schrijfrechten.',
  SQLITE_CANTOPEN:
    'De database kan niet worden geopend. Controleer of het pad naar een bestand wijst (niet naar een map) en of u er toegang toe hebt.',
  SQLITE_PERM:
    'Geen toegang tot de database. Vraag beheer om schrijfrechten op het bestand en de map.',
  SQLITE_NOTADB:
    'Dit bestand is geen database van deze app, of het is beschadigd. Kies het juiste bestand of zet de laatste goede reservekopie terug.',
  SQLITE_CORRUPT:
    'Het databasebestand is beschadigd. Zet de laatste goede reservekopie terug (Beheer → Reservekopieën, of `npm run cli -- restore --latest`) of neem contact op met beheer.',
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code === 'string') return code
  // Some SQLite failures surface only as text, e.g. through a wrapped error.
  const message = error instanceof Error ? error.message : ''
  if (/disk I\/O error/i.test(message)) return 'SQLITE_IOERR'
  if (/database or disk is full/i.test(message)) return 'SQLITE_FULL'
  if (/database is locked/i.test(message)) return 'SQLITE_BUSY'
  return undefined
}

/** The Dutch sentence for a file-system or SQLite failure, or null when it is something else. */
export function systemErrorText(error: unknown): string | null {
  const code = codeOf(error)
  if (!code) return null
  const base = Object.keys(SYSTEM_ERRORS).find((key) => code === key || code.startsWith(`${key}_`))
  return base ? SYSTEM_ERRORS[base]! : null
}

/** For a command line or `serve`: a known failure in Dutch, an expected error's own (Dutch) text. */
export function describeForOfficer(error: unknown): string {
  return (
    systemErrorText(error) ??
    (error instanceof Error ? error.message : `Onverwachte fout: ${String(error)}`)
  )
}
