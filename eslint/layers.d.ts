import type { Rule } from 'eslint';

/** The local ESLint plugin of `eslint/layers.js`. */
declare const plugin: { rules: { layers: Rule.RuleModule } };
export = plugin;
