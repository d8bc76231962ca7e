/**
 * The frame every command runs in: parse flags, answer --help, check the flags with the schemas
 * of their specs, run the body, and turn any
 * failure into a message on stderr and an exit code (see EXIT). Keeps each command's file to
 * its own logic.
 */
import { describeFailure } from '../../cli/errors';
import {
  checkFlags,
  type CommandSpec,
  type FlagSpecs,
  type FlagsOf,
  helpText,
  parseFlags
} from '../../cli/flags';
import type { Io } from '../../cli/io';

/** A command's body: gets the checked flags, returns the exit code. */
export type CommandBody<F extends FlagSpecs> = (flags: FlagsOf<F>, io: Io) => Promise<number>;

/** Runs a command body inside the shared frame. */
export async function runCommand<F extends FlagSpecs>(
  spec: CommandSpec<F>,
  argv: string[],
  io: Io,
  body: CommandBody<F>
): Promise<number> {
  try {
    const values = parseFlags(spec, argv);
    // Help first: it must answer even when other flags are wrong.
    if (values.help) {
      io.stdout(helpText(spec));
      return 0;
    }
    return await body(checkFlags(spec, values), io);
  } catch (error) {
    const { message, exitCode } = describeFailure(error);
    io.stderr(`${message}\n`);
    return exitCode;
  }
}
