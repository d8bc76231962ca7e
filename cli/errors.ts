/**
 * The kinds of failure a command reports, each with the exit code it maps to. Messages name the
 * file, the place in it and the reason, so an admin can fix the input without reading code.
 */

/** One problem found in an input file. */
export interface InputProblem {
  /** The file, as the user named it (relative paths stay relative). */
  file: string;
  /** Where in the file: a JSON path (`kpis[3].thresholds.green`) or `line:column` for CSV. */
  place: string;
  /** Why it is wrong, in words. */
  reason: string;
}

/** Formats problems one per line: `file:place: reason`. */
function formatProblems(problems: readonly InputProblem[]): string {
  return problems.map((p) => `${p.file}${p.place ? `:${p.place}` : ''}: ${p.reason}`).join('\n');
}

/** Input that failed validation; nothing has been written when this is thrown. */
export class InputError extends Error {
  readonly problems: InputProblem[];
  constructor(problems: InputProblem[]) {
    super(formatProblems(problems));
    this.name = 'InputError';
    this.problems = problems;
  }
}

/** Bad command-line usage (unknown flag, missing value, flag value of the wrong shape). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The command stopped because the next call would use more than the allowed share of the daily API calls. */
export class ApiBudgetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApiBudgetError';
  }
}

/** An error returned by the org (or the network) that retrying did not cure. */
export class OrgRequestError extends Error {
  readonly errorCode: string;
  readonly status?: number;
  constructor(message: string, errorCode: string, status?: number) {
    super(message);
    this.name = 'OrgRequestError';
    this.errorCode = errorCode;
    this.status = status;
  }
}

/**
 * The org cannot be reached as named: no sf CLI login for the alias, no local org listening.
 * Its message is one line that says how to fix it.
 */
export class OrgUnreachableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OrgUnreachableError';
  }
}

/** Exit codes shared by all commands. */
export const EXIT = {
  ok: 0,
  /** Some records failed (listed by key); the others were written. */
  recordFailures: 1,
  /** Invalid input or usage; nothing was written. */
  invalidInput: 2,
  /** The org or the network failed, or the API budget stopped the run. */
  orgFailure: 3
} as const;

/**
 * Turns any error into a message and an exit code. Stack traces are for bugs only; known
 * failures print their message.
 */
export function describeFailure(error: unknown): { message: string; exitCode: number } {
  // One problem, one line; several, one per line under the heading.
  if (error instanceof InputError) {
    return {
      message: `Invalid input, nothing was written:${error.problems.length > 1 ? '\n' : ' '}${error.message}`,
      exitCode: EXIT.invalidInput
    };
  }
  if (error instanceof UsageError) {
    return {
      message: `${error.message}${error.message.includes('\n') ? '\n' : ' '}Run with --help for usage.`,
      exitCode: EXIT.invalidInput
    };
  }
  if (error instanceof OrgUnreachableError) {
    return { message: error.message, exitCode: EXIT.orgFailure };
  }
  if (error instanceof ApiBudgetError) {
    return { message: `Stopped: ${error.message}`, exitCode: EXIT.orgFailure };
  }
  if (error instanceof OrgRequestError) {
    return {
      message: `The org refused: ${error.errorCode}: ${error.message}`,
      exitCode: EXIT.orgFailure
    };
  }
  if (error instanceof Error) {
    return { message: error.stack ?? error.message, exitCode: EXIT.orgFailure };
  }
  return { message: String(error), exitCode: EXIT.orgFailure };
}
