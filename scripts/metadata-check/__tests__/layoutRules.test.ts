import { checkMetadata, formatFinding } from '../index';
import { copyProject, editFile, errorsFor, PKG, removeProject, renameFile } from './projectCopy';

jest.setTimeout(60_000);

const KPI_UNIT = `${PKG}/objects/SPM_KPI__c/fields/Unit__c.field-meta.xml`;
const ACTION_FIELDS = `${PKG}/objects/SPM_Action__c/fields`;
const REP_PERMISSIONS = `${PKG}/permissionsets/SPM_Rep.permissionset-meta.xml`;

let root: string;
beforeEach(async () => {
  root = await copyProject();
});
afterEach(async () => {
  await removeProject(root);
});

describe('XML and file-name rules on a broken copy', () => {
  it('fails on malformed XML, naming the file and the line', async () => {
    await editFile(root, KPI_UNIT, (text) => text.replace('<label>Unit</label>', '<label>Unit'));

    const errors = errorsFor(await checkMetadata(root), KPI_UNIT, 'xml/well-formed');
    expect(errors).toHaveLength(1);
    expect(formatFinding(errors[0])).toContain(KPI_UNIT);
    expect(errors[0].reason).toMatch(/^XML is not well-formed: Expected closing tag 'label'/);
    expect(errors[0].line).toBeGreaterThan(1);
  });

  it("fails when a file is not XML at all, as Salesforce's converter does", async () => {
    await editFile(root, KPI_UNIT, () => 'Unit: Count, Currency, Percent\n');

    const findings = await checkMetadata(root);
    const conversion = errorsFor(findings, KPI_UNIT, 'convert/salesforce-tooling');
    expect(conversion).toHaveLength(1);
    expect(conversion[0].reason).toMatch(
      /^Salesforce's converter \(source-deploy-retrieve\) failed: error parsing /
    );
    expect(conversion[0].reason).not.toContain(root); // paths in messages are relative
    expect(errorsFor(findings, KPI_UNIT, 'xml/well-formed')).toHaveLength(1);
  });

  it('fails on a misnamed field file that the converter would skip silently', async () => {
    const misnamed = `${ACTION_FIELDS}/Due_Date__c.fieldmeta.xml`;
    await renameFile(root, `${ACTION_FIELDS}/Due_Date__c.field-meta.xml`, misnamed);

    const findings = await checkMetadata(root);
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

  it('fails when a field file name and its <fullName> differ', async () => {
    const renamed = `${ACTION_FIELDS}/Due_On__c.field-meta.xml`;
    await renameFile(root, `${ACTION_FIELDS}/Due_Date__c.field-meta.xml`, renamed);

    const errors = errorsFor(await checkMetadata(root), renamed, 'layout/full-name');
    expect(errors).toHaveLength(1);
    expect(errors[0].reason).toBe(
      '<fullName> is "Due_Date__c" but the file name says "Due_On__c"; rename the file or fix the fullName'
    );
    expect(errors[0].element).toBe('<fullName>');
  });

  it('fails when an object loses its Key__c', async () => {
    const key = `${PKG}/objects/SPM_Review__c/fields/Key__c.field-meta.xml`;
    await renameFile(root, key, `${PKG}/objects/SPM_Review__c/fields/Key__c.field-meta.xml.bak`);

    const errors = errorsFor(await checkMetadata(root), key, 'object/key-field');
    expect(errors).toHaveLength(1);
    expect(errors[0].reason).toContain('SPM_Review__c has none');
  });
});
