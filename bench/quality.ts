// Detection quality on a labelled corpus (bench/corpus.ts): recall per rule, overall recall and
// precision, false positives by decoy kind, and the same figures for secretlint 13 with its
// recommended preset, run on the same files.
//
// Matching: a finding counts for a planted secret when it is on the secret's labelled line (the
// first line of a multi-line value) and, for shipgate, comes from the expected rule; each label
// is matched at most once. Anything else is a false positive: on a decoy line (counted by decoy
// kind), on a secret line from another rule or a second time (unless the pair is a documented
// overlap in OVERLAPS below), or on an unlabelled line. secretlint's rules have other ids, so for
// it any finding on a labelled line counts. File rules (a committed .env, an id_rsa file) report
// line 0: they are matched to the expected file findings in the labels.
//
// Nothing is asserted: figures and targets are printed. Environment: BENCH_SEED (corpus seed,
// default 20261121), BENCH_QUALITY_RUNS (timed runs of each tool, default 5).

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus, type CorpusLabels, type DecoyLabel, type SecretLabel } from './corpus.js';
import { BenchError, envInt, makeTempDir, mb, ms, removeTempDir, runShipgateScan, summarize, type ShipgateJsonFinding } from './harness.js';
import { prepareSecretlint, runSecretlint, writeSecretlintrc, type SecretlintFinding } from './secretlint.js';

const TARGET_RECALL = 0.98;
const TARGET_PRECISION = 0.98;

/**
 * Pairs of rules that legitimately report on the same line: the second finding is then neither
 * a true nor a false positive (it is counted and printed as an overlap).
 */
const OVERLAPS: readonly { expected: string; alsoReported: string; why: string }[] = [
  {
    expected: 'gcp-service-account',
    alsoReported: 'private-key',
    why: 'a service account key file (the GCP sample, one JSON line) holds a real PEM private key next to its private_key_id',
  },
];

/** dist/bench/quality.js -> dist/bin.cjs, the bin users run */
const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin.cjs');

/** One finding, of either tool, reduced to what the matching needs. */
interface Hit {
  ruleId: string;
  file: string;
  line: number;
  /** First 4 characters of the reported text, for the redacted lists. */
  prefix: string;
  fingerprint?: string;
}

interface FalsePositive {
  hit: Hit;
  /** Decoy kind, 'unlabelled', 'another rule on a <rule> line', 'reported twice'... */
  reason: string;
}

interface Score {
  tool: string;
  hits: number;
  tp: number;
  fp: FalsePositive[];
  overlaps: Hit[];
  matched: Map<SecretLabel, Hit>;
  fileTp: number;
  /** True positives whose fingerprint equals the label's (shipgate only). */
  sameFingerprint: number;
}

class LabelIndex {
  readonly secretsAt = new Map<string, SecretLabel[]>();
  readonly decoyAt = new Map<string, DecoyLabel>();
  readonly fileFindings = new Set<string>();
  readonly fileDecoys = new Map<string, string>();

  constructor(readonly labels: CorpusLabels) {
    for (const s of labels.secrets) {
      const key = at(s.file, s.line);
      this.secretsAt.set(key, [...(this.secretsAt.get(key) ?? []), s]);
    }
    for (const d of labels.decoys) {
      for (let line = d.line; line <= d.endLine; line++) if (!this.decoyAt.has(at(d.file, line))) this.decoyAt.set(at(d.file, line), d);
    }
    for (const f of labels.fileFindings) this.fileFindings.add(`${f.file}\0${f.ruleId}`);
    for (const f of labels.fileDecoys) this.fileDecoys.set(f.file, f.kind);
  }
}

const at = (file: string, line: number): string => `${file}:${line}`;

