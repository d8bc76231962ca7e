/**
 * A recording HTTP server for unit tests of the platform modules: answers each request with the
 * next scripted reply and keeps what was sent, so tests can assert on the exact request shape.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setPreviewContext } from '../../platform/context';

/** A request as the server received it. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

/** A scripted reply. */
export interface ScriptedReply {
  status?: number;
  body?: unknown;
}

/** A running recording server. */
export interface RecordingOrg {
  url: string;
  requests: RecordedRequest[];
  reply(...replies: ScriptedReply[]): void;
  close(): Promise<void>;
}

/** Starts the server on a free port and points the platform modules' context at it. */
export async function startRecordingOrg(
  accessToken = '00D000000000001!TEST'
): Promise<RecordingOrg> {
  const requests: RecordedRequest[] = [];
  const replies: ScriptedReply[] = [];
  const server = http.createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      requests.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: text ? JSON.parse(text) : undefined
      });
      const reply = replies.shift() ?? {
        status: 500,
        body: [{ errorCode: 'NO_REPLY', message: 'no scripted reply' }]
      };
      response.writeHead(reply.status ?? 200, { 'Content-Type': 'application/json' });
      response.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  setPreviewContext({
    instanceUrl: url,
    apiVersion: '62.0',
    accessToken,
    userId: '005000000000001AAA',
    users: [],
    i18n: {},
    asOf: null,
    preservedParams: {}
  });
  return {
    url,
    requests,
    reply: (...more) => replies.push(...more),
    close: () => {
      setPreviewContext(undefined);
      return new Promise((resolve) => server.close(() => resolve()));
    }
  };
}

/** Resolves with the next value `subscribe` gives its callback. */
export function nextValue<T>(subscribe: (callback: (value: T) => void) => void): Promise<T> {
  return new Promise((resolve) => subscribe(resolve));
}
