import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react'

export interface TabSpec<K extends string> {
  key: K
  label: string
}

interface TabsProps<K extends string> {
  /** Accessible name of the tab list. */
  label: string
  tabs: readonly TabSpec<K>[]
  current: K
  onChange: (key: K) => void
  /** The current tab's content. */
  children: ReactNode
}

/**
 * The WAI-ARIA tabs pattern: one Tab stop for the list, arrow keys (and Home/End) move between tabs
 * and select them, the panel is named by its tab. Only the current panel is rendered.
 */
export function Tabs<K extends string>({ label, tabs, current, onChange, children }: TabsProps<K>) {
  const id = useId()
  const list = useRef<HTMLDivElement>(null)
  const tabId = (key: K) => `${id}-tab-${key}`
  const panelId = `${id}-panel`

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = tabs.findIndex((tab) => tab.key === current)
    const target =
      event.key === 'ArrowRight'
        ? (index + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : undefined
    const next = target === undefined ? undefined : tabs[target]
    if (!next) return
    event.preventDefault()
    onChange(next.key)
    list.current?.querySelector<HTMLElement>(`#${CSS.escape(tabId(next.key))}`)?.focus()
  }

  return (
    <div className="tabs">
      <div ref={list} role="tablist" aria-label={label} className="tab-list" onKeyDown={onKeyDown}>
        {tabs.map((tab) => {
          const selected = tab.key === current
          return (
            <button
              key={tab.key}
              id={tabId(tab.key)}
              type="button"
              role="tab"
              className="tab"
              aria-selected={selected}
              aria-controls={selected ? panelId : undefined}
              tabIndex={selected ? 0 : -1}
              onClick={() => onChange(tab.key)}
            >
              {tab.label}
            </button>
          )
        })}
      </div>
      <div id={panelId} role="tabpanel" aria-labelledby={tabId(current)} className="tab-panel">
        {children}
      </div>
    </div>
  )
}