/** `byRule`: shipgate (the rule id must be the expected one); otherwise any rule matches. */
function score(tool: string, hits: readonly Hit[], index: LabelIndex, byRule: boolean): Score {
  const s: Score = { tool, hits: hits.length, tp: 0, fp: [], overlaps: [], matched: new Map(), fileTp: 0, sameFingerprint: 0 };
  const fileSeen = new Set<string>();
  // Expected-rule hits first, so a secret line with two findings keeps its true positive.
  const ordered = [...hits].sort((a, b) => expectedFirst(a, index) - expectedFirst(b, index));
  for (const hit of ordered) {
    if (hit.line === 0) {
      const key = `${hit.file}\0${hit.ruleId}`;
      if (index.fileFindings.has(key) && !fileSeen.has(key)) {
        fileSeen.add(key);
        s.fileTp++;
        s.tp++;
      } else {
        s.fp.push({ hit, reason: index.fileDecoys.get(hit.file) ?? 'unlabelled file' });
      }
      continue;
    }
    const labels = index.secretsAt.get(at(hit.file, hit.line)) ?? [];
    const label = labels.find((l) => !s.matched.has(l) && (!byRule || l.ruleId === hit.ruleId));
    if (label) {
      s.matched.set(label, hit);
      s.tp++;
      if (hit.fingerprint && hit.fingerprint === label.fingerprint) s.sameFingerprint++;
      continue;
    }
    if (labels.length) {
      if (byRule && OVERLAPS.some((o) => o.alsoReported === hit.ruleId && labels.some((l) => l.ruleId === o.expected))) {
        s.overlaps.push(hit);
      } else {
        const sameRule = labels.some((l) => !byRule || l.ruleId === hit.ruleId);
        s.fp.push({ hit, reason: sameRule ? 'reported twice on a secret line' : `another rule on a ${labels.map((l) => l.ruleId).join('/')} line` });
      }
      continue;
    }
    const decoy = index.decoyAt.get(at(hit.file, hit.line));
    s.fp.push({ hit, reason: decoy ? decoy.kind : 'unlabelled' });
  }
  return s;
}

function expectedFirst(hit: Hit, index: LabelIndex): number {
  return (index.secretsAt.get(at(hit.file, hit.line)) ?? []).some((l) => l.ruleId === hit.ruleId) ? 0 : 1;
}

const recall = (s: Score, planted: number): number => (planted ? s.matched.size / planted : NaN);
const precision = (s: Score): number => (s.tp + s.fp.length ? s.tp / (s.tp + s.fp.length) : NaN);
const ratio = (value: number): string => (Number.isFinite(value) ? value.toFixed(3) : 'n/a');
const metOrMissed = (ok: boolean): string => (ok ? 'met' : 'missed');

/** The first 4 characters of what a finding points at, read from the corpus file. */
function prefixAt(corpus: string, file: string, line: number, column0: number): string {
  try {
    const text = readFileSync(join(corpus, file), 'utf8').split('\n')[line - 1] ?? '';
    return text.slice(column0, column0 + 4);
  } catch {
    return '?';
  }
}

function prefixAtOffset(corpus: string, file: string, offset: number): string {
  try {
    return readFileSync(join(corpus, file), 'utf8').slice(offset, offset + 4);
  } catch {
    return '?';
  }
}

