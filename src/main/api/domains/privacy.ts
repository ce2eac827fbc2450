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
    settings: () => privacySettings(ctx),
    saveSettings: (input) => savePrivacySettings(ctx, input),
    anonymise: () => anonymiseExpired(ctx),
    exportClientData: ({ clientId }) => exportClientData(ctx, clientId),
    eraseClient: (input) => eraseClient(ctx, input),
  }
}
