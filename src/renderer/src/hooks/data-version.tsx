import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'

interface DataVersion {
  /** Goes up whenever the store changed as a whole (e.g. demo data loaded): every query refetches. */
  version: number
  refreshAll: () => void
}

const DataVersionContext = createContext<DataVersion>({ version: 0, refreshAll: () => {} })

export function DataVersionProvider({ children }: { children: ReactNode }) {
  const [version, setVersion] = useState(0)
  const refreshAll = useCallback(() => setVersion((v) => v + 1), [])
  const value = useMemo(() => ({ version, refreshAll }), [version, refreshAll])
  return <DataVersionContext value={value}>{children}</DataVersionContext>
}

export function useDataVersion(): DataVersion {
  return useContext(DataVersionContext)
}
