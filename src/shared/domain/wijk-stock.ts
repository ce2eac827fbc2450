import type { Wijk } from './vocabulary'

/**
 * Each wijk's share of the corporations' 43,000 social-rent dwellings in Utrecht (domain.md §3:
 * Overvecht 22 %, Zuidwest 16 %, Noordwest 16 %, Zuid 11 %, Binnenstad 3 %, Noordoost 5 %, Oost 6 %,
 * West 6 %; the rest of the stock over Leidsche Rijn and Vleuten-De Meern). Spreading compares
 * placements with these shares.
 */
export const WIJK_STOCK_SHARE: Readonly<Record<Wijk, number>> = {
  overvecht: 0.22,
  zuidwest: 0.16,
  noordwest: 0.16,
  zuid: 0.11,
  'leidsche-rijn': 0.1,
  oost: 0.06,
  west: 0.06,
  noordoost: 0.05,
  'vleuten-de-meern': 0.05,
  binnenstad: 0.03,
}
