import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-e2e*/**', 'node_modules/**', 'coverage/**', 'tests/artifacts/**', 'schema/**', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    // The domain is pure: no clock, no randomness, no IO. Those come in through ports.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'The domain does no IO; use a port.' },
        { name: 'localStorage', message: 'The domain does no IO; use a port.' },
        { name: 'sessionStorage', message: 'The domain does no IO; use a port.' },
        { name: 'indexedDB', message: 'The domain does no IO; use a port.' },
        { name: 'setTimeout', message: 'The domain has no timers; pass time in.' },
        { name: 'setInterval', message: 'The domain has no timers; pass time in.' },
        { name: 'crypto', message: 'The domain has no randomness; use IdSource.' },
        { name: 'window', message: 'The domain has no browser.' },
        { name: 'document', message: 'The domain has no browser.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The domain has no clock; use Clock.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'The domain has no clock; use Clock.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'The domain has no randomness; use IdSource or a seed.' },
      ],
    },
  },
);
