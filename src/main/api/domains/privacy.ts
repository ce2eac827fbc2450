import type { ServiceContext } from '../../services/context'
import { exportClientData } from '../../services/privacy-access'
import {
  anonymiseExpired,
  eraseClient,
  privacySettings,
  savePrivacySettings,
} from '../../services/privacy-service'
import type { DomainHandlers } from '../dispatch'

export function privacyHandlers(ctx: ServiceContext): DomainHandlers<'privacy'> {
  return {
    settings: async () => await privacySettings(ctx),
    saveSettings: async (input) => await savePrivacySettings(ctx, input),
    anonymise: async () => await anonymiseExpired(ctx),
    exportClientData: async ({ clientId }) => await exportClientData(ctx, clientId),
    eraseClient: async (input) => await eraseClient(ctx, input),
  }
}
