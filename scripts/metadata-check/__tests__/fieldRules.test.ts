import { checkMetadata, formatFinding, type Finding } from '../index';
import { copyProject, editFile, errorsFor, PKG, removeProject } from './projectCopy';

jest.setTimeout(60_000);

const CADENCE_WEEKS = `${PKG}/objects/SPM_Cadence__c/fields/Weeks_Of_Month__c.field-meta.xml`;
const ACTION_KPI = `${PKG}/objects/SPM_Action__c/fields/KPI__c.field-meta.xml`;
const KPI_GREEN = `${PKG}/objects/SPM_KPI__c/fields/Green_Threshold__c.field-meta.xml`;
const KPI_CATEGORY = `${PKG}/objects/SPM_KPI__c/fields/Category__c.field-meta.xml`;
const TARGET_KEY = `${PKG}/objects/SPM_Target__c/fields/Key__c.field-meta.xml`;

let root: string;
beforeEach(async () => {
  root = await copyProject();
});
afterEach(async () => {
  await removeProject(root);
});

/** Breaks one file, runs the check, and returns the one error expected for it. */
async function errorAfter(
  file: string,
  edit: (text: string) => string,
  rule: string
): Promise<Finding> {
  await editFile(root, file, edit);
  const errors = errorsFor(await checkMetadata(root), file, rule);
  expect(errors).toHaveLength(1);
  return errors[0];
}

describe('field rules on a broken copy', () => {
  it('fails on an unknown field type, naming the file and the type', async () => {
    const error = await errorAfter(
      CADENCE_WEEKS,
      (text) => text.replace('<type>Text</type>', '<type>Textual</type>'),
      'field/type'
    );
    expect(formatFinding(error)).toContain(CADENCE_WEEKS);
    expect(error.reason).toBe('unknown field type "Textual" (not a Metadata API FieldType)');
    expect(error.element).toBe('<type>');
    expect(error.line).toBeGreaterThan(1);
  });

  it('fails on a Text field without <length>', async () => {
    const error = await errorAfter(
      CADENCE_WEEKS,
      (text) => text.replace(/\s*<length>20<\/length>/, ''),
      'field/text-length'
    );
    expect(formatFinding(error)).toContain(CADENCE_WEEKS);
    expect(error.reason).toBe('a Text field needs <length> between 1 and 255; it is missing');
  });

  it('fails on a Lookup without <referenceTo>', async () => {
    const error = await errorAfter(
      ACTION_KPI,
      (text) => text.replace(/\s*<referenceTo>SPM_KPI__c<\/referenceTo>/, ''),
      'field/relationship'
    );
    expect(formatFinding(error)).toContain(ACTION_KPI);
    expect(error.reason).toBe('a Lookup field needs <referenceTo> (the parent object)');
  });

  it('fails on a Lookup to an object that does not exist', async () => {
    const error = await errorAfter(
      ACTION_KPI,
      (text) => text.replace('<referenceTo>SPM_KPI__c<', '<referenceTo>SPM_Kpi_Typo__c<'),
      'field/relationship'
    );
    expect(error.reason).toBe(
      '<referenceTo> SPM_Kpi_Typo__c is not an object defined in this project'
    );
  });

  it('fails on a Number field without <precision>', async () => {
    const error = await errorAfter(
      KPI_GREEN,
      (text) => text.replace(/\s*<precision>18<\/precision>/, ''),
      'field/number-precision'
    );
    expect(formatFinding(error)).toContain(KPI_GREEN);
    expect(error.reason).toBe('a Number field needs <precision> between 1 and 18; it is missing');
  });

  it('fails on a Picklist without <valueSet>', async () => {
    const error = await errorAfter(
      KPI_CATEGORY,
      (text) => text.replace(/\s*<valueSet>[\s\S]*<\/valueSet>/, ''),
      'field/picklist'
    );
    expect(formatFinding(error)).toContain(KPI_CATEGORY);
    expect(error.reason).toBe('a Picklist field needs <valueSet>');
  });

  it('fails on a Key__c that is not an external ID', async () => {
    const error = await errorAfter(
      TARGET_KEY,
      (text) => text.replace('<externalId>true</externalId>', '<externalId>false</externalId>'),
      'field/key'
    );
    expect(formatFinding(error)).toContain(TARGET_KEY);
    expect(error.reason).toBe('Key__c must be an external ID: <externalId>true</externalId>');
    expect(error.element).toBe('<externalId>');
  });

  it('fails on a custom field without a description', async () => {
    const error = await errorAfter(
      CADENCE_WEEKS,
      (text) => text.replace(/\s*<description>[^<]*<\/description>/, ''),
      'field/description'
    );
    expect(error.reason).toBe('missing <description>: every custom field says what it holds');
  });
});
