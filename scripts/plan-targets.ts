/** Entry point of `npm run plan-targets` (see scripts/commands/plan-targets.ts). */
import { run } from './commands/plan-targets';
import { runMain } from '../cli/io';

runMain(run);
