/**
 * What a metadata rule reports, and the one place that counts rules and collects findings.
 */

/** `error` fails the check; `warning` is printed but does not (e.g. a tab whose component lands later). */
export type Severity = 'error' | 'warning';

/** One problem found in the source tree. */
export interface Finding {
  severity: Severity;
  /** Short rule id, e.g. `field/text-length`, so a reader can find the rule in the code. */
  rule: string;
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line in the file, when the place is known. */
  line?: number;
  /** The XML element (or other place) the finding is about, e.g. `<length>`. */
  element?: string;
  /** Why this is a problem, in words an admin can act on. */
  reason: string;
}

/** A finding as a rule reports it: severity defaults to `error`. */
export type FindingInput = Omit<Finding, 'severity'> & { severity?: Severity };

/**
 * Collects findings and counts every rule evaluation, so the summary can say how much was checked
 * (a check that silently checks nothing would otherwise look like a pass).
 */
export class FindingCollector {
  readonly findings: Finding[] = [];
  private evaluated = 0;

  /**
   * Records one evaluated rule. When `ok` is false the finding is kept.
   * @returns `ok`, so a rule can skip checks that depend on this one.
   */
  expect(ok: boolean, finding: FindingInput | (() => FindingInput)): boolean {
    this.evaluated += 1;
    if (!ok) {
      const input = typeof finding === 'function' ? finding() : finding;
      this.findings.push({ ...input, severity: input.severity ?? 'error' });
    }
    return ok;
  }

  /** Records a finding that is not the outcome of a counted rule (e.g. the converter threw). */
  report(finding: FindingInput): void {
    this.expect(false, finding);
  }

  /** Number of rule evaluations so far. */
  get rulesChecked(): number {
    return this.evaluated;
  }
}

/**
 * Formats a finding as one line: `error  path/to/file:12 <element>: reason [rule]`.
 */
export function formatFinding(finding: Finding): string {
  const where = finding.line ? `${finding.file}:${finding.line}` : finding.file;
  const element = finding.element ? ` ${finding.element}` : '';
  return `${finding.severity.padEnd(7)} ${where}${element}: ${finding.reason} [${finding.rule}]`;
}

/** Orders findings by file, then line, so output is stable and grouped per file. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.rule.localeCompare(b.rule)
  );
}
