import type { z } from 'zod'
import type {
  ClientsTemplateInput,
  DwellingsTemplateInput,
  FileResult,
} from '../../shared/api/imports'
import { parseQuarter, quarterLabel } from '../../shared/domain/quarter'
import { CLIENT_COLUMNS, CLIENT_EXAMPLE, CLIENTS_SHEET } from '../excel/client-columns'
import { DWELLING_COLUMNS, DWELLING_EXAMPLE, DWELLINGS_SHEET } from '../excel/dwelling-columns'
import { dutchDate, fileNamePart } from '../excel/naming'
import { MAX_DATA_ROWS } from '../excel/workbook-reader'
import { writeTemplate } from '../excel/template-writer'
import type { ServiceContext } from './context'
import { getCareProvider, getCorporation } from './import-owners'
import { localIsoDate } from '../../shared/domain/dates'

const maxRows = MAX_DATA_ROWS.toLocaleString('nl-NL')

/** The template a corporation fills in with the dwellings it submits for one quarter. */
export async function dwellingsTemplate(
  ctx: ServiceContext,
  { corporationId, quarterKey }: z.output<typeof DwellingsTemplateInput>,
): Promise<FileResult> {
  const corporation = await getCorporation(ctx.store.db, corporationId)
  const buffer = await writeTemplate({
    title: 'Woningen voordragen voor uitstroom en instroom MO/BW — Het Vierde Huis',
    facts: [
      ['Corporatie', corporation.name],
      ['Kwartaal', `${quarterLabel(parseQuarter(quarterKey))} (${quarterKey})`],
      ['Sjabloon gemaakt op', dutchDate(ctx.now())],
    ],
    instructions: [
      `Vul op het werkblad "${DWELLINGS_SHEET}" één rij in per woning die u dit kwartaal voordraagt.`,
      'Rij 2 is een voorbeeld. U mag die laten staan of overschrijven: een rij waarvan het adres met VOORBEELD begint, wordt niet geïmporteerd.',
      'Verander de kolomkoppen in rij 1 niet, voeg geen kolommen toe en voeg geen cellen samen. Lege rijen worden overgeslagen.',
      'Kies bij Wijk, Type, Geschikt voor en de ja/nee-kolommen een waarde uit de keuzelijst.',
      'Bedragen zijn in euro per maand (bijvoorbeeld 612,50); datums als dd-mm-jjjj.',
      `Hoogstens ${maxRows} woningen per bestand. Sla het bestand op als Excel-werkmap (.xlsx).`,
      'Levert u het bestand later opnieuw aan, dan worden wijzigingen overgenomen voor woningen waarvoor nog geen kandidaten zijn voorgedragen; niets wordt dubbel ingevoerd.',
    ],
    dataSheet: DWELLINGS_SHEET,
    columns: DWELLING_COLUMNS,
    example: DWELLING_EXAMPLE,
    meta: {
      kind: 'dwellings',
      corporationId: corporation.id,
      corporation: corporation.name,
      quarterKey,
    },
    createdAt: ctx.now(),
  })
  return {
    fileName: `woningen-${fileNamePart(corporation.name)}-${quarterKey}.xlsx`,
    base64: buffer.toString('base64'),
  }
}

/** The template a care provider fills in to register clients; it has no name or BSN column. */
export async function clientsTemplate(
  ctx: ServiceContext,
  { careProviderId }: z.output<typeof ClientsTemplateInput>,
): Promise<FileResult> {
  const provider = await getCareProvider(ctx.store.db, careProviderId)
  const today = ctx.now()
  const buffer = await writeTemplate({
    title: 'Cliënten aanmelden voor een woning (uitstroom en instroom MO/BW) — Het Vierde Huis',
    facts: [
      ['Zorgaanbieder', provider.name],
      ['Sjabloon gemaakt op', dutchDate(today)],
    ],
    instructions: [
      `Vul op het werkblad "${CLIENTS_SHEET}" één rij in per cliënt die u aanmeldt.`,
      'Vul geen naam, BSN, adres of andere persoonsgegevens in: alleen de cliëntcode die uw organisatie gebruikt. Een naam wordt, als dat nodig is, alleen in de app van Het Vierde Huis vastgelegd.',
      'Rij 2 is een voorbeeld. U mag die laten staan of overschrijven: een rij waarvan de cliëntcode met VOORBEELD begint, wordt niet geïmporteerd.',
      'Verander de kolomkoppen in rij 1 niet, voeg geen kolommen toe en voeg geen cellen samen. Lege rijen worden overgeslagen.',
      "Kies bij Doelgroep, In- of uitstroom, Intensiteit begeleiding en de ja/nee-kolommen een waarde uit de keuzelijst. Schrijf bij Voorkeurswijken en Uitgesloten wijken de wijknamen gescheiden door komma's.",
      'Bedragen zijn in euro per maand (bijvoorbeeld 650,00); datums als dd-mm-jjjj.',
      `Hoogstens ${maxRows} cliënten per bestand. Sla het bestand op als Excel-werkmap (.xlsx).`,
      'Levert u het bestand later opnieuw aan, dan worden wijzigingen overgenomen voor cliënten die nog wachten; niemand wordt dubbel aangemeld.',
    ],
    dataSheet: CLIENTS_SHEET,
    columns: CLIENT_COLUMNS,
    example: CLIENT_EXAMPLE,
    meta: { kind: 'clients', careProviderId: provider.id, careProvider: provider.name },
    createdAt: today,
  })
  return {
    fileName: `aanmeldingen-${fileNamePart(provider.name)}-${localIsoDate(today)}.xlsx`,
    base64: buffer.toString('base64'),
  }
}
