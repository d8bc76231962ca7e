import { gql, graphql, graphqlOutcome, refreshGraphQL, type GraphQLResult } from './graphql';
import { startRecordingOrg, type RecordingOrg } from '../test/harness/recordingOrg';

const QUERY = gql`
  query spmTest($ownerId: ID) {
    uiapi { query { Opportunity(where: { OwnerId: { eq: $ownerId } }) { edges { node { Id } } } } }
  }
`;
const DATA = {
  uiapi: { query: { Opportunity: { edges: [{ node: { Id: '006000000000001AAA' } }] } } }
};

/** A wire as the LWC engine drives it, with the values it emits. */
function wire() {
  const values: GraphQLResult[] = [];
  const waiters: Array<(value: GraphQLResult) => void> = [];
  const adapter = new graphql((value) => {
    values.push(value);
    waiters.shift()?.(value);
  });
  return {
    adapter,
    values,
    next: () => new Promise<GraphQLResult>((resolve) => waiters.push(resolve))
  };
}

describe('gql', () => {
  it('keeps the document text, from a tagged template or a string', () => {
    expect(gql`query a { uiapi { query { User { edges { node { Id } } } } } }`.source).toBe(
      'query a { uiapi { query { User { edges { node { Id } } } } } }'
    );
    expect(String(gql('query b { x }'))).toBe('query b { x }');
  });
});

describe('graphql wire adapter', () => {
  let org: RecordingOrg;
  beforeEach(async () => {
    org = await startRecordingOrg('00D000000000001!TOKEN');
  });
  afterEach(() => org.close());

  it('POSTs query, variables and operationName to the GraphQL endpoint with the bearer token', async () => {
    org.reply({ body: { data: DATA, errors: [] } });
    const { adapter, next } = wire();
    const emitted = next();
    adapter.update({
      query: QUERY,
      variables: { ownerId: '005000000000001AAA' },
      operationName: 'spmTest'
    });
    adapter.connect();
    await emitted;
    expect(org.requests).toHaveLength(1);
    const [request] = org.requests;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/services/data/v62.0/graphql');
    expect(request.headers.authorization).toBe('Bearer 00D000000000001!TOKEN');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.body).toEqual({
      query: QUERY.source,
      variables: { ownerId: '005000000000001AAA' },
      operationName: 'spmTest'
    });
  });

  it('emits { data, errors, refresh } with read-only data, errors undefined when there are none', async () => {
    org.reply({ body: { data: DATA, errors: [] } });
    const { adapter, next } = wire();
    const emitted = next();
    adapter.update({ query: QUERY, variables: {} });
    adapter.connect();
    const result = await emitted;
    expect(result.data).toEqual(DATA);
    expect(result.errors).toBeUndefined();
    expect(typeof result.refresh).toBe('function');
    expect(() => {
      (result.data as typeof DATA).uiapi.query.Opportunity.edges.push({ node: { Id: 'x' } });
    }).toThrow(TypeError);
  });

  it('sends nothing until it has a query, and again only when the configuration changes', async () => {
    org.reply({ body: { data: DATA } }, { body: { data: DATA } });
    const { adapter, next, values } = wire();
    adapter.update({ query: undefined, variables: { ownerId: 'a' } });
    adapter.connect();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(org.requests).toHaveLength(0);

    let emitted = next();
    adapter.update({ query: QUERY, variables: { ownerId: 'a' } });
    await emitted;
    adapter.update({ query: QUERY, variables: { ownerId: 'a' } });
    emitted = next();
    adapter.update({ query: QUERY, variables: { ownerId: 'b' } });
    await emitted;
    expect(
      org.requests.map((request) => (request.body as { variables: unknown }).variables)
    ).toEqual([{ ownerId: 'a' }, { ownerId: 'b' }]);
    expect(values).toHaveLength(2);
  });

  it('refresh sends the query again and emits the new answer', async () => {
    org.reply({ body: { data: { n: 1 } } }, { body: { data: { n: 2 } } });
    const { adapter, next } = wire();
    const first = next();
    adapter.update({ query: QUERY });
    adapter.connect();
    const result = await first;
    const second = next();
    await refreshGraphQL(result);
    expect((await second).data).toEqual({ n: 2 });
    expect(org.requests).toHaveLength(2);
  });

  it('emits GraphQL errors with partial data, and HTTP failures as errors', async () => {
    org.reply(
      {
        body: {
          data: { uiapi: null },
          errors: [{ message: 'Field X is not visible', path: ['uiapi'] }]
        }
      },
      {
        status: 401,
        body: [{ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }]
      }
    );
    const { adapter, next } = wire();
    let emitted = next();
    adapter.update({ query: QUERY, variables: { ownerId: 'a' } });
    adapter.connect();
    expect(await emitted).toMatchObject({
      data: { uiapi: null },
      errors: [{ message: 'Field X is not visible', path: ['uiapi'] }]
    });
    emitted = next();
    adapter.update({ query: QUERY, variables: { ownerId: 'b' } });
    expect(await emitted).toMatchObject({
      data: undefined,
      errors: [{ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }]
    });
  });

  it('drops an answer that arrives after the wire disconnected', async () => {
    org.reply({ body: { data: DATA } });
    const { adapter, values } = wire();
    adapter.update({ query: QUERY });
    adapter.connect();
    adapter.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(org.requests).toHaveLength(1);
    expect(values).toHaveLength(0);
  });
});

describe('graphqlOutcome', () => {
  it('turns a network failure into one error', () => {
    expect(
      graphqlOutcome({ ok: false, status: 502, statusText: 'Bad Gateway', body: null })
    ).toEqual({
      data: undefined,
      errors: [{ message: 'HTTP 502 Bad Gateway' }]
    });
  });
});
