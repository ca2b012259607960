#!/usr/bin/env node
'use strict';
// The `styring` command: the compiled CLI lives in ../dist, so this shim only finds it and starts it.
const fs = require('node:fs');
const path = require('node:path');

const main = path.join(__dirname, '..', 'dist', 'main.js');
if (!fs.existsSync(main)) {
  process.stderr.write('styring is not built yet: run `npm run build` in the repository root first.\n');
  process.exit(2);
}
require(main);
