// Lint runs through `nx run-many -t lint`: the module-boundary rule needs Nx's project graph and is
// silently skipped without it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';
import globals from 'globals';

// What the pure layers (the port and the domain) may never reach: drivers, frameworks, Node I/O.
const ioModules = [
  'better-sqlite3',
  'pg',
  '@eventstore/*',
  '@nestjs/*',
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'net',
  'http',
  'https',
  'crypto',
  'child_process',
  'worker_threads',
  'process',
];

// Which layers a layer's production code may import. Nx builds its graph from every import, specs
// included, so the rule is applied per file: production code gets these, tests get `testsMayAlsoUse` too.
const productionDependencies = {
  'scope:port': [],
  'scope:domain': ['scope:port'],
  'scope:testkit': ['scope:port', 'scope:domain'],
  'scope:adapter': ['scope:port'],
  'scope:read': ['scope:port', 'scope:domain'],
  'scope:export': ['scope:port', 'scope:domain'],
  'scope:application': ['scope:port', 'scope:domain', 'scope:read', 'scope:export', 'scope:adapter'],
};

// Specs and their helpers (`src/testing/`) may also use the testkit, and above the domain a real store.
const testsMayAlsoUse = {
  'scope:port': ['scope:testkit'],
  'scope:domain': ['scope:testkit'],
  'scope:adapter': ['scope:testkit'],
  'scope:read': ['scope:testkit', 'scope:adapter'],
  'scope:export': ['scope:testkit', 'scope:adapter'],
  'scope:application': ['scope:testkit'],
};

// The port and the domain are pure in tests too.
const bannedExternalImports = { 'scope:port': ioModules, 'scope:domain': ioModules };

const boundaryOptions = (forTests) => ({
  enforceBuildableLibDependency: false,
  allow: [],
  // `openStore` loads the network adapters only when a URL asks for one (a CLI command on SQLite does not
  // pay for gRPC and pg at start-up); their tests may still import them.
  checkDynamicDependenciesExceptions: ['@styring/eventstore-postgres', '@styring/eventstore-esdb'],
  depConstraints: [
    ...Object.entries(productionDependencies).map(([sourceTag, tags]) => ({
      sourceTag,
      onlyDependOnLibsWithTags: [...tags, ...(forTests ? (testsMayAlsoUse[sourceTag] ?? []) : [])],
      ...(bannedExternalImports[sourceTag]
        ? { bannedExternalImports: bannedExternalImports[sourceTag] }
        : {}),
    })),
    { sourceTag: 'scope:integration', onlyDependOnLibsWithTags: ['*'] },
    { sourceTag: 'scope:app', onlyDependOnLibsWithTags: ['*'] },
    { sourceTag: 'scope:tool', onlyDependOnLibsWithTags: ['*'] },
  ],
});

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**', '**/data/**', '*.js', '*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // The few plain CommonJS files: the offline verifier every export carries, the CLI shim, child
    // processes of tests. The verifier is the format's only implementation, so it is linted like the rest.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      // `const crypto = require('node:crypto')` names the module, not Web Crypto's global.
      'no-redeclare': ['error', { builtinGlobals: false }],
    },
  },
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'error',
      '@nx/enforce-module-boundaries': ['error', boundaryOptions(false)],
    },
  },
  {
    files: ['**/*.spec.ts', '**/src/testing/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': ['error', boundaryOptions(true)] },
  },
  {
    // The port and the domain compute; they never touch the outside world, not even by a dynamic import.
    files: ['libs/eventstore/src/**/*.ts', 'libs/governance/src/**/*.ts'],
    rules: {
      // Nx's banned imports do not see Node's built-ins; this does.
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ioModules, message: 'The port and the domain do no I/O.' }] },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression', message: 'The pure layers may not import dynamically.' },
        { selector: "CallExpression[callee.name='require']", message: 'The pure layers may not require().' },
        {
          selector: "MemberExpression[object.name='Date'][property.name='now']",
          message: 'Time comes in as a value (inject a clock).',
        },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Inject a clock.' },
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: 'Inject an id generator.',
        },
        { selector: "Identifier[name='process']", message: 'The pure layers may not read the process.' },
      ],
    },
  },
);
