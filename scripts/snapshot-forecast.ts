/** Entry point of `npm run snapshot-forecast` (see scripts/commands/snapshot-forecast.ts). */
import { run } from './commands/snapshot-forecast';
import { runMain } from '../cli/io';

runMain(run);
