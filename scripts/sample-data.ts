/** Entry point of `npm run sample-data` (see scripts/commands/sample-data.ts). */
import { run } from './commands/sample-data';
import { runMain } from '../cli/io';

runMain(run);
