/**
 * The command's window on the world: output streams, environment and clock. Commands receive an
 * `Io` instead of touching `process`, so tests run them in-process and read what they printed.
 */

/** What a command may use from its surroundings. */
export interface Io {
  /** Writes to standard output (the command's result: tables, diffs, JSON). */
  stdout(text: string): void;
  /** Writes to standard error (progress, warnings, errors). */
  stderr(text: string): void;
  /** True when standard error is a terminal (progress lines are shown only then, or with --progress). */
  stderrIsTTY: boolean;
  /** Environment variables (SF_ACCESS_TOKEN, HOME, …). */
  env: Record<string, string | undefined>;
  /** Directory that relative paths are resolved against. */
  cwd: string;
  /** Waits between retries; tests pass a fast one. */
  sleep(ms: number): Promise<void>;
  /** The current instant; tests pass a fixed one. */
  now(): Date;
}

/** The real process as an `Io`. */
function processIo(): Io {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => new Date()
  };
}

/** An `Io` that records what was written, for tests. */
export interface CapturedIo extends Io {
  /** Everything written to stdout, concatenated. */
  readonly out: string;
  /** Everything written to stderr, concatenated. */
  readonly err: string;
  /** The delays the command asked to sleep, in order. */
  readonly sleeps: number[];
}

/** Builds a capturing `Io` (no real sleeping, fixed cwd and env unless given). */
export function captureIo(
  options: { env?: Record<string, string | undefined>; cwd?: string; now?: Date } = {}
): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  const sleeps: number[] = [];
  return {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    stderrIsTTY: false,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    sleep: async (ms) => void sleeps.push(ms),
    now: () => options.now ?? new Date(),
    get out() {
      return out.join('');
    },
    get err() {
      return err.join('');
    },
    sleeps
  };
}

/**
 * Runs a command's `run` as the process entry point: the exit code becomes the process's.
 * Entry files call only this, so every command stays testable in-process.
 */
export function runMain(run: (argv: string[], io: Io) => Promise<number>): void {
  run(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
      );
      process.exitCode = 1;
    }
  );
}
