/**
 * The yearly target's defaults from seed 003 (Plan van Aanpak, "taakstelling"): 385 dwellings a
 * year for Utrecht city, 275 for the regular need plus 110 catch-up (inhaalslag); of them 20 %
 * instroom in 2019, 30 % in 2020, then 10 percentage points more each year of the plan (to 2023).
 * The officers can change every value per year in Beheer; these only fill in a new year.
 */
export const DEFAULT_TARGET = 385
export const DEFAULT_CATCH_UP = 110

const FIRST_YEAR = 2019
const LAST_PLAN_YEAR = 2023

/** 2019 20 %, 2020 30 %, 2021 40 %, 2022 50 %, 2023 60 %; after the plan's period the last holds. */
export function instroomShareTrajectory(year: number): number {
  const step = Math.min(Math.max(year, FIRST_YEAR), LAST_PLAN_YEAR) - FIRST_YEAR
  return Math.round((0.2 + 0.1 * step) * 100) / 100
}

/** Instroom dwellings the year's target asks for: the share of the target, rounded up. */
export function instroomNeeded(target: number, instroomShareTarget: number): number {
  // Less a hair, so 385 × 0.6 = 231.00000000000003 is 231, not 232.
  return Math.max(0, Math.ceil(target * instroomShareTarget - 1e-9))
}
