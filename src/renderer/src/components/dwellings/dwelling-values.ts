import type { DwellingDetail } from '../../../../shared/api'
import {
  DWELLING_YES_NO,
  DwellingInputSchema,
  type DwellingFields,
} from '../../../../shared/domain/dwelling-input'
import { formatDate } from '../../format'
import { readDates, unchosen, withIssues } from '../form/field-errors'
import {
  euroText,
  idFrom,
  isoDateFrom,
  numberFrom,
  numberText,
  yesNoDefaults,
  yesNoValuesOf,
  type FormValuesOf,
} from '../form/form-values'

/** The dwelling form as the officer fills it in: text for numbers, "" for nothing chosen yet. */
export type DwellingValues = FormValuesOf<DwellingFields> & {
  corporationId: string
  quarterKey: string
}

export function newDwellingValues(quarterKey: string): DwellingValues {
  return {
    corporationId: '',
    quarterKey,
    address: '',
    postcode: '',
    wijk: '',
    buurt: '',
    complex: '',
    type: '',
    selfContained: true,
    rooms: '',
    floor: '',
    ...yesNoDefaults(DWELLING_YES_NO),
    netRent: '',
    serviceCosts: '0,00',
    availableFrom: '',
    suitableFor: '',
    flipPossible: false,
    remarks: '',
  }
}

export function dwellingValuesOf(d: DwellingDetail): DwellingValues {
  return {
    corporationId: String(d.corporationId),
    quarterKey: d.quarterKey,
    address: d.address,
    postcode: d.postcode,
    wijk: d.wijk,
    buurt: d.buurt ?? '',
    complex: d.complex ?? '',
    type: d.type,
    selfContained: d.selfContained,
    rooms: numberText(d.rooms),
    floor: numberText(d.floor),
    ...yesNoValuesOf(DWELLING_YES_NO, d),
    netRent: euroText(d.netRent),
    serviceCosts: euroText(d.serviceCosts),
    availableFrom: formatDate(d.availableFrom),
    suitableFor: d.suitableFor,
    flipPossible: d.flipPossible,
    remarks: d.remarks ?? '',
  }
}

const orUndefined = (value: string) => (value === '' ? undefined : value)

/** Checked by the same schema as the service and the Excel import use. */
export function checkDwelling(v: DwellingValues) {
  const dates = readDates({ availableFrom: v.availableFrom }, isoDateFrom)
  const checked = DwellingInputSchema.safeParse({
    ...v,
    ...dates.values,
    corporationId: idFrom(v.corporationId),
    wijk: orUndefined(v.wijk),
    type: orUndefined(v.type),
    suitableFor: orUndefined(v.suitableFor),
    rooms: numberFrom(v.rooms),
    floor: numberFrom(v.floor),
    netRent: numberFrom(v.netRent),
    serviceCosts: numberFrom(v.serviceCosts),
  })
  const choices = unchosen(v, {
    wijk: 'Kies een wijk',
    type: 'Kies een type woning',
    suitableFor: 'Kies waarvoor de woning geschikt is',
  })
  return withIssues(checked, [...dates.issues, ...choices])
}
