import { createContext, useContext, type ReactNode } from 'react'
import type { AppInfo } from '../../../shared/api'
import { client } from '../api/client'
import { useApi, type ApiState } from './use-api'

/** One `app:info` for the whole window: the header and the Overzicht page read the same answer. */
const AppInfoContext = createContext<ApiState<AppInfo> | null>(null)

export function AppInfoProvider({ children }: { children: ReactNode }) {
  const info = useApi(() => client.app.info(), [])
  return <AppInfoContext value={info}>{children}</AppInfoContext>
}

export function useAppInfo(): ApiState<AppInfo> {
  const info = useContext(AppInfoContext)
  if (!info) throw new Error('useAppInfo buiten AppInfoProvider')
  return info
}
