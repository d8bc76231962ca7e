/**
 * The data model in force-app is the one docs/data-model.md describes: every object and field, with its type,
 * size, values, relationships and sharing; and the permission sets give each role what it needs.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  childNodes,
  childText,
  childTexts,
  parseMetadataXml,
  type MetadataXml
} from '../xmlDocument';
import { PKG, REPO_ROOT } from './projectCopy';
import { STANDARD_FIELD_SECURITY } from '../fieldSecurity';

type FieldSpec =
  | { type: 'Text'; length: number }
  | { type: 'Number' | 'Currency'; precision: number; scale: number }
  | { type: 'LongTextArea'; length: number }
  | {
      type: 'Picklist' | 'MultiselectPicklist';
      values: string[];
      defaultValue?: string;
    }
  | {
      type: 'Lookup' | 'MasterDetail';
      referenceTo: string;
      relationshipName?: string;
    }
  | { type: 'Date' | 'DateTime' | 'Checkbox' };

const LEVELS = ['Rep', 'Manager', 'Director', 'Executive'];
const LONG = { type: 'LongTextArea', length: 32768 } as const;

/** docs/data-model.md, "Custom objects": object → sharing model and fields (Key__c is checked for all). */
const CONTRACT: Record<string, { sharing: string; fields: Record<string, FieldSpec> }> = {
  SPM_KPI__c: {
    sharing: 'Read',
    fields: {
      Menu_Year__c: { type: 'Number', precision: 4, scale: 0 },
      Category__c: {
        type: 'Picklist',
        values: ['Sales', 'Margin', 'Cost of sales', 'Pipeline', 'Activity', 'Data trust']
      },
      Kind__c: { type: 'Picklist', values: ['Leading', 'Lagging'] },
      Unit__c: {
        type: 'Picklist',
        values: ['Count', 'Currency', 'Percent', 'Hours', 'Days', 'Ratio']
      },
      Direction__c: {
        type: 'Picklist',
        values: ['Higher is better', 'Lower is better']
      },
      Definition__c: LONG,
      Green_Threshold__c: { type: 'Number', precision: 18, scale: 4 },
      Amber_Threshold__c: { type: 'Number', precision: 18, scale: 4 },
      Levels__c: { type: 'MultiselectPicklist', values: LEVELS },
      Above_The_Line__c: { type: 'Checkbox' },
      Sort_Order__c: { type: 'Number', precision: 6, scale: 0 },
      Active__c: { type: 'Checkbox' },
      Description__c: LONG
    }
  },
  SPM_Target__c: {
    sharing: 'Private',
    fields: {
      KPI__c: { type: 'Lookup', referenceTo: 'SPM_KPI__c' },
      Assignee__c: { type: 'Lookup', referenceTo: 'User' },
      Period_Type__c: {
        type: 'Picklist',
        values: ['Year', 'Quarter', 'Month', 'Week']
      },
      Period_Start__c: { type: 'Date' },
      Period_End__c: { type: 'Date' },
      Value__c: { type: 'Number', precision: 18, scale: 4 },
      Source__c: {
        type: 'Picklist',
        values: ['Manual', 'Decomposed', 'Rolled up']
      },
      Derived_From__c: { type: 'Lookup', referenceTo: 'SPM_Target__c' },
      Arithmetic__c: LONG
    }
  },
  SPM_Cadence__c: {
    sharing: 'Read',
    fields: {
      Meeting_Type__c: {
        type: 'Picklist',
        values: [
          'Team meeting',
          'Individual coaching',
          'Performance coaching',
          'Key account management',
          'Quarterly business review',
          'Annual planning'
        ]
      },
      Level__c: { type: 'Picklist', values: LEVELS },
      Frequency__c: {
        type: 'Picklist',
        values: ['Weekly', 'Monthly', 'Quarterly', 'Annual']
      },
      Weeks_Of_Month__c: { type: 'Text', length: 20 },
      Duration_Minutes__c: { type: 'Number', precision: 4, scale: 0 },
      Decisions__c: LONG,
      Sort_Order__c: { type: 'Number', precision: 6, scale: 0 },
      Active__c: { type: 'Checkbox' },
      Review_Period__c: {
        type: 'Picklist',
        values: ['Current period', 'Last closed period'],
        defaultValue: 'Current period'
      }
    }
  },
  SPM_Agenda_Item__c: {
    sharing: 'ControlledByParent',
    fields: {
      Cadence__c: {
        type: 'MasterDetail',
        referenceTo: 'SPM_Cadence__c',
        relationshipName: 'Agenda_Items'
      },
      Order__c: { type: 'Number', precision: 4, scale: 0 },
      Questions__c: LONG,
      Panel__c: {
        type: 'Picklist',
        values: [
          'Funnel',
          'Activity',
          'Data trust',
          'Top opportunities',
          'Won and lost',
          'Scorecard',
          'Forecast',
          'Actions',
          'None'
        ]
      },
      Focus__c: {
        type: 'Picklist',
        values: [
          'Shape and conversion',
          'Movement',
          'New offers',
          'Next period',
          'Activity',
          'Data trust',
          'Since last review',
          'Won and lost',
          'Targets',
          'New opportunities',
          'Coverage and pacing',
          'Leading targets',
          'Gap to target',
          'Open actions',
          'Agree actions'
        ]
      },
      Minutes__c: { type: 'Number', precision: 4, scale: 0 }
    }
  },
  SPM_Review__c: {
    sharing: 'Private',
    fields: {
      Cadence__c: { type: 'Lookup', referenceTo: 'SPM_Cadence__c' },
      Subject_User__c: { type: 'Lookup', referenceTo: 'User' },
      Facilitator__c: { type: 'Lookup', referenceTo: 'User' },
      Review_Date__c: { type: 'Date' },
      Notes__c: LONG,
      KPI_Snapshot__c: { type: 'LongTextArea', length: 131072 }
    }
  },
  SPM_Action__c: {
    sharing: 'Private',
    fields: {
      Review__c: { type: 'Lookup', referenceTo: 'SPM_Review__c' },
      KPI__c: { type: 'Lookup', referenceTo: 'SPM_KPI__c' },
      Opportunity__c: { type: 'Lookup', referenceTo: 'Opportunity' },
      Account__c: { type: 'Lookup', referenceTo: 'Account' },
      Due_Date__c: { type: 'Date' },
      Status__c: {
        type: 'Picklist',
        values: ['Open', 'Done', 'Dropped'],
        defaultValue: 'Open'
      },
      Outcome__c: LONG,
      Completed_Date__c: { type: 'Date' }
    }
  },
  SPM_Forecast_Snapshot__c: {
    sharing: 'Read',
    fields: {
      User__c: { type: 'Lookup', referenceTo: 'User' },
      Month_Start__c: { type: 'Date' },
      Commit_Amount__c: { type: 'Currency', precision: 16, scale: 2 },
      Weighted_Amount__c: { type: 'Currency', precision: 16, scale: 2 },
      Pipeline_Amount__c: { type: 'Currency', precision: 16, scale: 2 },
      Won_Amount__c: { type: 'Currency', precision: 16, scale: 2 },
      Source__c: { type: 'Picklist', values: ['Live', 'Backfill'] },
      Taken_At__c: { type: 'DateTime' }
    }
  },
  SPM_Stage_Policy__c: {
    sharing: 'Read',
    fields: {
      Stage_Name__c: { type: 'Text', length: 255 },
      Max_Days_In_Stage__c: { type: 'Number', precision: 4, scale: 0 },
      Early_Stage__c: { type: 'Checkbox' },
      Sort_Order__c: { type: 'Number', precision: 4, scale: 0 }
    }
  }
};

