import { formatFinding } from '../index';
import { checkTogether, errorsFor, PKG, writeComponent, writeFile } from './projectCopy';

jest.setTimeout(60_000);

// Every test adds its own files to one copy; one check serves them all.
const group = checkTogether();

describe('custom labels on a broken copy', () => {
  let file = '';
  const missingLabel = group.break(async (root) => {
    const dir = await writeComponent(
      root,
      'spmProbeLabel',
      "import { LightningElement } from 'lwc';\nimport MISSING from '@salesforce/label/c.SPM_Probe_Missing';\n\n" +
        'export default class SpmProbeLabel extends LightningElement {\n  label = MISSING;\n}\n'
    );
    file = `${dir}/spmProbeLabel.js`;
  });
  it('fails on a label import that names no label, naming the file and the line', async () => {
    const errors = errorsFor(await group.findings(missingLabel), file, 'label/exists');
    expect(errors).toHaveLength(1);
    expect(formatFinding(errors[0])).toContain(`${file}:2`);
    expect(errors[0].reason).toMatch(/^custom label SPM_Probe_Missing is not defined/);
  });
});

describe('forbidden source on a broken copy', () => {
  let innerHtmlFile = '';
  const innerHtml = group.break(async (root) => {
    const dir = await writeComponent(
      root,
      'spmProbeInner',
      "import { LightningElement } from 'lwc';\n\nexport default class SpmProbeInner extends LightningElement {\n" +
        "  renderedCallback() {\n    this.template.querySelector('div').innerHTML = this.html;\n  }\n}\n"
    );
    innerHtmlFile = `${dir}/spmProbeInner.js`;
  });
  it('fails on innerHTML in a component, naming the file and the line', async () => {
    const errors = errorsFor(await group.findings(innerHtml), innerHtmlFile, 'source/no-raw-dom');
    expect(errors).toHaveLength(1);
    expect(formatFinding(errors[0])).toContain(`${innerHtmlFile}:5 innerHTML`);
    expect(errors[0].reason).toMatch(/^innerHTML is not allowed: it injects raw HTML/);
  });

  let templateFile = '';
  const manualDom = group.break(async (root) => {
    const dir = await writeComponent(
      root,
      'spmProbeManual',
      "import { LightningElement } from 'lwc';\nexport default class SpmProbeManual extends LightningElement {}\n"
    );
    templateFile = `${dir}/spmProbeManual.html`;
    await writeFile(
      root,
      templateFile,
      '<template>\n    <div class="chart" lwc:dom="manual"></div>\n</template>\n'
    );
  });
  it('fails on lwc:dom="manual" in a template', async () => {
    const errors = errorsFor(await group.findings(manualDom), templateFile, 'source/no-raw-dom');
    expect(errors).toHaveLength(1);
    expect(errors[0].line).toBe(2);
    expect(errors[0].reason).toMatch(/^lwc:dom="manual" is not allowed/);
  });

  const apexFile = `${PKG}/classes/PacerController.cls`;
  const apex = group.break(async (root) => {
    await writeFile(root, apexFile, 'public with sharing class PacerController {}\n');
    await writeFile(
      root,
      `${apexFile}-meta.xml`,
      '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>62.0</apiVersion>\n    <status>Active</status>\n</ApexClass>\n'
    );
  });
  it('fails on an Apex class', async () => {
    const findings = await group.findings(apex);
    const errors = errorsFor(findings, apexFile, 'source/no-apex');
    expect(errors).toHaveLength(1);
    expect(formatFinding(errors[0])).toContain(apexFile);
    expect(errors[0].reason).toMatch(/^Apex is not allowed/);
    expect(errorsFor(findings, `${apexFile}-meta.xml`, 'source/no-apex')).toHaveLength(1);
  });
});
