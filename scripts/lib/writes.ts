/**
 * Writing planned records in order (parents before children), collecting per-record failures by
 * key, and the summary every writing command prints.
 */
import { EXIT } from '../../cli/errors';
import type { Io } from '../../cli/io';
import type { RecordDiff } from './diff';
import {
  COLLECTION_SIZE,
  type OrgClient,
  type RecordFailure,
  type UpsertRecord
} from './org-client';
import type { Progress } from './progress';

/** Records of one type to upsert by one external id field. */
export interface WriteStep {
  type: string;
  externalIdField: string;
  records: UpsertRecord[];
}

/** The outcome of one step. */
export interface StepOutcome {
  type: string;
  created: number;
  updated: number;
  failed: RecordFailure[];
}

/** Runs the steps in order; a step's failures do not stop the next step (children of a failed parent fail by themselves, by key). */
export async function writeSteps(
  client: OrgClient,
  steps: readonly WriteStep[],
  progress: Progress
): Promise<StepOutcome[]> {
  const outcomes: StepOutcome[] = [];
  for (const step of steps) {
    if (step.records.length === 0) continue;
    const result = await client.upsert(
      step.type,
      step.externalIdField,
      step.records,
      (done, total) => progress.update(`Writing ${step.type}`, done, total)
    );
    progress.done();
    outcomes.push({
      type: step.type,
      created: result.created.length,
      updated: result.updated.length,
      failed: result.failed
    });
  }
  return outcomes;
}

/**
 * Writes the creates and updates of a diff with as few calls as possible: one upsert by Key__c per
 * object (Σ ⌈n/200⌉ over objects), or creates and updates of all objects together
 * (⌈creates/200⌉ + ⌈updates/200⌉), whichever is fewer. `order` puts parents before children.
 */
export async function writeDiffs(
  client: OrgClient,
  diffs: readonly RecordDiff[],
  order: readonly string[],
  progress: Progress
): Promise<StepOutcome[]> {
  const changed = order.flatMap((type) =>
    diffs.filter((d) => d.type === type && d.action !== 'unchanged')
  );
  const creates = changed.filter((d) => d.action === 'create');
  const updates = changed.filter((d) => d.action === 'update' && d.id);
  const perType = order.reduce(
    (calls, type) =>
      calls + Math.ceil(changed.filter((d) => d.type === type).length / COLLECTION_SIZE),
    0
  );
  const mixed =
    Math.ceil(creates.length / COLLECTION_SIZE) + Math.ceil(updates.length / COLLECTION_SIZE);
  if (perType <= mixed || updates.length !== changed.filter((d) => d.action === 'update').length) {
    return writeSteps(
      client,
      order.map((type) => ({
        type,
        externalIdField: 'Key__c',
        records: changed
          .filter((d) => d.type === type)
          .map((d) => ({ key: d.key, fields: d.fields }))
      })),
      progress
    );
  }
  const outcomes = new Map<string, StepOutcome>(
    order.map((type) => [type, { type, created: 0, updated: 0, failed: [] }])
  );
  for (const [operation, list] of [
    ['create', creates],
    ['update', updates]
  ] as const) {
    if (list.length === 0) continue;
    const result = await client.saveMixed(
      operation,
      list.map((d) => ({ type: d.type, key: d.key, id: d.id, fields: d.fields })),
      (done, total) =>
        progress.update(operation === 'create' ? 'Creating' : 'Updating', done, total)
    );
    progress.done();
    for (const saved of result.saved) {
      const outcome = outcomes.get(saved.type) as StepOutcome;
      if (saved.created) outcome.created += 1;
      else outcome.updated += 1;
    }
    for (const failed of result.failed)
      outcomes.get(failed.type)?.failed.push({ key: failed.key, message: failed.message });
  }
  return [...outcomes.values()].filter((o) => o.created + o.updated + o.failed.length > 0);
}

/** Prints the per-record failures (by key) on stderr and returns the exit code they imply. */
export function reportFailures(outcomes: readonly StepOutcome[], io: Io): number {
  const failures = outcomes.flatMap((o) => o.failed.map((f) => ({ type: o.type, ...f })));
  if (failures.length === 0) return EXIT.ok;
  io.stderr(`${failures.length} record${failures.length === 1 ? '' : 's'} failed:\n`);
  for (const f of failures) io.stderr(`  ${f.type} ${f.key}: ${f.message}\n`);
  return EXIT.recordFailures;
}

/** The call line every writing command ends with, e.g. `API calls: 3 reads, 2 writes, 1 retry`. */
export function describeCalls(client: OrgClient): string {
  const { reads, writes, retries } = client.calls;
  const usage = client.apiUsage
    ? `; org daily usage ${client.apiUsage.used}/${client.apiUsage.limit}`
    : '';
  return `API calls: ${reads} read${reads === 1 ? '' : 's'}, ${writes} write${writes === 1 ? '' : 's'}, ${retries} retr${retries === 1 ? 'y' : 'ies'}${usage}\n`;
}
