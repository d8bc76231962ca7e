/**
 * Every GraphQL document the built components send, captured from the browser: the review tab as
 * a rep, a manager and the director (their own review and, for those with a team, a direct
 * report's), every meeting type each can choose, and the coaching panel both ways (this account,
 * my numbers). Each document must validate against the schema the local org gives that user at
 * that API version (introspected with the request's own token, as `npm run check:org` does), and
 * the org must answer it without errors. The local org follows the real UI API grammar
 * (localorg/README.md), so a document that passes here uses only what Salesforce documents.
 */
import assert from 'node:assert/strict';
import {
  buildClientSchema,
  getIntrospectionQuery,
  parse,
  validate,
  type GraphQLSchema,
  type IntrospectionQuery
} from 'graphql';
import type { Page, Request } from 'playwright-core';
import { browserTest, type BrowserTestContext } from '../harness/browserTest';
import { choose, label, optionsOf } from '../harness/uiText';
import { HOME_PATH } from '../../server/previewServer';
import type { OrgUser } from '../../server/users';

/** How long the page must send no GraphQL before a view counts as loaded. */
const QUIET_MS = 400;
const LOAD_TIMEOUT_MS = 20_000;

interface Captured {
  url: string;
  authorization: string;
  operationName: string;
  query: string;
  variables: unknown;
  errors: unknown[] | undefined;
  view: string;
}

function operationNameOf(query: string): string {
  const [first] = parse(query).definitions;
  return first.kind === 'OperationDefinition' && first.name ? first.name.value : '(unnamed)';
}

/** Records each GraphQL request of the page with the org's answer; `settled()` waits for quiet. */
function captureGraphql(page: Page) {
  const captured: Captured[] = [];
  const pending = new Set<Request>();
  let view = '';
  let lastActivity = Date.now();
  const isGraphql = (request: Request) =>
    request.method() === 'POST' && new URL(request.url()).pathname.endsWith('/graphql');
  page.on('request', (request) => {
    if (!isGraphql(request)) return;
    pending.add(request);
    lastActivity = Date.now();
  });
  const done = async (request: Request) => {
    if (!pending.delete(request)) return;
    lastActivity = Date.now();
    const body = request.postDataJSON() as {
      operationName?: string;
      query: string;
      variables?: unknown;
    };
    const response = await request.response();
    const answer = response ? ((await response.json()) as { errors?: unknown[] }) : undefined;
    captured.push({
      url: request.url(),
      authorization: (await request.allHeaders()).authorization ?? '',
      // The wire sends operationName only when its config names one: the document names itself.
      operationName: body.operationName ?? operationNameOf(body.query),
      query: body.query,
      variables: body.variables,
      errors: answer ? answer.errors : [{ message: 'no response' }],
      view
    });
  };
  page.on('requestfinished', (request) => void done(request));
  page.on('requestfailed', (request) => void done(request));
  return {
    captured,
    setView(name: string) {
      view = name;
    },
    async settled() {
      const started = Date.now();
      while (pending.size > 0 || Date.now() - lastActivity < QUIET_MS) {
        assert.ok(Date.now() - started < LOAD_TIMEOUT_MS, `${view}: GraphQL still loading`);
        await page.waitForTimeout(50);
      }
    }
  };
}

/** Opens the review as `user`, then every meeting type of each person given; returns the views seen. */
async function walkReviews(
  t: BrowserTestContext,
  capture: ReturnType<typeof captureGraphql>,
  user: OrgUser,
  persons: Array<string | null>
): Promise<string[]> {
  const views: string[] = [];
  capture.setView(`${user.persona} ${user.name}: review opens`);
  await t.open(HOME_PATH, { user: user.id });
  await capture.settled();
  for (const person of persons) {
    if (person) {
      capture.setView(`${user.persona} ${user.name}: person ${person}`);
      await choose(t.page, label('SPM_Workspace_Person'), person);
      await capture.settled();
    }
    for (const meeting of await optionsOf(t.page, label('SPM_Workspace_Meeting'))) {
      const view = `${user.persona} ${user.name}: ${person ?? 'default person'} · ${meeting}`;
      capture.setView(view);
      await choose(t.page, label('SPM_Workspace_Meeting'), meeting);
      await capture.settled();
      // Every panel of the agenda got its answer: none is left spinning.
      assert.equal(
        await t.page.locator('section.agenda lightning-spinner').count(),
        0,
        `${view}: a panel is still loading`
      );
      views.push(view);
    }
  }
  return views;
}

