import { toJestResults, type TestOutcome } from './jestResults';

const outcome = (file: string, title: string, status: 'passed' | 'failed'): TestOutcome => ({
  file,
  title,
  status,
  durationMs: 10,
  failureMessages: status === 'failed' ? ['AssertionError: nope'] : []
});

describe('toJestResults', () => {
  it('counts tests and suites as jest --json does', () => {
    const results = toJestResults(
      [
        outcome('a.ts', 'one', 'passed'),
        outcome('a.ts', 'two', 'failed'),
        outcome('b.ts', 'three', 'passed')
      ],
      1000
    );
    expect(results).toMatchObject({
      numTotalTests: 3,
      numPassedTests: 2,
      numFailedTests: 1,
      numTotalTestSuites: 2,
      numPassedTestSuites: 1,
      numFailedTestSuites: 1,
      numRuntimeErrorTestSuites: 0,
      success: false
    });
    expect(
      results.testResults[0].assertionResults.map((r) => [r.title, r.status, r.failureMessages])
    ).toEqual([
      ['one', 'passed', []],
      ['two', 'failed', ['AssertionError: nope']]
    ]);
  });

  it('counts a run that could not start as a failed suite, never as a success', () => {
    const results = toJestResults([], 1000, [
      { file: 'preview/test/run-browser-tests.ts', message: 'build failed' }
    ]);
    expect(results).toMatchObject({
      numPassedTests: 0,
      numFailedTests: 0,
      numRuntimeErrorTestSuites: 1,
      success: false
    });
    expect(toJestResults([], 1000).success).toBe(false);
  });
});
