import type { YearSettings } from '../../shared/api/planning'

/**
 * Used until the officers enter a year's own values. 2026 limits (huurtoeslag): the young-people
 * limit equals the kwaliteitskortingsgrens, since under 23 rent benefit stops above it.
 */
export const DEFAULT_YEAR_SETTINGS: YearSettings = {
  kwaliteitskortingsgrens: 477.2,
  aftoppingsgrensLaag: 682.96,
  aftoppingsgrensHoog: 731.93,
  liberalisatiegrens: 932.93,
  youngMaxRent: 477.2,
  shortlistSize: 3,
  maxOpenShortlists: 1,
  answerWorkingDays: 10,
  offerReplyWorkingDays: 5,
  maxBalanceDays: 30,
}

export const YEAR_SETTINGS_KEY = 'yearSettings'
