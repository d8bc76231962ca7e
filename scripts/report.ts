/** Entry point of `npm run report` (see scripts/commands/report.ts). */
import { run } from './commands/report';
import { runMain } from '../cli/io';

runMain(run);
