import { closeSync, openSync, statSync, writeSync } from 'node:fs'

/**
 * Damages a closed SQLite file the way a failing disk or an interrupted network copy does:
 * garbage over the headers of some b-tree pages in its second half. Page 1 (the schema) stays
 * intact, so SQLite still opens the file and only an integrity check notices.
 */
export function damageDatabase(file: string, pageSize = 4096): void {
  const pages = Math.floor(statSync(file).size / pageSize)
  if (pages < 8) throw new Error('Te weinig pagina’s om te beschadigen; vul de database eerst')
  const fd = openSync(file, 'r+')
  try {
    for (let page = Math.floor(pages / 2); page < pages; page += 3) {
      writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, page * pageSize)
    }
  } finally {
    closeSync(fd)
  }
}
