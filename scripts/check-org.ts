/** Entry point of `npm run check:org` (see scripts/commands/check-org.ts). */
import { run } from './commands/check-org';
import { runMain } from '../cli/io';

runMain(run);
