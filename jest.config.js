// One Jest run over the whole workspace: sources are transformed by swc (types are checked by `tsc -b`).
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
  }
}

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/tools', '<rootDir>/test'],
  testMatch: ['**/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  moduleNameMapper,
  transform: {
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
  testTimeout: 30000,
};
