// Lint rules, and the import boundaries of the architecture:
// - renderer/ imports neither electron nor Node built-ins (it runs in a browser too);
// - only the shell (main/hosts/shell) and the preload import electron; services never do;
// - main/ imports go down the layers only (eslint-rules/layers.js).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { builtinModules } from 'node:module';
import { layersRule } from './eslint-rules/layers.js';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

const noElectron = {
  name: 'electron',
  message: 'Only main/hosts/shell and preload/index.ts may import electron; services must run headless.',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', '.tools/', 'coverage/', 'test/.tmp/', 'bench/.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      'no-restricted-imports': ['error', { paths: [noElectron] }],
    },
  },
  {
    files: ['main/**/*.ts', 'shared/**/*.ts', 'preload/**/*.ts'],
    plugins: { cutover: { rules: { layers: layersRule } } },
    rules: { 'cutover/layers': 'error' },
  },
  {
    files: ['main/hosts/shell/**/*.ts', 'preload/index.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks to main only through window.cutover.' },
            { name: 'zod', message: 'The renderer imports only types from the contract.' },
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'The renderer runs in a browser: no Node built-ins.',
            })),
          ],
          patterns: [
            {
              group: ['**/main/**', '../main/*', '../../main/*'],
              message: 'The renderer must not import main-process code.',
            },
            {
              group: ['**/preload/contract.ts'],
              allowTypeImports: true,
              message: 'The renderer imports only types from the contract (use import type).',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
