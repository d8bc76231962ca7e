/**
 * SPM_Agenda_Item__c.Focus__c depends on Panel__c: the values each panel offers in the metadata are the
 * engine's FOCUSES (c/kpiDefinitions), which `seed` validates config/cadences.json against and the
 * panels render. One list, held to the field that stores it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { FOCUSES } from '../../lib/kpi-engine';

const FIELD = join(
  __dirname,
  '../../../force-app/main/default/objects/SPM_Agenda_Item__c/fields/Focus__c.field-meta.xml'
);

describe('SPM_Agenda_Item__c.Focus__c', () => {
  const parser = new XMLParser({ isArray: (name) => ['value', 'valueSettings'].includes(name) });
  const field = parser.parse(readFileSync(FIELD, 'utf8')).CustomField;

  it('is a restricted picklist controlled by Panel__c, offering each panel the focuses of FOCUSES', () => {
    expect(field.valueSet.controllingField).toBe('Panel__c');
    expect(field.valueSet.restricted).toBe(true);
    const byPanel: Record<string, string[]> = {};
    for (const setting of field.valueSet.valueSettings) {
      (byPanel[setting.controllingFieldValue] ||= []).push(setting.valueName);
    }
    const expected = Object.fromEntries(
      Object.entries(FOCUSES).filter(([, focuses]) => focuses.length)
    );
    expect(byPanel).toEqual(expected);
    const values = field.valueSet.valueSetDefinition.value.map(
      (v: { fullName: string }) => v.fullName
    );
    expect(values).toEqual(Object.values(FOCUSES).flat());
  });
});
