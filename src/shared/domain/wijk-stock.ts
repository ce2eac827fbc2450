import type { Wijk, WijkFigureSource } from './vocabulary'

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

/**
 * The 2018 figures of seed 003 (Plan van aanpak 2019, "Spreiding over de stad"), the start of the
 * wijk figures in Beheer. The plan gives Overvecht's stock (9,600) and the social share of Overvecht
 * (61 %), Zuidwest (38 %), Zuid (36 %) and Noordwest (34 %); other stocks follow the shares above of
 * 43,000. Of the 244 MO/BW placements of 2018 it names Overvecht's 55; the plan notes that placements
 * otherwise follow the social stock ("naar rato … gelijkelijk verdeeld"), so the other 189 are spread
 * that way. The remaining social shares are estimates (marked so) for the officer to correct.
 */
export const WIJK_FIGURES_2018: Readonly<
  Record<
    Wijk,
    { socialStock: number; socialShare: number; placements: number; source: WijkFigureSource }
  >
> = {
  overvecht: { socialStock: 9600, socialShare: 0.61, placements: 55, source: 'plan-2019' },
  zuidwest: { socialStock: 6880, socialShare: 0.38, placements: 39, source: 'plan-2019' },
  noordwest: { socialStock: 6880, socialShare: 0.34, placements: 39, source: 'plan-2019' },
  zuid: { socialStock: 4730, socialShare: 0.36, placements: 27, source: 'plan-2019' },
  'leidsche-rijn': { socialStock: 4300, socialShare: 0.21, placements: 24, source: 'schatting' },
  oost: { socialStock: 2580, socialShare: 0.17, placements: 15, source: 'schatting' },
  west: { socialStock: 2580, socialShare: 0.2, placements: 14, source: 'schatting' },
  noordoost: { socialStock: 2150, socialShare: 0.15, placements: 12, source: 'schatting' },
  'vleuten-de-meern': { socialStock: 2150, socialShare: 0.13, placements: 12, source: 'schatting' },
  binnenstad: { socialStock: 1290, socialShare: 0.12, placements: 7, source: 'schatting' },
}
