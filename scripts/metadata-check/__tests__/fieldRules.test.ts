import { formatFinding, type Finding } from '../index';
import { checkTogether, editFile, errorsFor, PKG } from './projectCopy';

jest.setTimeout(60_000);

const CADENCE_WEEKS = `${PKG}/objects/SPM_Cadence__c/fields/Weeks_Of_Month__c.field-meta.xml`;
const STAGE_NAME = `${PKG}/objects/SPM_Stage_Policy__c/fields/Stage_Name__c.field-meta.xml`;
const REVIEW_NOTES = `${PKG}/objects/SPM_Review__c/fields/Notes__c.field-meta.xml`;
const ACTION_KPI = `${PKG}/objects/SPM_Action__c/fields/KPI__c.field-meta.xml`;
const ACTION_ACCOUNT = `${PKG}/objects/SPM_Action__c/fields/Account__c.field-meta.xml`;
const KPI_GREEN = `${PKG}/objects/SPM_KPI__c/fields/Green_Threshold__c.field-meta.xml`;
const KPI_CATEGORY = `${PKG}/objects/SPM_KPI__c/fields/Category__c.field-meta.xml`;
const TARGET_KEY = `${PKG}/objects/SPM_Target__c/fields/Key__c.field-meta.xml`;

// Every test breaks its own file of one copy; one check serves them all.
const group = checkTogether();

/** Registers a break of one file, to be checked for one rule. */
function breakFile(file: string, edit: (text: string) => string, rule: string) {
  return { file, rule, handle: group.break((root) => editFile(root, file, edit)) };
}

/** The one error expected for a break's file and rule. */
async function errorOf(broken: ReturnType<typeof breakFile>): Promise<Finding> {
  const errors = errorsFor(await group.findings(broken.handle), broken.file, broken.rule);
  expect(errors).toHaveLength(1);
  return errors[0];
}

describe('field rules on a broken copy', () => {
  const unknownType = breakFile(
    CADENCE_WEEKS,
    (text) => text.replace('<type>Text</type>', '<type>Textual</type>'),
    'field/type'
  );
  it('fails on an unknown field type, naming the file and the type', async () => {
    const error = await errorOf(unknownType);
    expect(formatFinding(error)).toContain(CADENCE_WEEKS);
    expect(error.reason).toBe('unknown field type "Textual" (not a Metadata API FieldType)');
    expect(error.element).toBe('<type>');
    expect(error.line).toBeGreaterThan(1);
  });

  const noLength = breakFile(
    STAGE_NAME,
    (text) => text.replace(/\s*<length>255<\/length>/, ''),
    'field/text-length'
  );
  it('fails on a Text field without <length>', async () => {
    const error = await errorOf(noLength);
    expect(formatFinding(error)).toContain(STAGE_NAME);
    expect(error.reason).toBe('a Text field needs <length> between 1 and 255; it is missing');
  });

  const noReference = breakFile(
    ACTION_KPI,
    (text) => text.replace(/\s*<referenceTo>SPM_KPI__c<\/referenceTo>/, ''),
    'field/relationship'
  );
  it('fails on a Lookup without <referenceTo>', async () => {
    const error = await errorOf(noReference);
    expect(formatFinding(error)).toContain(ACTION_KPI);
    expect(error.reason).toBe('a Lookup field needs <referenceTo> (the parent object)');
  });

  const unknownParent = breakFile(
    ACTION_ACCOUNT,
    (text) => text.replace('<referenceTo>Account<', '<referenceTo>SPM_Kpi_Typo__c<'),
    'field/relationship'
  );
  it('fails on a Lookup to an object that does not exist', async () => {
    const error = await errorOf(unknownParent);
    expect(error.reason).toBe(
      '<referenceTo> SPM_Kpi_Typo__c is not an object defined in this project'
    );
  });

  const noPrecision = breakFile(
    KPI_GREEN,
    (text) => text.replace(/\s*<precision>18<\/precision>/, ''),
    'field/number-precision'
  );
  it('fails on a Number field without <precision>', async () => {
    const error = await errorOf(noPrecision);
    expect(formatFinding(error)).toContain(KPI_GREEN);
    expect(error.reason).toBe('a Number field needs <precision> between 1 and 18; it is missing');
  });

  const noValueSet = breakFile(
    KPI_CATEGORY,
    (text) => text.replace(/\s*<valueSet>[\s\S]*<\/valueSet>/, ''),
    'field/picklist'
  );
  it('fails on a Picklist without <valueSet>', async () => {
    const error = await errorOf(noValueSet);
    expect(formatFinding(error)).toContain(KPI_CATEGORY);
    expect(error.reason).toBe('a Picklist field needs <valueSet>');
  });

  const keyNotExternal = breakFile(
    TARGET_KEY,
    (text) => text.replace('<externalId>true</externalId>', '<externalId>false</externalId>'),
    'field/key'
  );
  it('fails on a Key__c that is not an external ID', async () => {
    const error = await errorOf(keyNotExternal);
    expect(formatFinding(error)).toContain(TARGET_KEY);
    expect(error.reason).toBe('Key__c must be an external ID: <externalId>true</externalId>');
    expect(error.element).toBe('<externalId>');
  });

  const noDescription = breakFile(
    REVIEW_NOTES,
    (text) => text.replace(/\s*<description>[^<]*<\/description>/, ''),
    'field/description'
  );
  it('fails on a custom field without a description', async () => {
    const error = await errorOf(noDescription);
    expect(error.reason).toBe('missing <description>: every custom field says what it holds');
  });
});
