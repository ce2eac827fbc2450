import type { ClientDetail } from '../../../../shared/api'
import type { z } from 'zod'
import {
  CLIENT_YES_NO,
  ClientInputSchema,
  type ClientFields,
  type SupportContactSchema,
} from '../../../../shared/domain/client-input'
import { formatDate } from '../../format'
import { readDates, unchosen, withIssues } from '../form/field-errors'
import {
  euroText,
  idFrom,
  isoDateFrom,
  numberFrom,
  numberText,
  optionalNumberFrom,
  todayIso,
  yesNoDefaults,
  yesNoValuesOf,
  type FormValuesOf,
} from '../form/form-values'

/** The client form as the officer fills it in: text for numbers, "" for nothing chosen yet. */
export type ClientValues = FormValuesOf<ClientFields & z.output<typeof SupportContactSchema>> & {
  careProviderId: string
}

export function newClientValues(): ClientValues {
  return {
    code: '',
    name: '',
    careProviderId: '',
    targetGroup: '',
    flow: 'uitstroom',
    registeredOn: formatDate(todayIso()),
    adults: '1',
    children: '0',
    birthYear: '',
    maxRent: '',
    minRooms: '1',
    ...yesNoDefaults(CLIENT_YES_NO),
    preferredWijken: [],
    excludedWijken: [],
    exclusionForSafety: false,
    supportIntensity: '',
    supportMonths: '',
    supportContactName: '',
    supportContactPhone: '',
    supportContactEmail: '',
    notes: '',
  }
}

export function clientValuesOf(c: ClientDetail): ClientValues {
  return {
    code: c.code,
    name: c.name ?? '',
    careProviderId: String(c.careProviderId),
    targetGroup: c.targetGroup,
    flow: c.flow,
    registeredOn: formatDate(c.registeredOn),
    adults: numberText(c.adults),
    children: numberText(c.children),
    birthYear: String(c.birthYear),
    maxRent: euroText(c.maxRent),
    minRooms: numberText(c.minRooms),
    ...yesNoValuesOf(CLIENT_YES_NO, c),
    preferredWijken: c.preferredWijken,
    excludedWijken: c.excludedWijken,
    exclusionForSafety: c.exclusionForSafety,
    supportIntensity: c.supportIntensity ?? '',
    supportMonths: numberText(c.supportMonths),
    supportContactName: c.supportContactName ?? '',
    supportContactPhone: c.supportContactPhone ?? '',
    supportContactEmail: c.supportContactEmail ?? '',
    notes: c.notes ?? '',
  }
}

const orUndefined = (value: string) => (value === '' ? undefined : value)

/**
 * Checked by the same schema as the service and the Excel import use. The support provider is
 * not on the form: it follows the care provider unless it was set to another one before.
 */
export function checkClient(v: ClientValues, existing: ClientDetail | undefined) {
  const ownSupport =
    existing && existing.supportProviderId !== existing.careProviderId
      ? existing.supportProviderId
      : null
  const dates = readDates({ registeredOn: v.registeredOn }, isoDateFrom)
  const checked = ClientInputSchema.safeParse({
    ...v,
    ...dates.values,
    careProviderId: idFrom(v.careProviderId),
    supportProviderId: ownSupport,
    targetGroup: orUndefined(v.targetGroup),
    flow: orUndefined(v.flow),
    adults: numberFrom(v.adults),
    children: numberFrom(v.children),
    birthYear: numberFrom(v.birthYear),
    maxRent: numberFrom(v.maxRent),
    minRooms: numberFrom(v.minRooms),
    supportIntensity: v.supportIntensity === '' ? null : v.supportIntensity,
    supportMonths: optionalNumberFrom(v.supportMonths),
  })
  const choices = unchosen(v, { targetGroup: 'Kies een doelgroep', flow: 'Kies in- of uitstroom' })
  return withIssues(checked, [...dates.issues, ...choices])
}
