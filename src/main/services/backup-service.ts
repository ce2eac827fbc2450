import { accessSync, constants, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import type { BackupList, BackupRow, RestoreResult } from '../../shared/api/backups'
import { ApiError } from '../../shared/api/endpoint'
import {
  BACKUP_FOLDER_KEY,
  checkBackup,
  configuredBackupDir,
  defaultBackupDir,
  listBackups,
  makeBackup,
  rotateBackups,
  type BackupFile,
  type BackupKind,
} from '../db/backups'
import { replaceDatabaseFile } from '../db/replace'
import { settings } from '../db/schema'
import { audit } from './audit'
import type { ServiceContext } from './context'

const row = ({ name, kind, madeAt, bytes }: BackupFile): BackupRow => ({
  name,
  kind,
  madeAt,
  bytes,
})
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error))
const inMemory = (ctx: ServiceContext) => ctx.store.file === ':memory:'

export function backupFolder(ctx: ServiceContext): string {
  return configuredBackupDir(ctx.store.sqlite, ctx.store.file)
}

export function listBackupFiles(ctx: ServiceContext): BackupList {
  const folder = backupFolder(ctx)
  const base = { folder, defaultFolder: defaultBackupDir(ctx.store.file) }
  try {
    return { ...base, backups: listBackups(folder, ctx.store.file).map(row), warning: null }
  } catch (error) {
    return {
      ...base,
      backups: [],
      warning: `De map met reservekopieën is nu niet bereikbaar (${reason(error)}). Controleer de netwerkverbinding of kies een andere map.`,
    }
  }
}

function make(ctx: ServiceContext, kind: BackupKind): BackupFile {
  const folder = backupFolder(ctx)
  try {
    const file = makeBackup(ctx.store.sqlite, ctx.store.file, folder, kind, ctx.now())
    rotateBackups(folder, ctx.store.file)
    return file
  } catch (error) {
    throw new ApiError(
      'conflict',
      `De reservekopie kon niet worden gemaakt in ${folder}: ${reason(error)}. Controleer of de map bereikbaar is, of kies in Beheer een andere map.`,
    )
  }
}

/** "Nu een reservekopie maken" in Beheer. Audited: a full copy of the data now sits in a folder. */
export function makeManualBackup(ctx: ServiceContext): BackupRow {
  const file = make(ctx, 'handmatig')
  audit(
    ctx.store.db,
    ctx.actor,
    {
      action: 'backup:make',
      entityType: 'backup',
      entityId: file.name,
      summary: `Reservekopie gemaakt: ${file.name}`,
    },
    ctx.now(),
  )
  return row(file)
}

/**
 * The safety net under every import: a copy of the database as it was just before. Without it the
 * import is refused, since a wrong file would then be undone only by hand.
 */
export function backupBeforeImport(ctx: ServiceContext): void {
  if (!inMemory(ctx)) make(ctx, 'voor-import')
}

/** At the first start of a day: one daily backup, then rotation. Null when today's exists. */
export function dailyBackup(ctx: ServiceContext): BackupRow | null {
  if (inMemory(ctx) || ctx.store.created) return null
  const today = ctx.now().toISOString().slice(0, 10)
  const folder = backupFolder(ctx)
  const done = listBackups(folder, ctx.store.file).some(
    (f) => f.kind === 'dagelijks' && f.madeAt.startsWith(today),
  )
  return done ? null : row(make(ctx, 'dagelijks'))
}

/** Checks that a folder (a network drive too) exists or can be made and that we may write in it. */
function assertWritableFolder(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true })
    accessSync(folder, constants.W_OK)
    const probe = join(folder, `.schrijftest-${process.pid}`)
    writeFileSync(probe, '')
    rmSync(probe, { force: true })
  } catch (error) {
    throw new ApiError(
      'invalid-input',
      `In de map ${folder} kan niet worden geschreven: ${reason(error)}`,
    )
  }
}

export function setBackupFolder(ctx: ServiceContext, folder: string): BackupList {
  if (!isAbsolute(folder)) {
    throw new ApiError('invalid-input', 'Geef het volledige pad van de map')
  }
  const target = resolve(folder)
  assertWritableFolder(target)
  ctx.store.db.transaction((tx) => {
    const value = JSON.stringify(target)
    tx.insert(settings)
      .values({ key: BACKUP_FOLDER_KEY, year: 0, value })
      .onConflictDoUpdate({
        target: [settings.key, settings.year],
        set: { value, updatedAt: ctx.now().toISOString() },
      })
      .run()
    audit(
      tx,
      ctx.actor,
      {
        action: 'backup:setFolder',
        entityType: 'settings',
        entityId: BACKUP_FOLDER_KEY,
        summary: `Map voor reservekopieën ingesteld op ${target}`,
      },
      ctx.now(),
    )
  })
  return listBackupFiles(ctx)
}

/**
 * Puts a backup from the folder in place of the live database: checked first, the current file
 * backed up, then close, replace and reopen through the runtime. If the reopened file fails after
 * all, the copy made just before goes back, so a restore never leaves the officer with less.
 */
export function restoreBackup(ctx: ServiceContext, name: string): RestoreResult {
  const owner = ctx.owner
  if (!owner) throw new ApiError('conflict', 'Terugzetten kan alleen vanuit de app zelf')
  const chosen = listBackups(backupFolder(ctx), ctx.store.file).find((f) => f.name === name)
  if (!chosen) throw new ApiError('not-found', `Reservekopie ${name} staat niet (meer) in de map`)
  const problems = checkBackup(chosen.path, owner.migrationsFolder, owner.nativeBinding)
  if (problems.length > 0) {
    throw new ApiError('conflict', `${name} wordt niet teruggezet: ${problems.join('; ')}`)
  }
  const safety = make(ctx, 'voor-terugzetten')
  try {
    owner.reopen((file) => replaceDatabaseFile(file, chosen.path))
  } catch (error) {
    owner.reopen((file) => replaceDatabaseFile(file, safety.path))
    throw new ApiError(
      'conflict',
      `Het terugzetten van ${name} is mislukt (${reason(error)}); de database is weer zoals hij was.`,
    )
  }
  // Recorded in the restored database: its trail shows when and by whom it came back.
  audit(
    ctx.store.db,
    ctx.actor,
    {
      action: 'backup:restore',
      entityType: 'backup',
      entityId: chosen.name,
      summary: `Reservekopie ${chosen.name} teruggezet; de database van daarvoor is bewaard als ${safety.name}`,
      details: { restored: chosen.name, madeAt: chosen.madeAt, safetyBackup: safety.name },
    },
    ctx.now(),
  )
  return { restored: chosen.name, safetyBackup: safety.name }
}
