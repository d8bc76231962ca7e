/**
 * How the config files map to records: one SPM_KPI__c per KPI, one SPM_Cadence__c per cadence
 * with its SPM_Agenda_Item__c details (parent by `Cadence__r.Key__c`), one SPM_Stage_Policy__c
 * per stage. The field mapping is the engine's (c/kpiDefinitions), so seed and the panels agree.
 */
import { cadenceToRecords, kpiToRecord, stagePolicyToRecords } from './kpi-engine';
import type { CadencesFile, KpiMenu, StagePolicyFile } from './schemas';

/** A record to seed: its object, key and the fields to hold (API names). */
export interface DesiredRecord {
  type: string;
  key: string;
  fields: Record<string, unknown>;
}

/**
 * The fields of each config object: what `seed` reads back to compare with (so it covers every field
 * written), and what `report` and `check:org` read to plan a review as the panels do.
 */
export const SEED_FIELDS: Record<string, readonly string[]> = {
  SPM_KPI__c: [
    'Id',
    'Key__c',
    'Name',
    'Menu_Year__c',
    'Category__c',
    'Kind__c',
    'Unit__c',
    'Direction__c',
    'Definition__c',
    'Green_Threshold__c',
    'Amber_Threshold__c',
    'Levels__c',
    'Above_The_Line__c',
    'Sort_Order__c',
    'Active__c',
    'Description__c'
  ],
  SPM_Stage_Policy__c: [
    'Id',
    'Key__c',
    'Name',
    'Stage_Name__c',
    'Max_Days_In_Stage__c',
    'Early_Stage__c',
    'Sort_Order__c'
  ],
  SPM_Cadence__c: [
    'Id',
    'Key__c',
    'Name',
    'Meeting_Type__c',
    'Level__c',
    'Frequency__c',
    'Weeks_Of_Month__c',
    'Duration_Minutes__c',
    'Decisions__c',
    'Sort_Order__c',
    'Active__c',
    'Review_Period__c'
  ],
  SPM_Agenda_Item__c: [
    'Id',
    'Key__c',
    'Name',
    'Cadence__r.Key__c',
    'Order__c',
    'Questions__c',
    'Panel__c',
    'Focus__c',
    'Minutes__c'
  ]
};

/** Multi-select picklist fields (compared as sets). */
export const MULTI_SELECT_FIELDS = ['Levels__c'];

/** Write order: parents before the children that reference them. */
export const SEED_ORDER = [
  'SPM_KPI__c',
  'SPM_Stage_Policy__c',
  'SPM_Cadence__c',
  'SPM_Agenda_Item__c'
] as const;

/** The KPI menu as SPM_KPI__c records (the engine's mapping). */
export function kpiRecords(menu: KpiMenu): DesiredRecord[] {
  return menu.kpis.map((kpi) => ({
    type: 'SPM_KPI__c',
    key: kpi.key,
    fields: kpiToRecord(kpi, menu.menuYear)
  }));
}

/** The cadences as SPM_Cadence__c records followed by their SPM_Agenda_Item__c records (parent by Cadence__r.Key__c). */
export function cadenceRecords(file: CadencesFile): DesiredRecord[] {
  const mapped = file.cadences.map((cadence) => cadenceToRecords(cadence));
  return [
    ...mapped.map(({ cadence }) => ({
      type: 'SPM_Cadence__c',
      key: String(cadence.Key__c),
      fields: cadence
    })),
    ...mapped.flatMap(({ agendaItems }) =>
      agendaItems.map((item) => ({
        type: 'SPM_Agenda_Item__c',
        key: String(item.Key__c),
        fields: item
      }))
    )
  ];
}

/** The stage policy as SPM_Stage_Policy__c records (Key__c = the stage name). */
export function stagePolicyRecords(file: StagePolicyFile): DesiredRecord[] {
  return stagePolicyToRecords(file.stages).map((fields) => ({
    type: 'SPM_Stage_Policy__c',
    key: String(fields.Key__c),
    fields
  }));
}

/** SOQL that reads every config record of an object (with its fields above), optionally filtered. */
export function configQuery(type: keyof typeof SEED_FIELDS, where?: string): string {
  return `SELECT ${SEED_FIELDS[type].join(', ')} FROM ${type}${where ? ` WHERE ${where}` : ''}`;
}
