/**
 * The sample cadences the preview's org is seeded with (config/cadences.json, as `seed` loads them):
 * what browser tests open, by name, key and level, and what each agenda should show.
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectPaths } from '../../build/projectPaths';

/** One cadence template, as much of it as the tests read. */
export interface CadenceTemplate {
  key: string;
  name: string;
  meetingType: string;
  level: string;
  agenda: Array<{ title: string; panel: string; focus?: string }>;
}

/** The cadence templates of config/cadences.json, in file order. */
export function sampleCadences(): CadenceTemplate[] {
  const file = path.join(projectPaths().root, 'config', 'cadences.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { cadences: CadenceTemplate[] }).cadences;
}
