import { client } from './client'

/**
 * Compile-time checks of the client's types, run by `tsc -p tsconfig.web.json`; never called.
 * An input its schema requires cannot be left out; one with a default can.
 */
export function clientTypeChecks(): void {
  // @ts-expect-error dwellings.get needs its { id }
  void client.dwellings.get()
  // @ts-expect-error a field the schema does not know is refused as well
  void client.dwellings.get({ dwellingId: 1 })
  // @ts-expect-error the flat names are gone: every call lives in its domain
  void client.listDwellings
  // A filter with a default may be left out.
  void client.dwellings.list()
  void client.app.info()
  void client.dwellings.get({ id: 1 })
}
