/** Entry point of `npm run check:org` (see scripts/commands/check-org.ts). */
import { run } from './commands/check-org';
import { runMain } from './lib/io';

runMain(run);
