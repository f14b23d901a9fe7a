import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type AppOptions } from '../../api/createApp';
import { createEngine } from '../../bot/engine';

export interface TestServer {
  url: string;
  /** fetch against the server; `token` adds `Authorization: Bearer`, `json` sends a JSON body. */
  request(path: string, init?: RequestInit & { token?: string; json?: unknown }): Promise<Response>;
  close(): Promise<void>;
}

/**
 * A real HTTP server around `createApp()` on a free loopback port. Register it per test file:
 * `const server = useTestServer();` then `server().request(...)` inside tests.
 */
export async function startTestServer(options?: Partial<AppOptions>): Promise<TestServer> {
  const handle = createApp({ chat: createEngine(), ...options }).callback();
  const server = http.createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    request(path, { token, json, headers, ...init } = {}) {
      const merged = new Headers(headers);
      if (token) merged.set('Authorization', `Bearer ${token}`);
      if (json !== undefined) merged.set('Content-Type', 'application/json');
      return fetch(`${url}${path}`, { ...init, headers: merged, body: json !== undefined ? JSON.stringify(json) : init.body });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Starts one test server for the file (after the database is connected) and closes it at the end. */
export function useTestServer(options?: Partial<AppOptions>): () => TestServer {
  let current: TestServer | undefined;
  beforeAll(async () => {
    current = await startTestServer(options);
  });
  afterAll(async () => {
    await current?.close();
  });
  return () => {
    if (!current) throw new Error('useTestServer: the server is not started yet (use it inside a test)');
    return current;
  };
}
