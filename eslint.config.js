// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const levee = require('./eslint/layers');

module.exports = tseslint.config(
  { ignores: ['node_modules/', 'data/', '.cache/', 'coverage/', 'miniprogram/', 'admin/dist/', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: __dirname } },
    plugins: { levee },
    rules: {
      'levee/layers': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  { files: ['scripts/**/*.ts', 'tests/bench/**/*.ts'], rules: { 'no-console': 'off' } },
);
