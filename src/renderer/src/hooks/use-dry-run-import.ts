import { useRef, useState } from 'react'
import { dutchMessage } from '../errors'
import { readWorkbookFile, type ChosenWorkbook } from '../files'

type Step = 'choose' | 'checking' | 'checked' | 'committing' | 'done'

/** How a file goes to an import channel: a dry run (nothing written) or for real. */
export interface ImportMode {
  dryRun: boolean
  /** Only the valid rows, where the officer chose to leave the others out. */
  validOnly: boolean
}

interface DryRunImportOptions<C, R> {
  /** What the officer chooses beside the file (owner, quarter); a change checks the file again. */
  choices: C
  /** Said when the chosen file is not an Excel workbook. */
  notAWorkbook: string
  send: (file: ChosenWorkbook, choices: C, mode: ImportMode) => Promise<R>
  /** After a committed import: the page refreshes what depends on it. */
  onCommitted: (report: R) => void
}

/**
 * Pick a file, see what a dry run finds (the channel applies it and rolls back, so the preview is
 * what will happen), then commit or leave it: one flow for every import of a returned workbook.
 * Only the answer to the latest check counts, since the officer may change a choice mid-check.
 */
export function useDryRunImport<C, R extends { committed: boolean }>({
  choices: initialChoices,
  notAWorkbook,
  send,
  onCommitted,
}: DryRunImportOptions<C, R>) {
  const [file, setFile] = useState<ChosenWorkbook>()
  const [choices, setChoices] = useState(initialChoices)
  const [step, setStep] = useState<Step>('choose')
  const [report, setReport] = useState<R>()
  const [error, setError] = useState<string>()
  const latest = useRef(0)

  async function check(chosen: ChosenWorkbook | undefined, chosenChoices: C) {
    if (!chosen) return
    const request = ++latest.current
    setStep('checking')
    setError(undefined)
    setReport(undefined)
    try {
      const answer = await send(chosen, chosenChoices, { dryRun: true, validOnly: false })
      if (request !== latest.current) return
      setReport(answer)
      setStep('checked')
    } catch (err) {
      if (request !== latest.current) return
      setError(dutchMessage(err))
      setStep('choose')
    }
  }

  async function pick(picked: File | undefined) {
    setFile(undefined)
    setReport(undefined)
    setError(undefined)
    if (!picked) return
    const read = await readWorkbookFile(picked, notAWorkbook)
    if ('error' in read) {
      setError(read.error)
      return
    }
    setFile(read.workbook)
    await check(read.workbook, choices)
  }

  function choose(next: C) {
    setChoices(next)
    void check(file, next)
  }

  async function commit(validOnly = false) {
    if (!file || !report) return
    setStep('committing')
    setError(undefined)
    try {
      const answer = await send(file, choices, { dryRun: false, validOnly })
      setReport(answer)
      setStep(answer.committed ? 'done' : 'checked')
      if (answer.committed) onCommitted(answer)
    } catch (err) {
      setError(dutchMessage(err))
      setStep('checked')
    }
  }

  return {
    file,
    choices,
    step,
    report,
    error,
    busy: step === 'checking' || step === 'committing',
    done: step === 'done',
    pick,
    choose,
    commit,
  }
}

/** What the dialog around the flow reads, whatever the file holds. */
export type DryRunImport = Pick<
  ReturnType<typeof useDryRunImport<unknown, { committed: boolean }>>,
  'file' | 'step' | 'error' | 'busy' | 'done' | 'pick'
>
