import type { Browser } from 'playwright-core';
import { z } from 'zod';
import { apiRouter } from '../../api/routes';
import { createEngine } from '../../bot/engine';
import { launchBrowser } from '../helpers/browser';
import { useTestServer } from '../helpers/testServer';

const server = useTestServer();

const OpenApiJson = z.object({
  openapi: z.string(),
  paths: z.record(z.string(), z.record(z.string(), z.looseObject({ summary: z.string().optional(), requestBody: z.unknown().optional() }))),
});

/** Every method and path the `/api` router serves, in OpenAPI form (`:id` → `{id}`); HEAD goes with GET. */
function registeredRoutes(): string[] {
  return apiRouter(createEngine()).stack.flatMap((layer) => {
    // A RegExp path cannot be documented; it is listed as its source so the comparison below fails loudly.
    const path = typeof layer.path === 'string' ? layer.path.replace(/:(\w+)/g, '{$1}') : layer.path.source;
    return layer.methods.filter((method) => method !== 'HEAD').map((method) => `${method.toLowerCase()} ${path}`);
  });
}

describe('GET /api/openapi.json', () => {
  it('documents every route the API routers register', async () => {
    const doc = OpenApiJson.parse(await (await server().request('/api/openapi.json')).json());
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`)),
    );
    const routes = registeredRoutes();
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.filter((route) => !documented.has(route))).toEqual([]);
  });

  it('documents the request schema of every report, file, event and application operation that takes a body', async () => {
    const doc = OpenApiJson.parse(await (await server().request('/api/openapi.json')).json());
    for (const path of [
      '/api/reports',
      '/api/files',
      '/api/events',
      '/api/applications',
      '/api/reports/{id}/status',
      '/api/reports/{id}/assign',
    ]) {
      expect(doc.paths[path]?.post?.requestBody).toBeDefined();
    }
  });
});

describe('GET /api/docs', () => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders offline in Chromium and lists the report, file, event and application operations', async () => {
    if (!browser) throw new Error('Chromium did not start');
    const page = await browser.newPage();
    const outside: string[] = [];
    // Offline: anything not served by levee itself is refused and remembered, so a CDN dependency fails the test.
    await page.route('**/*', async (route) => {
      if (route.request().url().startsWith(server().url)) return route.continue();
      outside.push(route.request().url());
      return route.abort();
    });
    await page.goto(`${server().url}/api/docs`);
    await page.locator('.opblock').first().waitFor({ timeout: 15_000 });
    const paths = await page.locator('.opblock-summary-path').allInnerTexts();
    const listed = paths.map((text) => text.replace(/\u200b/g, '').trim());
    for (const path of [
      '/api/reports',
      '/api/reports/{id}/status',
      '/api/files',
      '/api/files/{id}',
      '/api/events',
      '/api/events/{id}/close',
      '/api/applications',
      '/api/applications/mine',
    ]) {
      expect(listed).toContain(path);
    }
    expect(outside).toEqual([]);
    await page.close();
  });
});
