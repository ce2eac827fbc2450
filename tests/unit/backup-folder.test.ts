import { describe, expect, it } from 'vitest'
import { isSystemFolder } from '../../src/main/db/backup-folder'

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
