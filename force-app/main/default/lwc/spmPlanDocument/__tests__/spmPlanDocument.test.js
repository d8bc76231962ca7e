import { createElement } from 'lwc';
import SpmPlanDocument from 'c/spmPlanDocument';
import { graphql, gql } from 'lightning/graphql';
import { flushPromises, resetDOM } from '@pacer/test-utils';

const DOCUMENT = {
  key: '0:spmReviewCore1',
  operationName: 'spmReviewCore1',
  query: gql`
    query spmReviewCore1($userIds: [ID]) {
      uiapi {
        query {
          Opportunity(where: { OwnerId: { in: $userIds } }) {
            edges {
              node {
                Id
              }
            }
          }
        }
      }
    }
  `,
  variables: { userIds: ['005A'] }
};

async function render(planDocument = DOCUMENT) {
  const element = createElement('c-spm-plan-document', { is: SpmPlanDocument });
  element.document = planDocument;
  const results = [];
  element.addEventListener('documentresult', (event) => results.push(event.detail));
  document.body.appendChild(element);
  await flushPromises();
  return { element, results };
}

describe('c-spm-plan-document', () => {
  afterEach(() => {
    resetDOM();
    graphql.resetRequests();
  });

  it('sends its document once, with its variables and operation name', async () => {
    await render();
    expect(graphql.requests()).toEqual([
      {
        operationName: 'spmReviewCore1',
        query: DOCUMENT.query.text,
        variables: { userIds: ['005A'] }
      }
    ]);
    expect(graphql.getLastConfig()).toEqual({
      query: DOCUMENT.query,
      variables: DOCUMENT.variables,
      operationName: 'spmReviewCore1'
    });
  });

  it('hands each answer to the container with its document and refresh, not the loading state', async () => {
    const { results } = await render();
    expect(results).toEqual([]);
    const refresh = jest.fn();
    const data = { uiapi: { query: { Opportunity: { edges: [] } } } };
    graphql.emit(data, undefined, refresh);
    graphql.emitErrors([{ message: 'Validation error' }]);
    expect(results).toEqual([
      { document: DOCUMENT, data, errors: undefined, refresh },
      { document: DOCUMENT, data: undefined, errors: [{ message: 'Validation error' }] }
    ]);
  });

  it('sends a new document when it is given one, and names it in the answers', async () => {
    const { element, results } = await render();
    const next = { ...DOCUMENT, variables: { userIds: ['005B'] } };
    element.document = next;
    await flushPromises();
    expect(graphql.requests().map((r) => r.variables)).toEqual([
      { userIds: ['005A'] },
      { userIds: ['005B'] }
    ]);
    graphql.emit({ uiapi: {} });
    expect(results.map((r) => r.document)).toEqual([next]);
  });

  it('renders nothing', async () => {
    const { element } = await render();
    expect(element.shadowRoot.childNodes).toHaveLength(0);
    await expect(element).toBeAccessible();
  });
});