const OPPORTUNITY_FIELDS: Record<string, FieldSpec> = {
  SPM_Offer_Check_Date__c: { type: 'Date' },
  SPM_Flag_Snoozed_Until__c: { type: 'Date' },
  SPM_Flag_Snooze_Reason__c: { type: 'Text', length: 255 }
};

async function readDoc(file: string): Promise<MetadataXml> {
  const parsed = parseMetadataXml(await fs.readFile(path.join(REPO_ROOT, file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.error.message}`);
  return parsed.doc;
}

function fieldFile(object: string, field: string): string {
  return `${PKG}/objects/${object}/fields/${field}.field-meta.xml`;
}

/** Asserts the field file matches its contract entry and says what it is to users. */
async function expectField(object: string, field: string, spec: FieldSpec): Promise<void> {
  const { root } = await readDoc(fieldFile(object, field));
  const actual: Record<string, unknown> = { type: childText(root, 'type') };
  const expected: Record<string, unknown> = { ...spec };
  if ('length' in spec) actual.length = Number(childText(root, 'length'));
  if ('precision' in spec) {
    actual.precision = Number(childText(root, 'precision'));
    actual.scale = Number(childText(root, 'scale'));
  }
  if ('referenceTo' in spec) {
    actual.referenceTo = childText(root, 'referenceTo');
    if (spec.relationshipName) actual.relationshipName = childText(root, 'relationshipName');
  }
  if ('values' in spec) {
    const values = childNodes(childNodes(root, 'valueSet')[0], 'valueSetDefinition')[0];
    actual.values = childNodes(values, 'value').map((value) => childText(value, 'fullName'));
    const defaults = childNodes(values, 'value').filter(
      (value) => childText(value, 'default') === 'true'
    );
    if (spec.defaultValue) actual.defaultValue = childText(defaults[0], 'fullName');
    else expect(defaults).toEqual([]);
  }
  expect({ field: `${object}.${field}`, ...actual }).toEqual({
    field: `${object}.${field}`,
    ...expected
  });
  for (const element of ['label', 'description', 'inlineHelpText']) {
    expect({
      field: `${object}.${field}`,
      [element]: Boolean(childText(root, element))
    }).toEqual({
      field: `${object}.${field}`,
      [element]: true
    });
  }
}

describe('the data model of docs/data-model.md', () => {
  it.each(Object.entries(CONTRACT))(
    'defines %s with its sharing, labels and every contract field',
    async (object, spec) => {
      const { root } = await readDoc(`${PKG}/objects/${object}/${object}.object-meta.xml`);
      expect(childText(root, 'sharingModel')).toBe(spec.sharing);
      for (const element of ['label', 'pluralLabel', 'description'])
        expect(childText(root, element)).toBeTruthy();
      expect(childText(childNodes(root, 'nameField')[0], 'type')).toBe('Text');

      for (const [field, fieldSpec] of Object.entries(spec.fields))
        await expectField(object, field, fieldSpec);

      const key = (await readDoc(fieldFile(object, 'Key__c'))).root;
      expect(
        ['type', 'length', 'externalId', 'unique', 'caseSensitive'].map((element) =>
          childText(key, element)
        )
      ).toEqual(['Text', '255', 'true', 'true', 'true']);
      const files = await fs.readdir(path.join(REPO_ROOT, PKG, 'objects', object, 'fields'));
      expect(files.map((file) => file.replace('.field-meta.xml', '')).sort()).toEqual(
        ['Key__c', ...Object.keys(spec.fields)].sort()
      );
    }
  );

  it('adds the offer check date and the snooze fields to Opportunity', async () => {
    for (const [field, spec] of Object.entries(OPPORTUNITY_FIELDS))
      await expectField('Opportunity', field, spec);
  });
});

describe('the permission sets', () => {
  async function objectAccess(permissionSet: string): Promise<Record<string, string>> {
    const { root } = await readDoc(`${PKG}/permissionsets/${permissionSet}.permissionset-meta.xml`);
    const flags: Array<[string, string]> = [
      ['allowCreate', 'C'],
      ['allowRead', 'R'],
      ['allowEdit', 'E'],
      ['allowDelete', 'D'],
      ['viewAllRecords', 'V'],
      ['modifyAllRecords', 'M']
    ];
    return Object.fromEntries(
      childNodes(root, 'objectPermissions').map((entry) => [
        childText(entry, 'object'),
        flags
          .map(([element, letter]) => (childText(entry, element) === 'true' ? letter : ''))
          .join('')
      ])
    );
  }

  async function editableFields(permissionSet: string): Promise<string[]> {
    const { root } = await readDoc(`${PKG}/permissionsets/${permissionSet}.permissionset-meta.xml`);
    return childNodes(root, 'fieldPermissions')
      .filter((entry) => childText(entry, 'editable') === 'true')
      .map((entry) => childText(entry, 'field')!);
  }

  it('lets a rep read the menu, reviews and targets, and create and edit only actions', async () => {
    expect(await objectAccess('SPM_Rep')).toEqual({
      SPM_Action__c: 'CRE',
      SPM_Agenda_Item__c: 'R',
      SPM_Cadence__c: 'R',
      SPM_Forecast_Snapshot__c: 'R',
      SPM_KPI__c: 'R',
      SPM_Review__c: 'R',
      SPM_Stage_Policy__c: 'R',
      SPM_Target__c: 'R'
    });
    const editable = await editableFields('SPM_Rep');
    expect(editable).toEqual(
      expect.arrayContaining([
        'SPM_Action__c.Status__c',
        'Opportunity.SPM_Flag_Snoozed_Until__c',
        'Opportunity.SPM_Flag_Snooze_Reason__c'
      ])
    );
    expect(
      editable.filter(
        (field) => !field.startsWith('SPM_Action__c.') && !field.startsWith('Opportunity.')
      )
    ).toEqual([]);
  });

  it('lets a manager also create and edit reviews and targets, and read the whole menu', async () => {
    const access = await objectAccess('SPM_Manager');
    expect(access).toMatchObject({
      SPM_Review__c: 'CRE',
      SPM_Target__c: 'CRE',
      SPM_Action__c: 'CRE',
      SPM_KPI__c: 'RV',
      SPM_Cadence__c: 'RV'
    });
    expect(await editableFields('SPM_Manager')).toEqual(
      expect.arrayContaining(['SPM_Review__c.Notes__c', 'SPM_Target__c.Value__c'])
    );
  });

  it('gives the admin everything on every Pacer object', async () => {
    const access = await objectAccess('SPM_Admin');
    expect(Object.keys(access).sort()).toEqual(Object.keys(CONTRACT).sort());
    expect(new Set(Object.values(access))).toEqual(new Set(['CREDVM']));
  });

  it.each(['SPM_Rep', 'SPM_Manager', 'SPM_Admin'])(
    '%s covers every non-required custom field and reads the standard fields under FLS that Pacer reads',
    async (permissionSet) => {
      const { root } = await readDoc(
        `${PKG}/permissionsets/${permissionSet}.permissionset-meta.xml`
      );
      const readable = childNodes(root, 'fieldPermissions')
        .filter((entry) => childText(entry, 'readable') === 'true')
        .map((entry) => childText(entry, 'field'));
      const expected = [
        ...Object.entries(CONTRACT).flatMap(([object, spec]) =>
          ['Key__c', ...Object.keys(spec.fields)]
            .filter((field) => spec.fields[field]?.type !== 'MasterDetail')
            .map((field) => `${object}.${field}`)
        ),
        ...Object.keys(OPPORTUNITY_FIELDS).map((field) => `Opportunity.${field}`),
        ...STANDARD_FIELD_SECURITY.filter((entry) => entry.fls).map((entry) => entry.field)
      ];
      expect([...readable].sort()).toEqual(expected.sort());
      expect(childTexts(childNodes(root, 'applicationVisibilities')[0], 'application')).toEqual([
        'Pacer'
      ]);
    }
  );
});
