/**
 * Reading the preview's local org from a test, as a script or another client would: the record
 * UI API, and the `report` command run in-process against it.
 */
import { run as report } from '../../../scripts/commands/report';
import type { ReviewReport } from '../../../scripts/lib/review-report';
import { captureIo } from '../../../cli/io';
import { projectPaths } from '../../build/projectPaths';
import { PREVIEW_API_VERSION } from '../../server/pageConfig';

/** The org of a running preview. */
export interface OrgAccess {
  url: string;
  accessToken: string;
}

/** Field values of a record through the UI API (`GET /ui-api/records/{id}?fields=`). */
export async function recordFields(
  org: OrgAccess,
  recordId: string,
  fields: string[]
): Promise<Record<string, unknown>> {
  const response = await fetch(
    `${org.url}/services/data/v${PREVIEW_API_VERSION}/ui-api/records/${recordId}?fields=${encodeURIComponent(fields.join(','))}`,
    { headers: { Authorization: `Bearer ${org.accessToken}` } }
  );
  const body = (await response.json()) as { fields?: Record<string, { value: unknown }> };
  if (!response.ok)
    throw new Error(`GET record ${recordId}: HTTP ${response.status} ${JSON.stringify(body)}`);
  return Object.fromEntries(
    Object.entries(body.fields ?? {}).map(([name, field]) => [name, field.value])
  );
}

/** The data-trust part of `npm run report -- --format json` (the report's own type). */
export type ReportTrust = ReviewReport['dataTrust'];

/** The KPI part of `npm run report -- --format json`. */
export interface ReportKpi {
  key: string;
  value: number | null;
}

/**
 * Runs `report --target-org local --user <id> [--as-of <date>] --format json` against the org;
 * without a date the report takes the local org's day, as an admin's run does.
 */
export async function runReport(
  org: OrgAccess,
  userId: string,
  asOf?: string
): Promise<{ asOf: string; dataTrust: ReportTrust; kpis: ReportKpi[] }> {
  const io = captureIo({
    env: {
      PACER_LOCAL_ORG_URL: org.url,
      PACER_LOCAL_ORG_TOKEN: org.accessToken,
      HOME: process.env.HOME
    },
    cwd: projectPaths().root
  });
  const code = await report(
    [
      '--target-org',
      'local',
      '--user',
      userId,
      ...(asOf ? ['--as-of', asOf] : []),
      '--format',
      'json'
    ],
    io
  );
  if (code !== 0) throw new Error(`npm run report failed (exit ${code}):\n${io.err || io.out}`);
  return JSON.parse(io.out) as { asOf: string; dataTrust: ReportTrust; kpis: ReportKpi[] };
}
