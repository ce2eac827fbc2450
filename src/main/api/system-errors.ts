import { DrizzleQueryError } from 'drizzle-orm'
import { errorCode } from '../db/dialect'

/**
 * File-system, SQLite and PostgreSQL failures in the officer's language, each with what to do. One
 * table for the API, the command line and `serve`, so `EPERM` or `disk I/O error` never reaches a
 * screen. SQLite's extended codes (SQLITE_IOERR_WRITE, SQLITE_BUSY_SNAPSHOT, …) fall under their
 * base code; PostgreSQL's five-character SQLSTATEs under their own code or their class (53…).
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
  // PostgreSQL (team mode): the server's SQLSTATE, exact or by class.
  '53100':
    'De schijf van de databaseserver is vol. Er is niets opgeslagen; vraag beheer om ruimte vrij te maken en probeer het daarna opnieuw.',
  '53': 'De databaseserver heeft even te weinig geheugen of verbindingen. Er is niets opgeslagen; probeer het over een ogenblik opnieuw, en blijft het, neem dan contact op met beheer.',
  '08': 'De verbinding met de databaseserver is verbroken. Er is niets opgeslagen; controleer de netwerkverbinding en probeer het opnieuw.',
  '57P':
    'De databaseserver wordt herstart of is even niet beschikbaar. Er is niets opgeslagen; probeer het over een ogenblik opnieuw.',
  '42501':
    'Geen toegang tot de database op de server. Vraag beheer om de juiste rechten voor uw gebruiker.',
  '25006':
    'De database op de server kan nu alleen gelezen worden. Vraag beheer waarom, en probeer het later opnieuw.',
}

/** A SQLSTATE of the classes above: five digits or capitals, the first a digit. */
const SQLSTATE = /^[0-9][0-9A-Z]{4}$/

/**
 * The error and what it wraps: drizzle wraps a PostgreSQL driver's error in a DrizzleQueryError
 * (its `cause`), whose own message is the query and its parameters.
 */
function* chain(error: unknown): Generator<unknown> {
  for (let e = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++)
    yield e
}

function codeOf(error: unknown): string | undefined {
  const code = errorCode(error)
  if (code) return code
  // Some failures surface only as text, e.g. through a wrapped error.
  const message = error instanceof Error ? error.message : ''
  if (/disk I\/O error/i.test(message)) return 'SQLITE_IOERR'
  if (/database or disk is full/i.test(message)) return 'SQLITE_FULL'
  if (/database is locked/i.test(message)) return 'SQLITE_BUSY'
  // node-postgres, when the server goes away mid-query (no SQLSTATE: there was no answer).
  for (const e of chain(error))
    if (e instanceof Error && /^Connection terminated/i.test(e.message)) return '08006'
  return undefined
}

/** The Dutch sentence for a file-system or database failure, or null when it is something else. */
export function systemErrorText(error: unknown): string | null {
  const code = codeOf(error)
  if (!code) return null
  const base =
    SYSTEM_ERRORS[code] !== undefined
      ? code
      : Object.keys(SYSTEM_ERRORS).find((key) =>
          SQLSTATE.test(code) ? code.startsWith(key) : code.startsWith(`${key}_`),
        )
  return base ? SYSTEM_ERRORS[base]! : null
}

/**
 * The error as the database itself gave it: on PostgreSQL without drizzle's wrapper, whose
 * message would show the query and its parameters (client data) where SQLite shows only its own
 * message.
 */
export function driverError(error: unknown): unknown {
  let e = error
  while (e instanceof DrizzleQueryError && e.cause) e = e.cause
  return e
}

/** For a command line or `serve`: a known failure in Dutch, an expected error's own (Dutch) text. */
export function describeForOfficer(error: unknown): string {
  const system = systemErrorText(error)
  if (system) return system
  const own = driverError(error)
  return own instanceof Error ? own.message : `Onverwachte fout: ${String(own)}`
}
