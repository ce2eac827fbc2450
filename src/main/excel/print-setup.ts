import type ExcelJS from 'exceljs'

/** Excel's paper size code for A4 (the ECMA-376 list: 9 = A4 210 × 297 mm). */
export const PAPER_A4 = 9

export interface PrintOptions {
  /** Left part of the page header: who the sheet is for, e.g. the corporation. */
  left: string
  /** Centre of the page header: what it is, e.g. "Voordrachten 4e kwartaal 2026". */
  title: string
  /** The date the file was made, dd-mm-jjjj. */
  madeOn: string
  /** Rows repeated at the top of every printed page, e.g. '1:1' or '5:5'. */
  titleRows: string
  /** Columns repeated at the left of every page when a wide sheet prints over several pages. */
  titleColumns?: string
  /** Default landscape: tables are wide. Text sheets read better in portrait. */
  orientation?: 'portrait' | 'landscape'
  /**
   * Pages side by side the columns may take (default 1). A sheet too wide for one page at a
   * readable size prints over two, with its first column repeated, rather than at 4 pt.
   */
  pagesWide?: number
}

/**
 * A4 (landscape unless asked otherwise), the columns on one page width or the given number of
 * pages (as many pages long as needed), the header row repeated, and a header and footer saying whose file it is, when it was made, and page X of N —
 * a printed sheet that gets separated from its file still says what it is.
 */
export function setUpPrinting(sheet: ExcelJS.Worksheet, options: PrintOptions): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: PAPER_A4,
    orientation: options.orientation ?? 'landscape',
    fitToPage: true,
    fitToWidth: options.pagesWide ?? 1,
    // 0 = "automatic" in Excel: as many pages down as the rows need.
    fitToHeight: 0,
    printTitlesRow: options.titleRows,
    ...(options.titleColumns ? { printTitlesColumn: options.titleColumns } : {}),
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  }
  const header = `&L${escape(options.left)}&C&B${escape(options.title)}&R${escape(options.madeOn)}`
  const footer = `&LHet Vierde Huis&CPagina &P van &N&R${escape(sheet.name)}`
  sheet.headerFooter = {
    differentFirst: false,
    differentOddEven: false,
    oddHeader: header,
    oddFooter: footer,
  }
}

/** "&" starts a code in Excel's header language: a corporation called "Wonen & Co" needs "&&". */
function escape(text: string): string {
  return text.replace(/&/g, '&&')
}
