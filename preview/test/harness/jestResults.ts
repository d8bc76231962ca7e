/**
 * Browser test results in Jest's JSON shape (`jest --json`), so CI sums them with the unit tests'.
 */

/** One test's outcome. */
export interface TestOutcome {
  /** The file the test is in, relative to the project root. */
  file: string;
  title: string;
  status: 'passed' | 'failed';
  durationMs: number;
  failureMessages: string[];
}

/** The subset of Jest's aggregated result CI and tools read. */
export interface JestJsonResults {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numTotalTestSuites: number;
  numPassedTestSuites: number;
  numFailedTestSuites: number;
  numRuntimeErrorTestSuites: number;
  startTime: number;
  success: boolean;
  testResults: Array<{
    name: string;
    status: 'passed' | 'failed';
    startTime: number;
    endTime: number;
    message: string;
    assertionResults: Array<{
      ancestorTitles: string[];
      title: string;
      fullName: string;
      status: 'passed' | 'failed';
      duration: number;
      failureMessages: string[];
    }>;
  }>;
}

/**
 * Aggregates outcomes per file. `runtimeErrors` are failures outside any test (the preview did
 * not start, a test file did not load), each counted as a failed suite.
 */
export function toJestResults(
  outcomes: readonly TestOutcome[],
  startTime: number,
  runtimeErrors: ReadonlyArray<{ file: string; message: string }> = []
): JestJsonResults {
  const files = [...new Set(outcomes.map((outcome) => outcome.file))];
  const suites = files.map((file) => {
    const tests = outcomes.filter((outcome) => outcome.file === file);
    const failed = tests.filter((test) => test.status === 'failed');
    return {
      name: file,
      status: failed.length ? ('failed' as const) : ('passed' as const),
      startTime,
      endTime: startTime + tests.reduce((sum, test) => sum + test.durationMs, 0),
      message: failed
        .map((test) => `${test.title}\n${test.failureMessages.join('\n')}`)
        .join('\n\n'),
      assertionResults: tests.map((test) => ({
        ancestorTitles: [file],
        title: test.title,
        fullName: `${file} ${test.title}`,
        status: test.status,
        duration: test.durationMs,
        failureMessages: test.failureMessages
      }))
    };
  });
  const errorSuites = runtimeErrors.map((error) => ({
    name: error.file,
    status: 'failed' as const,
    startTime,
    endTime: startTime,
    message: error.message,
    assertionResults: []
  }));
  const numPassedTests = outcomes.filter((outcome) => outcome.status === 'passed').length;
  const numFailedTests = outcomes.length - numPassedTests;
  const numFailedTestSuites =
    suites.filter((suite) => suite.status === 'failed').length + errorSuites.length;
  return {
    numTotalTests: outcomes.length,
    numPassedTests,
    numFailedTests,
    numPendingTests: 0,
    numTodoTests: 0,
    numTotalTestSuites: suites.length + errorSuites.length,
    numPassedTestSuites: suites.length - suites.filter((suite) => suite.status === 'failed').length,
    numFailedTestSuites,
    numRuntimeErrorTestSuites: errorSuites.length,
    startTime,
    success: numFailedTests === 0 && errorSuites.length === 0 && outcomes.length > 0,
    testResults: [...suites, ...errorSuites]
  };
}
