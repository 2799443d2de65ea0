// ESLint flat config: typescript-eslint + Prettier for formatting.
// The layer rules mirror ARCHITECTURE.md: only the Electron edge imports
// 'electron', and the renderer imports nothing from main/ but contract types.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const electronEdge = ['main/index.ts', 'main/electron/**', 'main/preload/**'];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: electronEdge,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message:
                'Only the Electron edge (main/electron, main/index.ts, main/preload) imports electron.',
            },
            {
              name: 'electron-store',
              message: 'electron-store needs Electron: adapt it in main/electron.',
            },
          ],
          patterns: [{ group: ['**/renderer/**'], message: 'main/ never imports the renderer.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks only through window.netrex.' }],
          patterns: [
            {
              // gitignore semantics: a file cannot be re-included while its
              // folder is excluded, so main/ipc/ is re-included first.
              group: ['**/main/**', '!**/main/ipc/', '!**/main/ipc/contract'],
              message:
                'The renderer imports nothing from main/ except types from main/ipc/contract.ts.',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
