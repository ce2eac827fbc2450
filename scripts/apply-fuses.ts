/**
 * `npm run fuses -- <packaged Electron binary>`: writes ELECTRON_FUSES into the binary of a packaged
 * app (run it after packaging, e.g. from electron-builder's afterPack hook, then sign). It needs
 * @electron/fuses, which only a packaging machine installs (`npm install --no-save @electron/fuses`).
 */
import { existsSync } from 'node:fs'
import { ELECTRON_FUSES } from './electron-fuses'

interface FusesModule {
  FuseVersion: { V1: string }
  FuseV1Options: Record<string, string | number>
  flipFuses(binary: string, config: Record<string, unknown>): Promise<number>
}

async function main(binary: string | undefined): Promise<void> {
  if (!binary || !existsSync(binary))
    throw new Error('Geef het pad naar de Electron-binary van de verpakte app op')
  // A variable name keeps the type checker from requiring the package on every machine.
  const packageName = '@electron/fuses'
  const fuses = (await import(packageName).catch(() => {
    throw new Error(`${packageName} ontbreekt: npm install --no-save ${packageName}`)
  })) as FusesModule
  const config: Record<string, unknown> = {
    version: fuses.FuseVersion.V1,
    // macOS on Apple silicon refuses a changed binary until it is signed again.
    resetAdHocDarwinSignature: process.platform === 'darwin',
  }
  for (const [name, enabled] of Object.entries(ELECTRON_FUSES)) {
    const option = fuses.FuseV1Options[name]
    if (option === undefined) throw new Error(`Onbekende fuse in electron-fuses.ts: ${name}`)
    config[String(option)] = enabled
  }
  await fuses.flipFuses(binary, config)
  console.log(`Fuses gezet in ${binary}`)
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(`Fout: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
