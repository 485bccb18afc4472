// `npm run bench`: runs each benchmark section in turn and prints its figures. Sections assert
// nothing; the exit code is 1 only when a benchmark itself broke (BenchError or a crash).
// `npm run bench -- <id> ...` runs only the named sections.
//
// To add a benchmark: write bench/<name>.ts exporting `main(): Promise<void>` and add a row below.

import { main as commitLatency } from './commit.js';
import { main as quality } from './quality.js';
import { main as realcode } from './realcode.js';
import { main as scan } from './scan.js';
import { main as release } from './release.js';

interface Section {
  id: string;
  title: string;
  run: () => Promise<void>;
}

const sections: Section[] = [
  { id: 'commit', title: 'pre-commit latency: shipgate vs no hook vs git-secrets', run: commitLatency },
  { id: 'quality', title: 'recall and precision on a labelled corpus: shipgate vs secretlint', run: quality },
  { id: 'release', title: 'release gate on a 60 MB source map with sourcesContent: phases and screening time', run: release },
  { id: 'realcode', title: 'false positives on real code: node_modules of typescript, webpack, @babel/core, eslint, aws-sdk', run: realcode },
  { id: 'scan', title: 'shipgate scan at repository scale: throughput vs ripgrep and secretlint, cache, --history, memory', run: scan },
];

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((id) => !sections.some((s) => s.id === id));
  if (unknown.length) {
    process.stderr.write(`bench: unknown section ${unknown.join(', ')}; known: ${sections.map((s) => s.id).join(', ')}\n`);
    process.exitCode = 2;
    return;
  }
  const chosen = wanted.length ? sections.filter((s) => wanted.includes(s.id)) : sections;
  for (const section of chosen) {
    console.log(`\n== ${section.id}: ${section.title} ==\n`);
    try {
      await section.run();
    } catch (error) {
      const e = error as Error;
      process.stdout.write('\n');
      process.stderr.write(`bench: the ${section.id} benchmark broke: ${e?.name === 'BenchError' ? e.message : (e?.stack ?? String(error))}\n`);
      process.exitCode = 1;
    }
  }
}

await main();
