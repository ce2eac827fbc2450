import type { ReactNode } from 'react'

interface PageHeaderProps {
  title: string
  description: ReactNode
  /** Controls shown right of the title, e.g. a quarter selector. */
  children?: ReactNode
}

/** h1 + one line saying what the page is for. The h1 takes focus on navigation (see Layout). */
export function PageHeader({ title, description, children }: PageHeaderProps) {
  return (
    <div className="page-header">
      <div>
        <h1 tabIndex={-1}>{title}</h1>
        <p className="page-description">{description}</p>
      </div>
      {children && <div className="page-tools">{children}</div>}
    </div>
  )
}
