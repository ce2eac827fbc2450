/**
 * `npm run cli -- <command> [options]`: the same services without a window, for support staff and
 * scheduled jobs. Exit code 0 on success; otherwise 1 with a Dutch message on stderr.
 */
import { runCli } from './run'

void runCli(process.argv.slice(2)).then((code) => process.exit(code))
