import fs from 'node:fs';
import path from 'node:path';
import Router from '@koa/router';
import { absolutePath } from 'swagger-ui-dist';
import { openApiDocument } from '../openapi';

const ASSETS = new Set(['swagger-ui.css', 'swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js']);

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>levee API 文档</title><link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="docs"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/assets/docs-init.js"></script>
</body></html>`;

// A separate file rather than an inline script, so the page works under a strict Content-Security-Policy.
const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#docs', deepLinking: true });`;

/** `/api/openapi.json` and a docs page at `/api/docs` whose assets are served from node_modules, no internet needed. */
export function docsRouter(): Router {
  const router = new Router();
  router.get('/api/openapi.json', function openapi(ctx) {
    ctx.body = openApiDocument();
  });
  router.get('/api/docs', function docsPage(ctx) {
    ctx.type = 'html';
    ctx.body = PAGE;
  });
  router.get('/api/docs/assets/:file', function docsAsset(ctx) {
    const file = ctx.params.file ?? '';
    if (file === 'docs-init.js') {
      ctx.type = 'application/javascript';
      ctx.body = INIT;
      return;
    }
    if (!ASSETS.has(file)) return;
    ctx.type = path.extname(file);
    ctx.set('Cache-Control', 'public, max-age=86400');
    ctx.body = fs.createReadStream(path.join(absolutePath(), file));
  });
  return router;
}