export async function main(): Promise<void> {
  const started = process.hrtime.bigint();
  const seed = envInt('BENCH_SEED', 20261121, 0);
  const runs = envInt('BENCH_QUALITY_RUNS', 5);
  if (!existsSync(cli)) throw new BenchError(`${cli} is missing; build first (npm run bench does)`);

  const tmp = makeTempDir('shipgate-quality-');
  try {
    const corpus = join(tmp, 'corpus');
    const labels = generateCorpus(corpus, { seed, labelsPath: join(tmp, 'labels.json') });
    const index = new LabelIndex(labels);
    const planted = labels.secrets.length;
    console.log(
      `corpus (seed ${seed}): ${labels.stats.files} files, ${mb(labels.stats.bytes, 2)} in ${labels.syntaxes.length} syntaxes; ` +
        `${planted} planted secrets for ${labels.ruleIds.length} content rules, ${labels.fileFindings.length} expected file findings, ` +
        `${labels.decoys.length} decoys (${new Set(labels.decoys.map((d) => d.kind)).size} kinds)`,
    );
    for (const u of labels.unplanted) console.log(`  note: ${u.ruleId}'s sample could not be written recognisably in ${u.syntax}: not planted there`);

    // shipgate: the CLI as a user runs it, timed `runs` times; the findings of the first run.
    const shipTimes: number[] = [];
    let shipFindings: ShipgateJsonFinding[] = [];
    let shipRules = 0;
    for (let i = 0; i < runs; i++) {
      const { ran, report } = runShipgateScan(cli, corpus, ['.'], join(tmp, `shipgate-${i}.json`));
      shipTimes.push(ran.ms);
      if (i === 0) {
        shipFindings = report.findings;
        shipRules = report.stats.rules;
      }
    }
    const shipHits: Hit[] = shipFindings.map((f) => ({
      ruleId: f.ruleId, file: f.file, line: f.line, fingerprint: f.fingerprint,
      prefix: f.line > 0 ? prefixAt(corpus, f.file, f.line, f.column - 1) : '',
    }));
    const ship = score('shipgate', shipHits, index, true);

    // secretlint, if it can be had.
    let sl: Score | undefined;
    let slTimes: number[] = [];
    let slNote = '';
    const secretlint = prepareSecretlint();
    if ('skipped' in secretlint) {
      slNote = `secretlint skipped: ${secretlint.skipped}`;
    } else {
      const rc = writeSecretlintrc(tmp);
      let findings: SecretlintFinding[] = [];
      for (let i = 0; i < runs; i++) {
        const result = runSecretlint(secretlint, corpus, rc, join(tmp, `secretlint-${i}.json`));
        if ('failed' in result) {
          slNote = `secretlint skipped: it failed on the corpus: ${result.failed}`;
          slTimes = [];
          break;
        }
        slTimes.push(result.ms);
        if (i === 0) findings = result.findings;
      }
      if (!slNote) {
        sl = score('secretlint', findings.map((f) => ({ ruleId: f.ruleId, file: f.file, line: f.line, prefix: prefixAtOffset(corpus, f.file, f.offset) })), index, false);
        slNote = `secretlint ${secretlint.version} (node ${secretlint.nodeVersion}), recommended preset; ${secretlint.setup}`;
      }
    }
    console.log(`shipgate ${shipRules} rules (node ${process.version}); ${slNote}`);
    console.log('');

    report(labels, ship, sl, planted);

    // Time on the corpus.
    const shipMedian = summarize(shipTimes).median;
    const slMedian = summarize(slTimes).median;
    console.log('');
    console.log(`wall time on the corpus (median of ${runs} runs, whole process):`);
    console.log(`  shipgate scan .      ${ms(shipMedian).padStart(11)}   (min ${ms(summarize(shipTimes).min)}, max ${ms(summarize(shipTimes).max)})`);
    if (sl) {
      console.log(`  secretlint "**/*"    ${ms(slMedian).padStart(11)}   (min ${ms(summarize(slTimes).min)}, max ${ms(summarize(slTimes).max)})`);
      console.log(`  secretlint / shipgate: ${(slMedian / shipMedian).toFixed(1)}x`);
    }

    // Targets.
    const shipRecall = recall(ship, planted);
    const shipPrecision = precision(ship);
    console.log('');
    console.log('targets (from the issue):');
    console.log(`  recall >= ${TARGET_RECALL}: ${ratio(shipRecall)}  ${metOrMissed(shipRecall >= TARGET_RECALL)}`);
    console.log(`  precision >= ${TARGET_PRECISION}: ${ratio(shipPrecision)}  ${metOrMissed(shipPrecision >= TARGET_PRECISION)}`);
    if (sl) {
      const slPrecision = precision(sl);
      console.log(`  precision ahead of secretlint's (${ratio(slPrecision)}): ${ratio(shipPrecision)}  ${metOrMissed(shipPrecision > slPrecision)}`);
    } else {
      console.log(`  precision ahead of secretlint's: not measured (${slNote})`);
    }
  } finally {
    removeTempDir(tmp);
  }
  console.log(`\nquality benchmark finished in ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s; temp corpus removed`);
}

