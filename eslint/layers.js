// @ts-check
// The import layering of README's layout table, checked on every relative import: a folder may import only the
// folders listed for it. Files at the top level (main.ts) and the folders not listed (scripts, tests) import freely.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

/** Folder → the folders of ours it may import (besides itself). Root files other than package.json are never imported. */
const MAY_IMPORT = {
  config: [],
  lib: ['config'],
  models: ['config', 'lib'],
  db: ['config', 'lib'],
  wechat: ['config', 'lib'],
  domain: ['config', 'lib', 'models', 'wechat'],
  delivery: ['config', 'lib', 'models', 'wechat'],
  jobs: ['config', 'lib', 'models', 'domain', 'delivery'],
  bot: ['config', 'lib', 'models', 'domain'],
  api: ['config', 'lib', 'models', 'domain', 'db'],
};
const ROOT_FILES_ANYONE_MAY_IMPORT = ['package.json'];
/** Shipped data (regions, articles) that any layer may read. */
const DATA_FOLDERS = ['resources'];

/** The top-level folder of an absolute path inside the repository, '' for a root file, undefined outside it. */
function topFolder(file) {
  const relative = path.relative(ROOT, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  const parts = relative.split(path.sep);
  return parts.length === 1 ? '' : parts[0];
}

/** @type {import('eslint').Rule.RuleModule} */
const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'an import may only run down the layers of the layout table (README.md)' },
    schema: [],
    messages: {
      wrongWay: '{{from}}/ may not import {{to}} (allowed: {{allowed}}); see the layout table in README.md',
    },
  },
  create(context) {
    const from = topFolder(context.filename);
    if (from === undefined || !(from in MAY_IMPORT)) return {};
    const allowed = MAY_IMPORT[/** @type {keyof typeof MAY_IMPORT} */ (from)];
    /** @param {import('estree').Node} node @param {unknown} source */
    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const resolved = path.resolve(path.dirname(context.filename), source);
      // `../config` names a folder (its index.ts), not a root file.
      const target = fs.existsSync(resolved) && fs.statSync(resolved).isDirectory() ? path.join(resolved, 'index') : resolved;
      const to = topFolder(target);
      if (to === undefined || to === from || allowed.includes(to) || DATA_FOLDERS.includes(to)) return;
      if (to === '' && ROOT_FILES_ANYONE_MAY_IMPORT.includes(path.basename(target))) return;
      context.report({
        node,
        messageId: 'wrongWay',
        data: { from, to: to === '' ? path.basename(target) : `${to}/`, allowed: allowed.join(', ') || 'nothing of ours' },
      });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

module.exports = { rules: { layers } };
