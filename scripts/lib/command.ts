/**
 * The frame every command runs in: parse flags, answer --help, run the body, and turn any
 * failure into a message on stderr and an exit code (see EXIT). Keeps each command's file to
 * its own logic.
 */
import { describeFailure } from '../../cli/errors';
import { CommandSpec, FlagValues, helpText, parseFlags } from '../../cli/flags';
import type { Io } from '../../cli/io';

/** A command's body: gets the parsed flags, returns the exit code. */
export type CommandBody = (flags: FlagValues, io: Io) => Promise<number>;

/** Runs a command body inside the shared frame. */
export async function runCommand(
  spec: CommandSpec,
  argv: string[],
  io: Io,
  body: CommandBody
): Promise<number> {
  try {
    const flags = parseFlags(spec, argv);
    if (flags.help) {
      io.stdout(helpText(spec));
      return 0;
    }
    return await body(flags, io);
  } catch (error) {
    const { message, exitCode } = describeFailure(error);
    io.stderr(`${message}\n`);
    return exitCode;
  }
}
