import { loadAssignmentSolver } from '../../src/main/matching/highs-solver'

// The services run synchronously inside one transaction; the app loads the solver at start, so do the tests.
await loadAssignmentSolver()
