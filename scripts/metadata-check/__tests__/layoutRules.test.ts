import { formatFinding } from '../index';
import { checkTogether, editFile, errorsFor, PKG, renameFile } from './projectCopy';

jest.setTimeout(60_000);

const KPI_UNIT = `${PKG}/objects/SPM_KPI__c/fields/Unit__c.field-meta.xml`;
const ACTION_FIELDS = `${PKG}/objects/SPM_Action__c/fields`;
const REP_PERMISSIONS = `${PKG}/permissionsets/SPM_Rep.permissionset-meta.xml`;

describe('XML and file-name rules on a broken copy', () => {
  // Every test breaks its own file of one copy; one check serves them all.
  const group = checkTogether();

  const unclosed = group.break((root) =>
    editFile(root, KPI_UNIT, (text) => text.replace('<label>Unit</label>', '<label>Unit'))
  );
  it('fails on malformed XML, naming the file and the line', async () => {
    const errors = errorsFor(await group.findings(unclosed), KPI_UNIT, 'xml/well-formed');
    expect(errors).toHaveLength(1);
    expect(formatFinding(errors[0])).toContain(KPI_UNIT);
    expect(errors[0].reason).toMatch(/^XML is not well-formed: Expected closing tag 'label'/);
    expect(errors[0].line).toBeGreaterThan(1);
  });

  const misnamed = `${ACTION_FIELDS}/Due_Date__c.fieldmeta.xml`;
  const misnaming = group.break((root) =>
    renameFile(root, `${ACTION_FIELDS}/Due_Date__c.field-meta.xml`, misnamed)
  );
  it('fails on a misnamed field file that the converter would skip silently', async () => {
    const findings = await group.findings(misnaming);
    const errors = errorsFor(findings, misnamed, 'layout/file-name');
    expect(errors).toHaveLength(1);
    expect(formatFinding(errors[0])).toContain(misnamed);
    expect(errors[0].reason).toContain('must be named <Name>.field-meta.xml');
    // The permission sets still grant the field, which no longer exists.
    const dangling = errorsFor(findings, REP_PERMISSIONS, 'permissionset/field');
    expect(dangling.map((finding) => finding.reason)).toContain(
      'field SPM_Action__c.Due_Date__c is not defined in this project (objects/SPM_Action__c/fields/Due_Date__c.field-meta.xml)'
    );
  });

  const renamed = `${ACTION_FIELDS}/Completed_On__c.field-meta.xml`;
  const renaming = group.break((root) =>
    renameFile(root, `${ACTION_FIELDS}/Completed_Date__c.field-meta.xml`, renamed)
  );
  it('fails when a field file name and its <fullName> differ', async () => {
    const errors = errorsFor(await group.findings(renaming), renamed, 'layout/full-name');
    expect(errors).toHaveLength(1);
    expect(errors[0].reason).toBe(
      '<fullName> is "Completed_Date__c" but the file name says "Completed_On__c"; rename the file or fix the fullName'
    );
    expect(errors[0].element).toBe('<fullName>');
  });

  const key = `${PKG}/objects/SPM_Review__c/fields/Key__c.field-meta.xml`;
  const keyless = group.break((root) => renameFile(root, key, `${key}.bak`));
  it('fails when an object loses its Key__c', async () => {
    const errors = errorsFor(await group.findings(keyless), key, 'object/key-field');
    expect(errors).toHaveLength(1);
    expect(errors[0].reason).toContain('SPM_Review__c has none');
  });
});

describe("a file that is not XML at all, on a copy of its own (it stops Salesforce's converter)", () => {
  const group = checkTogether();
  const notXml = group.break((root) =>
    editFile(root, KPI_UNIT, () => 'Unit: Count, Currency, Percent\n')
  );

  it("fails as Salesforce's converter does", async () => {
    const findings = await group.findings(notXml);
    const conversion = errorsFor(findings, KPI_UNIT, 'convert/salesforce-tooling');
    expect(conversion).toHaveLength(1);
    expect(conversion[0].reason).toMatch(
      /^Salesforce's converter \(source-deploy-retrieve\) failed: error parsing /
    );
    expect(conversion[0].reason).not.toContain(group.root()); // paths in messages are relative
    expect(errorsFor(findings, KPI_UNIT, 'xml/well-formed')).toHaveLength(1);
  });
});
