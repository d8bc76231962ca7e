import { formatFinding } from '../index';
import { checkTogether, editFile, errorsFor, PKG, writeComponent, writeFile } from './projectCopy';

jest.setTimeout(60_000);

const APP = `${PKG}/applications/Pacer.app-meta.xml`;
const MANAGER_PERMISSIONS = `${PKG}/permissionsets/SPM_Manager.permissionset-meta.xml`;
const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';

/** A record page placing one custom component. */
function recordPage(component: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<FlexiPage ${NS}>\n    <flexiPageRegions>\n        <itemInstances>\n` +
    `            <componentInstance>\n                <componentName>c:${component}</componentName>\n` +
    `                <identifier>c_${component}</identifier>\n            </componentInstance>\n        </itemInstances>\n` +
    `        <name>main</name>\n        <type>Region</type>\n    </flexiPageRegions>\n    <masterLabel>Account Coaching</masterLabel>\n` +
    `    <sobjectType>Account</sobjectType>\n    <template>\n        <name>flexipage:recordHomeTemplateDesktop</name>\n    </template>\n` +
    `    <type>RecordPage</type>\n</FlexiPage>\n`
  );
}

describe('references between components on a broken copy', () => {
  // Every test breaks its own files of one copy; one check serves them all.
  const group = checkTogether();

  const missingTab = group.break((root) =>
    editFile(root, APP, (text) =>
      text.replace('<tabs>SPM_KPI__c</tabs>', '<tabs>SPM_KPI_Menu</tabs>')
    )
  );
  it('fails when the app lists a tab that does not exist', async () => {
    const errors = errorsFor(await group.findings(missingTab), APP, 'app/tab');
    expect(errors).toHaveLength(1);
    expect(formatFinding(errors[0])).toContain(`${APP}:`);
    expect(errors[0].reason).toBe(
      'tab SPM_KPI_Menu is not defined in this project (tabs/SPM_KPI_Menu.tab-meta.xml)'
    );
  });

  const noMasterRead = group.break((root) =>
    editFile(root, MANAGER_PERMISSIONS, (text) =>
      text.replace(
        /(<allowRead>)true(<\/allowRead>\s*<modifyAllRecords>false<\/modifyAllRecords>\s*<object>SPM_Cadence__c<\/object>\s*<viewAllRecords>)true/,
        '$1false$2false'
      )
    )
  );
  it('fails when a permission set grants a detail object without Read on its master', async () => {
    const reasons = errorsFor(await group.findings(noMasterRead), MANAGER_PERMISSIONS).map(
      (finding) => finding.reason
    );
    expect(reasons).toContain(
      'SPM_Agenda_Item__c is a detail of SPM_Cadence__c: the set must also grant Read on SPM_Cadence__c'
    );
  });

  const tab = `${PKG}/tabs/SPM_Forecast__c.tab-meta.xml`;
  const orphanTab = group.break((root) =>
    writeFile(
      root,
      tab,
      `<?xml version="1.0" encoding="UTF-8"?>\n<CustomTab ${NS}>\n    <customObject>true</customObject>\n    <motif>Custom18: Form</motif>\n</CustomTab>\n`
    )
  );
  it('fails on a custom object tab whose object does not exist', async () => {
    const errors = errorsFor(await group.findings(orphanTab), tab, 'tab/object');
    expect(errors).toHaveLength(1);
    expect(errors[0].reason).toContain('SPM_Forecast__c is not an object defined in this project');
  });

  const good = `${PKG}/flexipages/Account_Coaching.flexipage-meta.xml`;
  const bad = `${PKG}/flexipages/Account_Missing.flexipage-meta.xml`;
  const pages = group.break(async (root) => {
    await writeComponent(
      root,
      'spmCoachingPanel',
      "import { LightningElement } from 'lwc';\nexport default class SpmCoachingPanel extends LightningElement {}\n",
      ['lightning__RecordPage']
    );
    await writeFile(root, good, recordPage('spmCoachingPanel'));
    await writeFile(root, bad, recordPage('spmNowhere'));
  });
  it('accepts a record page placing an exposed component, and rejects one placing a missing component', async () => {
    const findings = await group.findings(pages);
    expect(errorsFor(findings, good).map(formatFinding)).toEqual([]);
    const errors = errorsFor(findings, bad, 'flexipage/component');
    expect(errors).toHaveLength(1);
    expect(formatFinding(errors[0])).toContain(
      `${bad}:6 <componentName>c:spmNowhere: component lwc/spmNowhere does not exist`
    );
  });
});
