/** Entry point of `npm run seed` (see scripts/commands/seed.ts). */
import { run } from './commands/seed';
import { runMain } from '../cli/io';

runMain(run);
