import { formatFinding, runMetadataCheck } from '../index';
import { REPO_ROOT } from './projectCopy';

jest.setTimeout(60_000);

describe('check:metadata on the project as it is', () => {
  it('converts force-app with Salesforce tooling and finds no error', async () => {
    const report = await runMetadataCheck(REPO_ROOT);

    const errors = report.findings
      .filter((finding) => finding.severity === 'error')
      .map(formatFinding);
    expect(errors).toEqual([]);
    // 8 objects + Opportunity, 3 permission sets, 6 tabs, 1 app at least (components land later).
    expect(report.componentsConverted).toBeGreaterThanOrEqual(19);
    expect(report.childComponents).toBeGreaterThanOrEqual(70);
    expect(report.rulesChecked).toBeGreaterThan(1000);
  });
});
