// One Jest run over the whole workspace in three tiers, chosen by the spec file's suffix:
// `*.unit.spec.ts` (pure logic), `*.int.spec.ts` (real files, databases, processes of library code, an
// in-process server) and `*.e2e.spec.ts` (the built CLI and service as processes). `npx jest` runs all
// three; `--selectProjects unit` (npm run test:unit) is the fast loop. Sources are transformed by swc
// (types are checked by `tsc -b`).
const fs = require('node:fs');
const path = require('node:path');

// `@styring/x` resolves to the package's TypeScript source, so tests never need a build.
const moduleNameMapper = {};
for (const group of ['libs', 'apps', 'tools']) {
  for (const dir of fs.existsSync(group) ? fs.readdirSync(group) : []) {
    const manifest = path.join(group, dir, 'package.json');
    if (!fs.existsSync(manifest)) continue;
    const { name } = JSON.parse(fs.readFileSync(manifest, 'utf8'));
    moduleNameMapper[`^${name}$`] = `<rootDir>/${group}/${dir}/src/index.ts`;
    // A package's entry point for other packages' tests, when it has one.
    if (fs.existsSync(path.join(group, dir, 'src', 'testing', 'index.ts'))) {
      moduleNameMapper[`^${name}/testing$`] = `<rootDir>/${group}/${dir}/src/testing/index.ts`;
    }
  }
}

const shared = {
  testEnvironment: 'node',
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/tools', '<rootDir>/test'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  moduleNameMapper,
  transform: {
    // The service's pages are TSX rendered by Preact on the server (apps/api/src/pages).
    '^.+\\.tsx$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true, decorators: true },
          transform: {
            legacyDecorator: true,
            decoratorMetadata: true,
            react: { runtime: 'automatic', importSource: 'preact' },
          },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|@borewit|@tokenizer|@standard-schema|jose|file-type|strtok3|token-types|uint8array-extras)/)',
  ],
};

// A spec named by no tier would match no project and silently never run: refuse to start instead.
const tiers = /\.(unit|int|e2e)\.spec\.ts$/;
const untiered = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return ['node_modules', 'dist'].includes(entry.name) ? [] : untiered(file);
    return entry.name.endsWith('.spec.ts') && !tiers.test(entry.name) ? [file] : [];
  });
const misnamed = ['libs', 'apps', 'tools', 'test'].filter((dir) => fs.existsSync(dir)).flatMap(untiered);
if (misnamed.length > 0) {
  throw new Error(`Name each spec file by its tier (.unit/.int/.e2e.spec.ts): ${misnamed.join(', ')}`);
}

const tier = (name) => [`**/src/**/*.${name}.spec.ts`, `<rootDir>/test/**/*.${name}.spec.ts`];

module.exports = {
  // A global option: Jest ignores it inside a project.
  testTimeout: 30000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: tier('unit') },
    { ...shared, displayName: 'int', testMatch: tier('int') },
    // The end-to-end tests run what users run, so they build it first: `tsc -b` once per run
    // (incremental, so it costs about a second when nothing changed).
    {
      ...shared,
      displayName: 'e2e',
      testMatch: tier('e2e'),
      globalSetup: '<rootDir>/test/support/build-once.ts',
    },
  ],
};
