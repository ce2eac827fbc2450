import { describe, expect, it } from 'vitest'
import { folderPathProblem, isSystemFolder } from '../../src/main/db/backup-folder'
import { SetBackupFolderInput } from '../../src/shared/api/backups'

describe('system folders are never a backup folder', () => {
  it.each([
    '/',
    '/etc',
    '/etc/cron.d',
    '/usr',
    '/usr/local/share',
    '/bin',
    '/proc/self',
    '/sys',
    '/dev/shm',
    '/run/user',
    '/home',
    '/tmp',
    '/Users',
    '/private/etc',
    'C:\\',
    'D:',
    'C:\\Windows',
    'c:\\windows\\system32',
    'C:\\Program Files\\Het Vierde Huis',
    'C:\\Program Files (x86)',
    'C:\\ProgramData',
    'C:\\Users',
  ])('%s is refused', (path) => expect(isSystemFolder(path)).toBe(true))

  it.each([
    '/home/jan/Reservekopieën',
    '/tmp/vierde-huis',
    '/mnt/netwerk/vierde-huis',
    '/Users/jan/Documents/Reservekopieën',
    '/etcetera',
    'C:\\Users\\jan\\Documents\\Reservekopieën',
    'H:\\Vierde Huis\\Reservekopieën',
    'D:\\Windowsbackups',
    '\\\\server\\share\\reservekopieen',
  ])('%s is allowed', (path) => expect(isSystemFolder(path)).toBe(false))
})

describe('a backup folder path shows what it is', () => {
  it.each([
    ['a line break', '/home/jan/kopie\n/etc'],
    ['a tab', '/home/jan/\tkopie'],
    ['a control character', '/home/jan/kop\u0007ie'],
    ['a right-to-left override', '/home/jan/kopie\u202Exslx.exe'],
    ['a right-to-left mark', '/home/jan/\u200Fkopie'],
    ['a line separator', '/home/jan/kop\u2028ie'],
  ])('%s is refused, in Dutch, by the input and by the check before the disk', (_, path) => {
    expect(folderPathProblem(path)).toBe(
      'Het pad bevat een regeleinde of een ander onzichtbaar teken',
    )
    const parsed = SetBackupFolderInput.safeParse({ folder: path })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.message).toMatch(/onzichtbaar teken/)
  })

  it('a plain path with accents and spaces passes', () => {
    expect(folderPathProblem('/home/jan/Reservekopieën Vierde Huis')).toBeNull()
    expect(SetBackupFolderInput.safeParse({ folder: '/home/jan/Reservekopieën' }).success).toBe(
      true,
    )
  })
})