function report(labels: CorpusLabels, ship: Score, sl: Score | undefined, planted: number): void {
  const slCol = (fn: (s: Score) => string): string => (sl ? fn(sl) : 'skipped');
  const foundFor = (s: Score, pred: (l: SecretLabel) => boolean): number => [...s.matched.keys()].filter(pred).length;

  // Recall per rule id.
  console.log('recall per rule (planted secrets found on their line; shipgate: by the expected rule)');
  const w = Math.max(24, ...labels.ruleIds.map((r) => r.length + 2));
  console.log(`  ${'rule id'.padEnd(w)}${'planted'.padStart(8)}${'shipgate'.padStart(10)}${'recall'.padStart(8)}${'secretlint'.padStart(12)}${'recall'.padStart(8)}`);
  for (const ruleId of labels.ruleIds) {
    const n = labels.secrets.filter((l) => l.ruleId === ruleId).length;
    const a = foundFor(ship, (l) => l.ruleId === ruleId);
    const b = sl ? foundFor(sl, (l) => l.ruleId === ruleId) : NaN;
    console.log(`  ${ruleId.padEnd(w)}${String(n).padStart(8)}${String(a).padStart(10)}${ratio(a / n).padStart(8)}${(sl ? String(b) : 'skipped').padStart(12)}${(sl ? ratio(b / n) : '').padStart(8)}`);
  }
  console.log(`  ${'all'.padEnd(w)}${String(planted).padStart(8)}${String(ship.matched.size).padStart(10)}${ratio(recall(ship, planted)).padStart(8)}${slCol((s) => String(s.matched.size)).padStart(12)}${(sl ? ratio(recall(sl, planted)) : '').padStart(8)}`);
  console.log(`  file rules: ${ship.fileTp} of ${labels.fileFindings.length} expected file findings (${labels.fileFindings.map((f) => f.ruleId).filter((v, i, a) => a.indexOf(v) === i).join(', ')}); secretlint has no file rules`);
  console.log(`  shipgate true positives whose fingerprint is the planted secret's: ${ship.sameFingerprint} of ${ship.tp - ship.fileTp}`);
  for (const [label, hit] of ship.matched) {
    if (hit.fingerprint !== label.fingerprint) console.log(`    reported a different text than planted: ${label.ruleId}  ${at(label.file, label.line)}  "${hit.prefix}…" (${label.syntax}${label.encoding === 'plain' ? '' : `, ${label.encoding}`})`);
  }

  // Recall per syntax.
  console.log('');
  console.log('recall per syntax');
  const syntaxes = [...new Set(labels.secrets.map((l) => l.syntax))];
  const chunks = syntaxes.map((syntax) => {
    const n = labels.secrets.filter((l) => l.syntax === syntax).length;
    const a = foundFor(ship, (l) => l.syntax === syntax);
    const b = sl ? foundFor(sl, (l) => l.syntax === syntax) : NaN;
    return `${syntax} ${a}/${n}${sl ? ` (sl ${b})` : ''}`;
  });
  for (let i = 0; i < chunks.length; i += 4) console.log(`  ${chunks.slice(i, i + 4).map((c) => c.padEnd(34)).join('')}`.trimEnd());

  // Precision.
  console.log('');
  console.log('precision (all findings, file-level ones included)');
  console.log(`  ${'tool'.padEnd(12)}${'findings'.padStart(10)}${'TP'.padStart(7)}${'FP'.padStart(7)}${'precision'.padStart(11)}${'recall'.padStart(9)}`);
  for (const s of [ship, ...(sl ? [sl] : [])]) {
    console.log(`  ${s.tool.padEnd(12)}${String(s.hits).padStart(10)}${String(s.tp).padStart(7)}${String(s.fp.length).padStart(7)}${ratio(precision(s)).padStart(11)}${ratio(recall(s, planted)).padStart(9)}`);
  }
  for (const o of OVERLAPS) {
    const n = ship.overlaps.filter((h) => h.ruleId === o.alsoReported).length;
    if (n) console.log(`  shipgate: ${n} documented overlaps, not counted: ${o.alsoReported} on ${o.expected} lines (${o.why})`);
  }

  // False positives by decoy kind.
  console.log('');
  console.log('false positives by decoy kind (decoys = labelled decoy values; a finding anywhere on one counts)');
  const kinds = [...new Set([...labels.decoys.map((d) => d.kind as string), ...labels.fileDecoys.map((d) => d.kind as string)])].sort();
  const reasons = [...new Set([...ship.fp, ...(sl?.fp ?? [])].map((f) => f.reason))].filter((r) => !kinds.includes(r)).sort();
  console.log(`  ${'kind'.padEnd(34)}${'decoys'.padStart(8)}${'shipgate FP'.padStart(13)}${'secretlint FP'.padStart(15)}`);
  for (const kind of [...kinds, ...reasons]) {
    const decoys = labels.decoys.filter((d) => d.kind === kind).length + labels.fileDecoys.filter((d) => d.kind === kind).length;
    const a = ship.fp.filter((f) => f.reason === kind).length;
    const b = sl ? String(sl.fp.filter((f) => f.reason === kind).length) : 'skipped';
    console.log(`  ${kind.padEnd(34)}${(decoys ? String(decoys) : '-').padStart(8)}${String(a).padStart(13)}${b.padStart(15)}`);
  }

  // The lists, redacted.
  printList('shipgate false positives', ship.fp.map((f) => `${f.hit.ruleId}  ${at(f.hit.file, f.hit.line)}  "${f.hit.prefix}…"  (${f.reason})`), 100);
  printList('shipgate misses', missed(labels, ship).map((l) => `${l.ruleId}  ${at(l.file, l.line)}  "${l.prefix}…"  (${l.syntax}${l.encoding === 'plain' ? '' : `, ${l.encoding}`})`), 100);
  if (sl) {
    const byRule = new Map<string, number>();
    for (const f of sl.fp) byRule.set(f.hit.ruleId, (byRule.get(f.hit.ruleId) ?? 0) + 1);
    console.log('');
    console.log(`secretlint false positives by its rule: ${[...byRule].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r.replace('@secretlint/secretlint-rule-', '')} ${n}`).join(', ') || 'none'}`);
    printList('secretlint false positives', sl.fp.map((f) => `${f.hit.ruleId.replace('@secretlint/secretlint-rule-', '')}  ${at(f.hit.file, f.hit.line)}  "${f.hit.prefix}…"  (${f.reason})`), 25);
    const slMissed = missed(labels, sl);
    const missedByRule = new Map<string, number>();
    for (const l of slMissed) missedByRule.set(l.ruleId, (missedByRule.get(l.ruleId) ?? 0) + 1);
    console.log('');
    console.log(`secretlint misses by planted rule: ${[...missedByRule].map(([r, n]) => `${r} ${n}`).join(', ') || 'none'}`);
  }
}

function missed(labels: CorpusLabels, s: Score): SecretLabel[] {
  return labels.secrets.filter((l) => !s.matched.has(l));
}

function printList(title: string, lines: string[], max: number): void {
  console.log('');
  console.log(`${title}: ${lines.length === 0 ? 'none' : lines.length}`);
  for (const line of lines.slice(0, max)) console.log(`  ${line}`);
  if (lines.length > max) console.log(`  ... and ${lines.length - max} more`);
}
