import { appInfo, setOfficer } from '../services/app-service'
import { timeline } from '../services/audit'
import { addDwellingNote } from '../services/dwelling-notes'
import { getClient, listClients, saveClient, setClientStatus } from '../services/clients-service'
import type { ServiceContext } from '../services/context'
import { loadDemo } from '../services/demo-service'
import { getDwelling, listDwellings, saveDwelling } from '../services/dwellings-service'
import {
  clientsTemplate,
  dwellingsTemplate,
  importClients,
  importDwellings,
} from '../services/import-service'
import {
  listCareProviders,
  listCorporations,
  saveCareProvider,
  saveCorporation,
} from '../services/partners-service'
import {
  getSettings,
  listQuarters,
  listYearTargets,
  planQuarter,
  quarterOverview,
  saveSettings,
  saveYearTarget,
} from '../services/planning-service'
import { acceptOffer, declineOffer, withdrawDwelling } from '../services/offers-service'
import { openAnswers, reminder } from '../services/deadlines-service'
import { presentAll, presentPlan } from '../services/present-quarter'
import { board, dwellingMatching, pool } from '../services/shortlist-views'
import {
  choose,
  generateForQuarter,
  present,
  rejectAll,
  rejectCandidate,
  swapCandidate,
} from '../services/shortlists-service'
import {
  listBackupFiles,
  makeManualBackup,
  restoreBackup,
  saveBackupRetention,
  setBackupFolder,
} from '../services/backup-service'
import { exportClientData } from '../services/privacy-access'
import {
  anonymiseExpired,
  eraseClient,
  privacySettings,
  savePrivacySettings,
} from '../services/privacy-service'
import { importAnswers } from '../services/answers-import'
import { listExportLog } from '../services/export-log'
import { quarterReport, reportFigures, yearReport } from '../services/reports-service'
import { exportShortlists } from '../services/shortlist-export'
import {
  complexStopOf,
  overrideComplexStop,
  saveSpreadingSettings,
  saveWijkFigure,
  spreadingOverview,
} from '../services/spreading-service'
import { createSimulationJobs } from '../simulation/jobs'
import type { Handlers } from './dispatch'

/** Adapters from the contract to the services: one line each, the work is in services/. */
export function createHandlers(ctx: ServiceContext): Handlers {
  const simulations = createSimulationJobs(ctx)
  return {
    info: () => appInfo(ctx),
    setOfficer: ({ name }) => setOfficer(ctx, name),
    loadDemo: ({ seed }) => loadDemo(ctx, seed),

    listCorporations: () => listCorporations(ctx),
    saveCorporation: (input) => saveCorporation(ctx, input),
    listCareProviders: () => listCareProviders(ctx),
    saveCareProvider: (input) => saveCareProvider(ctx, input),

    listYearTargets: () => listYearTargets(ctx),
    saveYearTarget: (input) => saveYearTarget(ctx, input),
    getSettings: ({ year }) => getSettings(ctx, year),
    saveSettings: (input) => saveSettings(ctx, input),
    listQuarters: () => listQuarters(ctx),
    quarterOverview: ({ quarter }) => quarterOverview(ctx, quarter),
    spreadingOverview: () => spreadingOverview(ctx),
    saveWijkFigure: (input) => saveWijkFigure(ctx, input),
    saveSpreadingSettings: (input) => saveSpreadingSettings(ctx, input),
    complexStopOf: ({ dwellingId }) => complexStopOf(ctx, dwellingId),
    overrideComplexStop: (input) => overrideComplexStop(ctx, input),
    planQuarter: ({ quarter, carryShortfall }) => planQuarter(ctx, quarter, carryShortfall),

    listClients: (filter) => listClients(ctx, filter),
    getClient: ({ id }) => getClient(ctx, id),
    saveClient: (input) => saveClient(ctx, input),
    setClientStatus: (input) => setClientStatus(ctx, input),

    listDwellings: (filter) => listDwellings(ctx, filter),
    getDwelling: ({ id }) => getDwelling(ctx, id),
    saveDwelling: (input) => saveDwelling(ctx, input),

    dwellingsTemplate: (input) => dwellingsTemplate(ctx, input),
    importDwellings: (input) => importDwellings(ctx, input),
    clientsTemplate: (input) => clientsTemplate(ctx, input),
    importClients: (input) => importClients(ctx, input),

    board: ({ quarter }) => board(ctx, quarter),
    dwellingMatching: ({ dwellingId }) => dwellingMatching(ctx, ctx.store.db, dwellingId),
    pool: ({ dwellingId, search }) => pool(ctx, dwellingId, search),
    generate: ({ quarter }) => generateForQuarter(ctx, quarter),
    swap: (input) => swapCandidate(ctx, input),
    present: ({ shortlistId }) => present(ctx, shortlistId),
    presentPlan: (scope) => presentPlan(ctx, scope),
    presentAll: (scope) => presentAll(ctx, scope),
    openAnswers: () => openAnswers(ctx),
    reminder: ({ corporationId }) => reminder(ctx, corporationId),
    choose: (input) => choose(ctx, input),
    rejectCandidate: (input) => rejectCandidate(ctx, input),
    rejectAll: (input) => rejectAll(ctx, input),
    acceptOffer: (input) => acceptOffer(ctx, input),
    declineOffer: (input) => declineOffer(ctx, input),
    withdrawDwelling: (input) => withdrawDwelling(ctx, input),

    timeline: ({ entityType, entityId }) => timeline(ctx.store.db, entityType, entityId),
    addDwellingNote: (input) => addDwellingNote(ctx, input),

    listBackups: () => listBackupFiles(ctx),
    makeBackup: () => makeManualBackup(ctx),
    setBackupFolder: ({ folder }) => setBackupFolder(ctx, folder),
    restoreBackup: ({ file }) => restoreBackup(ctx, file),
    saveBackupRetention: ({ retentionDays }) => saveBackupRetention(ctx, retentionDays),

    privacySettings: () => privacySettings(ctx),
    savePrivacySettings: (input) => savePrivacySettings(ctx, input),
    anonymise: () => anonymiseExpired(ctx),
    exportClientData: ({ clientId }) => exportClientData(ctx, clientId),
    eraseClient: (input) => eraseClient(ctx, input),

    exportShortlists: (input) => exportShortlists(ctx, input),
    importAnswers: (input) => importAnswers(ctx, input),
    exportLog: () => listExportLog(ctx),
    quarterReport: ({ quarter }) => quarterReport(ctx, quarter),
    yearReport: ({ year }) => yearReport(ctx, year),
    figures: (input) => reportFigures(ctx, input),

    startSimulation: (input) => simulations.start(input),
    simulationStatus: ({ jobId }) => simulations.status(jobId),
    cancelSimulation: ({ jobId }) => simulations.cancel(jobId),
  }
}