/** The schema the org gives the holder of `authorization` at the API version of `url`. */
async function schemaAt(url: string, authorization: string): Promise<GraphQLSchema> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { Authorization: authorization, 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: getIntrospectionQuery() })
  });
  const body = (await response.json()) as { data?: IntrospectionQuery; errors?: unknown[] };
  assert.ok(body.data, `introspection at ${url}: ${JSON.stringify(body.errors)}`);
  return buildClientSchema(body.data);
}

export const tests = [
  browserTest(
    'every GraphQL document the components send validates against the strict local schema, for a rep, a manager and the director, each meeting type and both coaching views',
    async (t) => {
      const capture = captureGraphql(t.page);
      const { rep, manager, director } = t.people;
      const directReport = (leader: OrgUser) => {
        const person = t.people.all.find((u) => u.managerId === leader.id);
        assert.ok(person, `${leader.name} has a direct report`);
        return person.name;
      };
      const views = [
        ...(await walkReviews(t, capture, rep, [null])),
        ...(await walkReviews(t, capture, manager, [null, directReport(manager)])),
        ...(await walkReviews(t, capture, director, [null, directReport(director)]))
      ];

      const account = (t.preview.data.records.Account ?? []).find((a) => a.OwnerId === rep.id);
      assert.ok(account, `${rep.name} owns an account`);
      capture.setView(`Rep ${rep.name}: coaching panel, this account`);
      await t.open(`/lightning/r/Account/${String(account.Id)}/view`, { user: rep.id });
      await capture.settled();
      capture.setView(`Rep ${rep.name}: coaching panel, my numbers`);
      await t.page
        .locator('lightning-radio-group.view')
        .getByText(label('SPM_Coaching_MyNumbers'), { exact: true })
        .click();
      await capture.settled();

      const operations = new Set(capture.captured.map((c) => c.operationName));
      for (const prefix of [
        'reviewContext',
        'spmReviewCore',
        'spmReviewActivity',
        'spmReviewJoins',
        'spmCoachingAccount'
      ]) {
        assert.ok(
          [...operations].some((name) => name.startsWith(prefix)),
          `a ${prefix}… document was sent (sent: ${[...operations].join(', ')})`
        );
      }
      assert.ok(
        capture.captured.some(
          (c) => c.view.endsWith('my numbers') && c.operationName.startsWith('spmReviewCore')
        ),
        'the coaching panel sent its "my numbers" review'
      );
      // "This account" is the account-scoped review plan, after the account query.
      const accountPlan = capture.captured.filter(
        (c) =>
          c.view.endsWith('this account') &&
          c.operationName.startsWith('spmReview') &&
          (c.variables as { accountId?: unknown } | null)?.accountId === account.Id
      );
      assert.ok(
        accountPlan.some((c) => c.operationName.startsWith('spmReviewCore')),
        `the coaching panel sent its account-scoped review (sent: ${capture.captured
          .filter((c) => c.view.endsWith('this account'))
          .map((c) => c.operationName)
          .join(', ')})`
      );
      // Each cadence of the sample config is reachable by someone.
      assert.ok(views.length >= 8, `meeting views walked: ${views.length}\n${views.join('\n')}`);

      const schemas = new Map<string, Promise<GraphQLSchema>>();
      const problems: string[] = [];
      for (const sent of capture.captured) {
        const key = `${sent.url} ${sent.authorization}`;
        if (!schemas.has(key)) schemas.set(key, schemaAt(sent.url, sent.authorization));
        const schema = await (schemas.get(key) as Promise<GraphQLSchema>);
        const invalid = validate(schema, parse(sent.query)).map((e) => e.message);
        if (invalid.length)
          problems.push(`${sent.view} · ${sent.operationName}: ${invalid.join('; ')}`);
        if (sent.errors && sent.errors.length)
          problems.push(
            `${sent.view} · ${sent.operationName}: the org answered ${JSON.stringify(sent.errors)}`
          );
      }
      assert.deepEqual(problems, [], problems.join('\n'));
      console.log(
        `  ${capture.captured.length} GraphQL requests captured (${operations.size} distinct operations, ${views.length} meeting views, ${schemas.size} user schemas), all valid:\n    ${views.join('\n    ')}`
      );
      assert.deepEqual(t.consoleErrors(), []);
    }
  )
];
