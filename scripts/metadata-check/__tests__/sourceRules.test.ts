import { checkMetadata, formatFinding } from '../index';
import {
  copyProject,
  errorsFor,
  PKG,
  removeProject,
  writeComponent,
  writeFile
} from './projectCopy';

jest.setTimeout(60_000);

let root: string;
beforeEach(async () => {
  root = await copyProject();
});
afterEach(async () => {
  await removeProject(root);
});

describe('custom labels on a broken copy', () => {
  it('fails on a label import that names no label, naming the file and the line', async () => {
    const dir = await writeComponent(
      root,
      'spmProbe',
      "import { LightningElement } from 'lwc';\nimport MISSING from '@salesforce/label/c.SPM_Probe_Missing';\n\n" +
        'export default class SpmProbe extends LightningElement {\n  label = MISSING;\n}\n'
    );
    const file = `${dir}/spmProbe.js`;

    const errors = errorsFor(await checkMetadata(root), file, 'label/exists');
    expect(errors).toHaveLength(1);
    expect(formatFinding(errors[0])).toContain(`${file}:2`);
    expect(errors[0].reason).toMatch(/^custom label SPM_Probe_Missing is not defined/);
  });
});

describe('forbidden source on a broken copy', () => {
  it('fails on innerHTML in a component, naming the file and the line', async () => {
    const dir = await writeComponent(
      root,
      'spmProbe',
      "import { LightningElement } from 'lwc';\n\nexport default class SpmProbe extends LightningElement {\n" +
        "  renderedCallback() {\n    this.template.querySelector('div').innerHTML = this.html;\n  }\n}\n"
    );
    const file = `${dir}/spmProbe.js`;

    const errors = errorsFor(await checkMetadata(root), file, 'source/no-raw-dom');
    expect(errors).toHaveLength(1);
    expect(formatFinding(errors[0])).toContain(`${file}:5 innerHTML`);
    expect(errors[0].reason).toMatch(/^innerHTML is not allowed: it injects raw HTML/);
  });

  it('fails on lwc:dom="manual" in a template', async () => {
    const dir = await writeComponent(
      root,
      'spmProbe',
      "import { LightningElement } from 'lwc';\nexport default class SpmProbe extends LightningElement {}\n"
    );
    const file = `${dir}/spmProbe.html`;
    await writeFile(
      root,
      file,
      '<template>\n    <div class="chart" lwc:dom="manual"></div>\n</template>\n'
    );

    const errors = errorsFor(await checkMetadata(root), file, 'source/no-raw-dom');
    expect(errors).toHaveLength(1);
    expect(errors[0].line).toBe(2);
    expect(errors[0].reason).toMatch(/^lwc:dom="manual" is not allowed/);
  });

  it('fails on an Apex class', async () => {
    const file = `${PKG}/classes/PacerController.cls`;
    await writeFile(root, file, 'public with sharing class PacerController {}\n');
    await writeFile(
      root,
      `${file}-meta.xml`,
      '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>62.0</apiVersion>\n    <status>Active</status>\n</ApexClass>\n'
    );

    const findings = await checkMetadata(root);
    const errors = errorsFor(findings, file, 'source/no-apex');
    expect(errors).toHaveLength(1);
    expect(formatFinding(errors[0])).toContain(file);
    expect(errors[0].reason).toMatch(/^Apex is not allowed/);
    expect(errorsFor(findings, `${file}-meta.xml`, 'source/no-apex')).toHaveLength(1);
  });
});
