/**
 * A care provider's contingent for a year, in dwellings: as set in dwellings, else its share of
 * the year's target (taakstelling); null when neither is known. One rule for the report's
 * figures and the care providers list in Beheer.
 */
export function yearlyContingent(
  provider: { contingentDwellings: number | null; contingentShare: number | null },
  target: number | null,
): number | null {
  if (provider.contingentDwellings !== null) return provider.contingentDwellings
  return provider.contingentShare !== null && target !== null
    ? provider.contingentShare * target
    : null
}
