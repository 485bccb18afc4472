#!/usr/bin/env node
// The CLI as an ES module, dist/cli.js: what `node dist/cli.js` and hooks installed by earlier
// versions run. The package's bin is bin.cts; both run main.ts.

import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
