/**
 * The preview's HTTP server on 127.0.0.1: preview pages (`/lightning/…`), the bundle, SLDS
 * assets, and the org's API proxied under `/services/…` so the browser calls it same-origin.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { renderBuildErrorHtml, renderIndexHtml } from './indexHtml';
import { pageContext, PREVIEW_API_VERSION, type OrgSettings } from './pageConfig';
import { loadOrgUsers } from './users';

/** Where the bundle is served from; the build hash in the path makes it cacheable forever. */
export const BUNDLE_PATH = '/preview-assets';
/** The page `/` redirects to. */
export const HOME_PATH = '/lightning/n/Performance_Review';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2'
};

/** Options of {@link startPreviewServer}. */
export interface PreviewServerOptions {
  /** The org the pages talk to. */
  org: { url: string; accessToken: string };
  orgSettings: OrgSettings;
  /** The build to serve (its folder and hash), or why there is none yet (watch mode). */
  build: { dir: string; hash: string } | { error: string };
  /** SLDS assets folder. */
  sldsAssetsDir: string;
  /** Port (0: any free port). */
  port?: number;
  host?: string;
}

/** A running preview server. */
export interface PreviewServer {
  url: string;
  port: number;
  /** Serves another build from the next page load on, or an error page saying why there is none. */
  setBuild(build: { dir: string; hash: string } | { error: string }): void;
  close(): Promise<void>;
}

/** The file under `root` a URL path names, or undefined if it leaves `root` or does not exist. */
export function staticFile(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  if (file !== root && !file.startsWith(root + path.sep)) return undefined;
  return fs.existsSync(file) && fs.statSync(file).isFile() ? file : undefined;
}

function sendFile(response: http.ServerResponse, file: string, cacheForever: boolean): void {
  // SLDS changes only with its package version: an hour of caching keeps repeat loads fast.
  response.writeHead(200, {
    'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Cache-Control': cacheForever ? 'public, max-age=31536000, immutable' : 'public, max-age=3600'
  });
  fs.createReadStream(file).pipe(response);
}

function sendText(response: http.ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
}

function proxy(request: http.IncomingMessage, response: http.ServerResponse, orgUrl: URL): void {
  const upstream = http.request(
    {
      hostname: orgUrl.hostname,
      port: orgUrl.port,
      path: request.url,
      method: request.method,
      headers: { ...request.headers, host: orgUrl.host }
    },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    }
  );
  upstream.on('error', (error) => {
    if (!response.headersSent) {
      response.writeHead(502, { 'Content-Type': 'application/json' });
    }
    response.end(
      JSON.stringify([
        {
          errorCode: 'LOCAL_ORG_UNREACHABLE',
          message: `The local org did not answer: ${error.message}`
        }
      ])
    );
  });
  request.pipe(upstream);
}

/** Starts the server. */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const orgUrl = new URL(options.org.url);
  let currentHash = '';
  let entryUrl = '';
  let bundleRoot = '';
  let buildError: string | undefined;
  const setBuild = (build: { dir: string; hash: string } | { error: string }) => {
    if ('error' in build) {
      buildError = build.error;
      return;
    }
    buildError = undefined;
    currentHash = build.hash;
    entryUrl = `${BUNDLE_PATH}/${build.hash}/main.js`;
    bundleRoot = path.resolve(build.dir);
  };
  setBuild(options.build);
  const sldsRoot = path.resolve(options.sldsAssetsDir);

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://preview.local');
    const { pathname } = url;
    if (pathname.startsWith('/services/')) {
      proxy(request, response, orgUrl);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendText(response, 405, 'Method not allowed');
      return;
    }
    if (pathname === '/') {
      response.writeHead(302, { Location: `${HOME_PATH}${url.search}` });
      response.end();
      return;
    }
    if (pathname.startsWith('/lightning/') && buildError !== undefined) {
      response.writeHead(500, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store'
      });
      response.end(renderBuildErrorHtml(buildError));
      return;
    }
    if (pathname.startsWith('/lightning/')) {
      loadOrgUsers(options.org, PREVIEW_API_VERSION)
        .then((users) => {
          const context = pageContext(
            url.searchParams,
            users,
            options.orgSettings,
            options.org.accessToken
          );
          if (context.userId && url.searchParams.get('user') !== context.userId) {
            // The URL always names the user, so the page's API calls (and a reload) run as them.
            url.searchParams.set('user', context.userId);
            response.writeHead(302, { Location: `${url.pathname}${url.search}` });
            response.end();
            return;
          }
          response.writeHead(200, {
            'Content-Type': 'text/html; charset=utf-8',
            'Cache-Control': 'no-store'
          });
          response.end(renderIndexHtml(context, entryUrl));
        })
        .catch((error: Error) =>
          sendText(response, 502, `The preview could not reach the local org: ${error.message}`)
        );
      return;
    }
    const bundle = /^\/preview-assets\/([0-9a-f]{16})\/(.+)$/.exec(pathname);
    if (bundle) {
      // Earlier builds stay served: a page loaded before a rebuild still fetches its lazy chunks.
      const root =
        bundle[1] === currentHash ? bundleRoot : path.join(path.dirname(bundleRoot), bundle[1]);
      const file = staticFile(root, bundle[2]);
      if (file) return sendFile(response, file, true);
    } else if (pathname.startsWith('/assets/')) {
      const file = staticFile(sldsRoot, pathname.slice('/assets/'.length));
      if (file) return sendFile(response, file, false);
    }
    sendText(response, 404, `Not found: ${pathname}`);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}`,
    port,
    setBuild,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      })
  };
}
