// The labelled quality corpus: realistic files in 23 syntaxes (dotenv, JSON, three kinds of YAML,
// JS, TS, Python, Ruby, Go, Java properties, INI, TOML, shell, Dockerfile, Terraform, XML, PHP,
// Markdown, .npmrc, PEM files...), with
//   - true secrets: for every content rule in allSamples (read at run time, so rules added later
//     are planted too), one instance in every syntax that can hold its value, written in that
//     syntax's assignment form (multi-line values such as PEM blocks only where the syntax has
//     multi-line strings, as JSON \n escapes, or base64 in a Kubernetes Secret's data:);
//   - decoys that must not be reported: documentation examples, placeholders and template
//     references in the same assignment forms, Stripe test keys, tokens whose checksum is off,
//     lockfile and go.sum hashes, UUIDs, git SHAs, public keys and certificates, data: images,
//     minified JS, source maps, hashed CSS class names, SRI hashes, i18n strings, connection
//     strings with placeholder credentials, the jwt.io example token...
// labels.json lists every planted secret (file, 1-based line of its first character, rule id,
// fingerprint of the text as written) and every decoy line with its kind, plus the file-level
// findings expected from file rules (a committed .env, an id_rsa file).
//
// Every value is built at run time from parts and the seed: this repository scans itself, so no
// token-shaped literal may appear here. Same seed, same corpus (except the bytes of the RSA keys
// that node generates; their size and lines are stable).
//
// `node dist/bench/corpus.js <dir> [seed]` writes a corpus for a look by hand (labels.json next
// to the folder, as <dir>.labels.json).

import { createHmac } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fingerprintOf } from '../src/findings.js';
import { rules } from '../rules/index.js';
import { allSamples } from '../test/helpers/all-samples.js';
import type { Sample } from '../test/helpers/samples.js';
import { BASE62, prng, reseed, tokens } from '../test/helpers/tokens.js';

export type DecoyKind =
  | 'aws-doc-example'
  | 'placeholder-xxxx'
  | 'pem-placeholder'
  | 'placeholder-angle'
  | 'template-var'
  | 'env-reference'
  | 'changeme'
  | 'stripe-test-key'
  | 'bad-checksum'
  | 'lockfile-integrity'
  | 'go-sum'
  | 'uuid'
  | 'git-sha'
  | 'ssh-public-key'
  | 'pem-public-key'
  | 'pem-certificate'
  | 'data-uri-image'
  | 'minified-js'
  | 'source-map'
  | 'css-hash'
  | 'sri-hash'
  | 'i18n'
  | 'template-file'
  | 'public-key-file'
  | 'placeholder-url'
  | 'jwt-doc-example';

export interface SecretLabel {
  file: string;
  /** 1-based line of the secret's first character (the BEGIN line of a PEM block). */
  line: number;
  ruleId: string;
  /** fingerprintOf(ruleId, secret as written in the file): what shipgate reports for it. */
  fingerprint: string;
  syntax: string;
  /** How the secret is written: as is, with JSON escapes (a PEM's \n), XML entities, or base64-encoded. */
  encoding: 'plain' | 'json-escaped' | 'xml-escaped' | 'base64';
  /** The first 4 characters of the secret, for redacted reports. */
  prefix: string;
}

export interface DecoyLabel {
  file: string;
  /** 1-based first and last line of the decoy (a multi-line value spans several). */
  line: number;
  endLine: number;
  kind: DecoyKind;
  syntax: string;
}

/** A finding a file rule must make (line 0), or a file it must leave alone. */
export interface FileLabel {
  file: string;
  ruleId: string;
}

export interface FileDecoyLabel {
  file: string;
  kind: DecoyKind;
}

export interface CorpusLabels {
  seed: number;
  ruleIds: string[];
  syntaxes: string[];
  secrets: SecretLabel[];
  decoys: DecoyLabel[];
  fileFindings: FileLabel[];
  fileDecoys: FileDecoyLabel[];
  /** Samples a syntax could not write recognisably (quotes or escapes in the secret): not planted. */
  unplanted: { ruleId: string; syntax: string }[];
  stats: { files: number; bytes: number };
}

export interface CorpusOptions {
  seed?: number;
  /** Where labels.json goes; keep it outside `dir` so scanners do not read it. */
  labelsPath?: string;
  /** Filler blocks per syntax file (size knob); default 24. */
  filler?: number;
}

const PROJECTS = ['api', 'web', 'worker', 'billing', 'infra', 'mobile-backend'];
const WORDS = ['orders', 'invoices', 'users', 'sessions', 'payments', 'catalog', 'search', 'reports', 'shipping', 'inventory', 'audit', 'emails'];
const DASHES = '-----';

// ---------------------------------------------------------------------------------------------
// Random values (the corpus PRNG; token samples use tokens.ts's own, reseeded with the seed)

let rnd: () => number = prng(1);

const int = (n: number): number => Math.floor(rnd() * n);
const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
const from = (alphabet: string, n: number): string => Array.from({ length: n }, () => alphabet[int(alphabet.length)]).join('');
const hex = (n: number): string => from('0123456789abcdef', n);
const bytes = (n: number): Buffer => Buffer.from(Array.from({ length: n }, () => int(256)));
const uuid = (): string => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
const gitSha = (): string => hex(40);
const semver = (): string => `${int(12)}.${int(30)}.${int(20)}`;

function words(key: string): string[] {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w.toLowerCase());
}
const upperSnake = (key: string): string => words(key).join('_').toUpperCase();
const lowerSnake = (key: string): string => words(key).join('_');
const dotted = (key: string): string => words(key).join('.');
const dashed = (key: string): string => words(key).join('-');
const camel = (key: string): string => words(key).map((w, i) => (i ? w[0]!.toUpperCase() + w.slice(1) : w)).join('');

function pemBlock(label: string, der: Buffer): string {
  const body = der.toString('base64').match(/.{1,64}/g) ?? [];
  return [`${DASHES}BEGIN ${label}${DASHES}`, ...body, `${DASHES}END ${label}${DASHES}`].join('\n');
}

/** An RSA SubjectPublicKeyInfo with the real header and a random modulus. */
function publicKeyPem(): string {
  const head = [0x30, 0x82, 0x01, 0x22, 0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00, 0x03, 0x82, 0x01, 0x0f, 0x00, 0x30, 0x82, 0x01, 0x0a, 0x02, 0x82, 0x01, 0x01, 0x00];
  return pemBlock(['PUBLIC', 'KEY'].join(' '), Buffer.concat([Buffer.from(head), bytes(256), Buffer.from([0x02, 0x03, 0x01, 0x00, 0x01])]));
}

function certificatePem(): string {
  return pemBlock('CERTIFICATE', Buffer.concat([Buffer.from([0x30, 0x82, 0x03, 0x2d, 0x30, 0x82, 0x02, 0x15, 0xa0, 0x03, 0x02, 0x01, 0x02]), bytes(800)]));
}

function sshString(value: Buffer | string): Buffer {
  const data = typeof value === 'string' ? Buffer.from(value) : value;
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  return Buffer.concat([length, data]);
}

function sshPublicKey(comment: string): string {
  if (rnd() < 0.5) {
    const type = ['ssh', 'ed25519'].join('-');
    return `${type} ${Buffer.concat([sshString(type), sshString(bytes(32))]).toString('base64')} ${comment}`;
  }
  const type = ['ssh', 'rsa'].join('-');
  const modulus = Buffer.concat([Buffer.from([0x00]), bytes(256)]);
  return `${type} ${Buffer.concat([sshString(type), sshString(Buffer.from([1, 0, 1])), sshString(modulus)]).toString('base64')} ${comment}`;
}

function pngDataUri(size: number): string {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), bytes(size)]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

/** Connection strings with documentation or template credentials, one kind per project. */
function placeholderUrl(p: number): { key: string; value: string; decoy: DecoyKind } {
  const forms: [string, string][] = [
    ['DATABASE_URL', `postgres://user:${'password'}@localhost:5432/app`],
    ['MONGODB_URI', `mongodb+srv://<username>:<${'password'}>@cluster0.example.mongodb.net/app`],
    ['REDIS_URL', `redis://:\${REDIS_${'PASSWORD'}}@redis:6379/0`],
    ['AMQP_URL', `amqp://guest:guest@localhost:5672`],
    ['MYSQL_URL', `mysql://root:changeme@127.0.0.1:3306/app`],
    ['DATABASE_URL', `postgresql://app:{{ .Values.db.${'password'} }}@db:5432/app`],
  ];
  const [key, value] = forms[p % forms.length]!;
  return { key, value, decoy: 'placeholder-url' };
}

/** The example token of the jwt.io debugger (HS256, its documented secret), rebuilt from its parts. */
function jwtDocExample(): string {
  const b64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify({ sub: '1234567890', name: 'John Doe', iat: 1516239022 }));
  const signature = createHmac('sha256', ['your', '256', 'bit', 'secret'].join('-')).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${signature}`;
}

const integrity = (): string => `sha512-${bytes(64).toString('base64')}`;
const stripeTest = (): string => tokens.stripeTest();

/** A documentation placeholder of the same shape: the random part replaced by x (PEM: "..."). */
function masked(value: string, secret: string): { value: string; kind: DecoyKind } {
  if (secret.includes('\n')) {
    const lines = secret.split('\n');
    return { value: value.replace(secret, () => `${lines[0]}\n...\n${lines.at(-1)}`), kind: 'pem-placeholder' };
  }
  const prefix = /^[A-Za-z]{2,8}[_-](?:[a-z]{2,6}[_-])?/.exec(secret)?.[0] ?? secret.slice(0, 4);
  const rest = secret.slice(prefix.length);
  const x = /[a-z]/.test(rest) ? 'x' : 'X';
  // Whatever else in the value looks like key material (the PEM inside a service account JSON)
  // is blanked too: a placeholder document holds no real key.
  const blanked = value.replace(secret, () => prefix + rest.replace(/[A-Za-z0-9]/g, x)).replace(/[A-Za-z0-9+/]{32,}/g, (run) => run.replace(/[A-Za-z0-9]/g, 'x'));
  return { value: blanked, kind: 'placeholder-xxxx' };
}

// ---------------------------------------------------------------------------------------------
// Documents: lines with labelled positions

interface Plant {
  ruleId: string;
  sample: Sample;
}

class Doc {
  readonly lines: string[] = [];
  readonly secrets: SecretLabel[] = [];
  readonly decoys: DecoyLabel[] = [];
  private readonly keys = new Set<string>();

  constructor(readonly path: string, readonly syntax: string) {}

  add(...texts: string[]): void {
    for (const text of texts) this.lines.push(...text.split('\n'));
  }

  /** A key not used yet in this file: duplicate keys get _2, _3. */
  key(key: string): string {
    let candidate = key;
    for (let n = 2; this.keys.has(candidate.toLowerCase()); n++) candidate = `${key}_${n}`;
    this.keys.add(candidate.toLowerCase());
    return candidate;
  }

  /**
   * Appends `text`, which holds the plant's secret in some written form, and labels it. False
   * (and nothing written) when the syntax's quoting changed the secret beyond recognition.
   */
  secret(plant: Plant, text: string): boolean {
    const found = locateSecret(text, plant.sample);
    if (!found) return false;
    this.secrets.push({
      file: this.path,
      line: this.lines.length + 1 + countNewlines(text, found.at),
      ruleId: plant.ruleId,
      fingerprint: fingerprintOf(plant.ruleId, found.written),
      syntax: this.syntax,
      encoding: found.encoding,
      prefix: plant.sample.secret.slice(0, 4),
    });
    this.add(text);
    return true;
  }

  /** Appends `text` and labels all its lines as one decoy. */
  decoy(kind: DecoyKind, text: string): void {
    const line = this.lines.length + 1;
    this.add(text);
    this.decoys.push({ file: this.path, line, endLine: this.lines.length, kind, syntax: this.syntax });
  }

  /** Appends one line and labels it. */
  decoyLine(kind: DecoyKind, line: string): void {
    this.decoy(kind, line);
  }

  text(): string {
    return this.lines.join('\n') + '\n';
  }
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

const jsonEscaped = (value: string): string => JSON.stringify(value).slice(1, -1);
const base64 = (value: string): string => Buffer.from(value).toString('base64');

/** Where the secret starts in `text`, and the exact text a rule would report for it. */
function locateSecret(text: string, sample: Sample): { at: number; written: string; encoding: SecretLabel['encoding'] } | undefined {
  const secret = sample.secret;
  if (!secret.includes('\n')) {
    const forms: [string, SecretLabel['encoding']][] = [[secret, 'plain'], [jsonEscaped(secret), 'json-escaped'], [xmlEscape(secret), 'xml-escaped']];
    for (const [written, encoding] of forms) {
      const at = text.indexOf(written);
      if (at !== -1) return { at, written, encoding };
    }
  } else {
    const escaped = jsonEscaped(secret);
    const atEscaped = text.indexOf(escaped);
    if (atEscaped !== -1) return { at: atEscaped, written: escaped, encoding: 'json-escaped' };
    // Real line breaks, perhaps indented (a YAML block scalar): from the first line to the last.
    const lines = secret.split('\n');
    const at = text.indexOf(lines[0]!);
    const last = lines.at(-1)!;
    const end = at === -1 ? -1 : text.indexOf(last, at + lines[0]!.length);
    if (at !== -1 && end !== -1) return { at, written: text.slice(at, end + last.length), encoding: 'plain' };
  }
  const encoded = text.indexOf(base64(sample.value));
  if (encoded !== -1) return { at: encoded, written: secret, encoding: 'base64' };
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Syntaxes

interface Ctx {
  project: string;
  index: number;
  /** Filler blocks written so far in this file (makes names unique). */
  n: number;
}

interface Syntax {
  id: string;
  /** Values with real line breaks can be written (else they never get multi-line samples). */
  multiline: boolean;
  /** Which samples this file type realistically holds (default: all). */
  accepts?: (sample: Sample) => boolean;
  path: (ctx: Ctx) => string;
  /** Decoys go to a separate file (a .env.example next to the .env). */
  decoyPath?: (ctx: Ctx) => string;
  head: (doc: Doc, ctx: Ctx) => void;
  tail: (doc: Doc, ctx: Ctx) => void;
  /** The assignment of a string value to a key, in this syntax. */
  assign: (doc: Doc, key: string, value: string) => string;
  /** The assignment of a reference to where the real value lives: ${KEY}, process.env.KEY... */
  ref: (doc: Doc, key: string) => string;
  refKind: DecoyKind;
  filler: (doc: Doc, ctx: Ctx) => void;
}

const indentLines = (value: string, pad: string): string => value.split('\n').map((l) => pad + l).join('\n');
/** A YAML scalar: double-quoted on one line, or a literal block scalar indented by `pad`. */
const yamlValue = (value: string, pad: string): string => (value.includes('\n') ? `|\n${indentLines(value, pad)}` : JSON.stringify(value));
const xmlEscape = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
/** A string literal in `prefer` quotes, or the other kind when the value holds `prefer`; escaped as a last resort. */
function quoted(value: string, prefer: '"' | "'"): string {
  const other = prefer === '"' ? "'" : '"';
  if (!value.includes(prefer)) return prefer + value + prefer;
  if (!value.includes(other)) return other + value + other;
  return prefer + value.split(prefer).join('\\' + prefer) + prefer;
}
/** A shell word: bare when safe, else single-quoted, else double-quoted with escapes. */
function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_./:@+=%,-]+$/.test(value)) return value;
  if (!value.includes("'")) return `'${value}'`;
  return `"${value.replace(/(["\\$`])/g, '\\$1')}"`;
}
/** Bare `KEY=value` where the format allows it (dotenv), else quoted. */
const bareOr = (value: string): string => (/^[^\s'"`#$\\]+$/.test(value) ? value : quoted(value, "'"));

const SYNTAXES: Syntax[] = [
  {
    id: 'dotenv',
    multiline: true,
    path: (c) => `${c.project}/${c.index % 2 ? '.env.production' : '.env'}`,
    decoyPath: (c) => `${c.project}/.env.example`,
    head: (d, c) => d.add(`# ${c.project} environment`, `NODE_ENV=production`, `PORT=${3000 + c.index}`),
    tail: (d) => d.add(`LOG_LEVEL=info`),
    assign: (d, k, v) => (v.includes('\n') ? `${d.key(k)}="${v}"` : `${d.key(k)}=${bareOr(v)}`),
    ref: (d, k) => `${d.key(k)}=\${${upperSnake(k)}_FROM_VAULT}`,
    refKind: 'template-var',
    filler: (d, c) => {
      const w = WORDS[c.n % WORDS.length]!.toUpperCase();
      d.add(``, `# ${w.toLowerCase()}`, `${w}_QUEUE_URL=https://sqs.eu-west-1.amazonaws.com/${100000000000 + c.n}/${w.toLowerCase()}`, `${w}_CONCURRENCY=${1 + (c.n % 8)}`, `${w}_TIMEOUT_MS=${1000 * (1 + (c.n % 5))}`, `${w}_PASSWORD_MIN_LENGTH=12`, `${w}_TOKEN_TTL_SECONDS=3600`);
    },
  },
  {
    id: 'json',
    multiline: true, // as \n escapes
    path: (c) => `${c.project}/config/production.json`,
    head: (d, c) => d.add(`{`, `  "service": "${c.project}",`, `  "port": ${8080 + c.index},`, `  "settings": {`),
    tail: (d) => d.add(`    "region": "eu-west-1"`, `  },`, `  "features": ["audit-log", "rate-limit"]`, `}`),
    assign: (d, k, v) => `    ${JSON.stringify(d.key(d.path.includes('api') || d.path.includes('billing') ? camel(k) : k))}: ${JSON.stringify(v)},`,
    ref: (d, k) => `    ${JSON.stringify(d.key(k))}: "\${${upperSnake(k)}}",`,
    refKind: 'template-var',
    filler: (d, c) => {
      const w = WORDS[c.n % WORDS.length]!;
      d.add(`    "${w}${c.n}": {`, `      "table": "${w}",`, `      "batchSize": ${50 * (1 + (c.n % 4))},`, `      "retry": { "attempts": 3, "backoffMs": 250 },`, `      "secretName": "${w}-credentials",`, `      "passwordPolicy": "strong"`, `    },`);
    },
  },
  {
    id: 'yaml-k8s-deployment',
    multiline: true,
    path: (c) => `${c.project}/k8s/deployment.yaml`,
    head: (d, c) =>
      d.add(`apiVersion: apps/v1`, `kind: Deployment`, `metadata:`, `  name: ${c.project}`, `  labels:`, `    app: ${c.project}`, `spec:`, `  replicas: 3`, `  selector:`, `    matchLabels:`, `      app: ${c.project}`, `  template:`, `    metadata:`, `      labels:`, `        app: ${c.project}`, `    spec:`, `      containers:`, `        - name: ${c.project}`, `          image: registry.example.com/${c.project}:${semver()}`, `          env:`),
    tail: (d) =>
      d.add(`          ports:`, `            - containerPort: 8080`, `          resources:`, `            limits:`, `              cpu: 500m`, `              memory: 512Mi`, `          readinessProbe:`, `            httpGet:`, `              path: /healthz`, `              port: 8080`),
    assign: (d, k, v) => `            - name: ${d.key(k)}\n              value: ${yamlValue(v, '                ')}`,
    ref: (d, k) => `            - name: ${d.key(k)}\n              value: "{{ .Values.secrets.${camel(k)} }}"`,
    refKind: 'template-var',
    filler: (d, c) => {
      const w = WORDS[c.n % WORDS.length]!.toUpperCase();
      d.add(`            - name: ${w}_SERVICE_HOST`, `              value: "${w.toLowerCase()}.${c.project}.svc.cluster.local"`, `            - name: ${w}_POOL_SIZE`, `              value: "${4 + (c.n % 6)}"`, `            - name: ${w}_SECRET_NAME`, `              value: "${w.toLowerCase()}-db"`);
    },
  },
  {
    id: 'yaml-k8s-secret',
    multiline: true,
    path: (c) => `${c.project}/k8s/secret.yaml`,
    head: (d, c) => d.add(`apiVersion: v1`, `kind: Secret`, `metadata:`, `  name: ${c.project}-secrets`, `  namespace: ${c.project}`, `type: Opaque`, `stringData:`),
    tail: (d) => d.add(`  LOG_FORMAT: "json"`),
    assign: (d, k, v) => `  ${d.key(k)}: ${yamlValue(v, '    ')}`,
    ref: (d, k) => `  ${d.key(k)}: "{{ .Values.${camel(k)} }}"`,
    refKind: 'template-var',
    filler: (d, c) => {
      const w = WORDS[c.n % WORDS.length]!.toUpperCase();
      d.add(`  ${w}_DB_HOST: "postgres-${w.toLowerCase()}.${c.project}.svc"`, `  ${w}_DB_NAME: "${w.toLowerCase()}"`, `  ${w}_DB_USER: "${w.toLowerCase()}_rw"`);
    },
  },
  {
    id: 'yaml-k8s-secret-data',
    multiline: true, // base64 holds anything
    path: (c) => `${c.project}/k8s/secret-data.yaml`,
    head: (d, c) => d.add(`apiVersion: v1`, `kind: Secret`, `metadata:`, `  name: ${c.project}-env`, `type: Opaque`, `data:`),
    tail: (d) => d.add(`  LOG_FORMAT: ${base64('json')}`),
    assign: (d, k, v) => `  ${d.key(k)}: ${base64(v)}`,
    ref: (d, k) => `  ${d.key(k)}: {{ .Values.${camel(k)} | b64enc }}`,
    refKind: 'template-var',
    filler: (d, c) => {
      const w = WORDS[c.n % WORDS.length]!.toUpperCase();
      d.add(`  ${w}_DB_HOST: ${base64(`postgres-${w.toLowerCase()}.${c.project}.svc`)}`, `  ${w}_DB_USER: ${base64(`${w.toLowerCase()}_rw`)}`);
    },
  },
  {
    id: 'yaml-github-actions',
    multiline: true,
    path: (c) => `${c.project}/.github/workflows/deploy.yml`,
    head: (d, c) => d.add(`name: deploy ${c.project}`, `on:`, `  push:`, `    branches: [main]`, `jobs:`, `  deploy:`, `    runs-on: ubuntu-latest`, `    env:`),
    tail: (d) => {
      d.add(`    steps:`);
      d.decoyLine('git-sha', `      - uses: actions/checkout@${gitSha()} # v4`);
      d.decoyLine('git-sha', `      - uses: actions/setup-node@${gitSha()} # v4`);
      d.add(`        with:`, `          node-version: 20`, `      - run: npm ci && npm test`, `      - run: ./scripts/deploy.sh`, `        env:`);
      d.decoy('template-var', `          DEPLOY_TOKEN: \${{ secrets.DEPLOY_TOKEN }}`);
    },
    assign: (d, k, v) => `      ${d.key(k)}: ${yamlValue(v, '        ')}`,
    ref: (d, k) => `      ${d.key(k)}: \${{ secrets.${upperSnake(k)} }}`,
    refKind: 'template-var',
    filler: (d, c) => {
      const w = WORDS[c.n % WORDS.length]!.toUpperCase();
      d.add(`      ${w}_BUCKET: "${w.toLowerCase()}-artifacts-${c.project}"`, `      ${w}_REGION: eu-west-1`);
    },
  },
  {
    id: 'yaml-docker-compose',
    multiline: true,
    path: (c) => `${c.project}/docker-compose.yml`,
    head: (d, c) => d.add(`services:`, `  ${c.project}:`, `    build: .`, `    image: ${c.project}:dev`, `    environment:`),
    tail: (d) => {
      d.add(`    ports:`, `      - "8080:8080"`, `    depends_on:`, `      - db`, `  db:`, `    image: postgres:16`, `    environment:`);
      d.decoy('template-var', `      POSTGRES_PASSWORD: \${POSTGRES_PASSWORD}`);
      d.add(`    volumes:`, `      - pgdata:/var/lib/postgresql/data`, `volumes:`, `  pgdata: {}`);
    },
    assign: (d, k, v) => `      ${d.key(k)}: ${yamlValue(v, '        ')}`,
    ref: (d, k) => `      ${d.key(k)}: \${${upperSnake(k)}}`,
    refKind: 'template-var',
    filler: (d, c) => {
      const w = WORDS[c.n % WORDS.length]!.toUpperCase();
      d.add(`      ${w}_URL: "http://${w.toLowerCase()}:8080"`, `      ${w}_ENABLED: "true"`);
    },
  },
  {
    id: 'javascript',
    multiline: true,
    path: (c) => `${c.project}/src/config.js`,
    head: (d, c) => d.add(`'use strict';`, ``, `// Runtime configuration for ${c.project}.`, `const path = require('node:path');`, ``),
    tail: (d) => d.add(``, `module.exports = { root: path.resolve(__dirname, '..') };`),
    assign: (d, k, v) => (v.includes('\n') ? `const ${d.key(camel(k))} = \`${v}\`;` : `const ${d.key(camel(k))} = ${quoted(v, "'")};`),
    ref: (d, k) => `const ${d.key(camel(k))} = process.env.${upperSnake(k)};`,
    refKind: 'env-reference',
    filler: (d, c) => {
      const w = WORDS[c.n % WORDS.length]!;
      d.add(``, `function load${cap(w)}${c.n}(options = {}) {`, `  const { retries = 3, timeoutMs = 5000 } = options;`, `  const passwordField = 'password';`, `  return fetch(\`/api/${w}?limit=\${options.limit ?? 50}\`, { signal: AbortSignal.timeout(timeoutMs) })`, `    .then((res) => (res.ok ? res.json() : Promise.reject(new Error(\`${w}: \${res.status}\`))))`, `    .catch((error) => (retries > 0 ? load${cap(w)}${c.n}({ ...options, retries: retries - 1 }) : Promise.reject(error)));`, `}`);
    },
  },
  {
    id: 'typescript',
    multiline: true,
    path: (c) => `${c.project}/src/settings.ts`,
    head: (d, c) => d.add(`// Settings for ${c.project}; values come from the environment in production.`, `import { z } from 'zod';`, ``),
    tail: (d) => d.add(``, `export const settingsSchema = z.object({ port: z.number().int().positive() });`),
    assign: (d, k, v) => (v.includes('\n') ? `export const ${d.key(k)}: string = \`${v}\`;` : `export const ${d.key(k)}: string = ${quoted(v, '"')};`),
    ref: (d, k) => `export const ${d.key(k)}: string = process.env.${upperSnake(k)} ?? '';`,
    refKind: 'env-reference',
    filler: (d, c) => {
      const w = cap(WORDS[c.n % WORDS.length]!);
      d.add(``, `export interface ${w}Record${c.n} {`, `  id: string;`, `  createdAt: Date;`, `  tokenHash: string;`, `}`, ``, `export function is${w}Record${c.n}(value: unknown): value is ${w}Record${c.n} {`, `  return typeof value === 'object' && value !== null && 'id' in value && 'tokenHash' in value;`, `}`);
    },
  },
  {
    id: 'python',
    multiline: true,
    path: (c) => `${c.project}/app/settings.py`,
    head: (d, c) => d.add(`"""Django settings for ${c.project}."""`, `import os`, `from pathlib import Path`, ``, `BASE_DIR = Path(__file__).resolve().parent.parent`, `DEBUG = False`),
    tail: (d) => d.add(``, `ALLOWED_HOSTS = ["*"]`),
    assign: (d, k, v) => (v.includes('\n') ? `${d.key(k)} = """${v}"""` : `${d.key(k)} = ${quoted(v, '"')}`),
    ref: (d, k) => `${d.key(k)} = os.environ["${upperSnake(k)}"]`,
    refKind: 'env-reference',
    filler: (d, c) => {
      const w = WORDS[c.n % WORDS.length]!;
      d.add(``, `def load_${w}_${c.n}(client, limit=50):`, `    """Fetch ${w} in pages."""`, `    rows = []`, `    cursor = None`, `    while True:`, `        page = client.get("/${w}", params={"cursor": cursor, "limit": limit})`, `        rows.extend(page["items"])`, `        cursor = page.get("next")`, `        if not cursor:`, `            return rows`);
    },
  },
  {
    id: 'ruby',
    multiline: true,
    path: (c) => `${c.project}/config/initializers/credentials.rb`,
    head: (d, c) => d.add(`# frozen_string_literal: true`, ``, `# Credentials for ${c.project}.`, `module ${cap(camel(c.project))}`),
    tail: (d) => d.add(`end`),
    assign: (d, k, v) => (v.includes('\n') ? `  ${d.key(k)} = <<~PEM\n${indentLines(v, '    ')}\n  PEM` : `  ${d.key(k)} = ${quoted(v, "'")}`),
    ref: (d, k) => `  ${d.key(k)} = ENV.fetch('${upperSnake(k)}')`,
    refKind: 'env-reference',
    filler: (d, c) => {
      const w = WORDS[c.n % WORDS.length]!;
      d.add(``, `  def self.fetch_${w}_${c.n}(client, page: 1)`, `    response = client.get("/${w}", page: page, per_page: 100)`, `    raise "${w} failed: #{response.status}" unless response.success?`, `    response.body.fetch('items')`, `  end`);
    },
  },
  {
    id: 'go',
    multiline: true,
    path: (c) => `${c.project}/internal/config/config.go`,
    head: (d, c) => d.add(`// Package config holds ${c.project}'s settings.`, `package config`, ``, `import (`, `\t"fmt"`, `\t"os"`, `\t"time"`, `)`, ``, `var _ = os.Getenv`, `var _ = fmt.Sprintf`),
    tail: (d) => d.add(``, `const DefaultTimeout = 5 * time.Second`),
    assign: (d, k, v) => (v.includes('\n') ? `var ${d.key(camel(k))} = \`${v}\`` : `const ${d.key(camel(k))} = ${v.includes('"') && !v.includes('`') ? `\`${v}\`` : quoted(v, '"')}`),
    ref: (d, k) => `var ${d.key(camel(k))} = os.Getenv("${upperSnake(k)}")`,
    refKind: 'env-reference',
    filler: (d, c) => {
      const w = cap(WORDS[c.n % WORDS.length]!);
      d.add(``, `// ${w}Client${c.n} talks to the ${w.toLowerCase()} service.`, `type ${w}Client${c.n} struct {`, `\tBaseURL string`, `\tTimeout time.Duration`, `}`, ``, `func (c *${w}Client${c.n}) URL(id string) string {`, `\treturn fmt.Sprintf("%s/${w.toLowerCase()}/%s", c.BaseURL, id)`, `}`);
    },
  },
  {
    id: 'java-properties',
    multiline: false,
    path: (c) => `${c.project}/src/main/resources/application.properties`,
    head: (d, c) => d.add(`# ${c.project}`, `spring.application.name=${c.project}`, `server.port=8080`),
    tail: (d) => d.add(`management.endpoints.web.exposure.include=health,info`),
    assign: (d, k, v) => `${d.key(dotted(k))}=${v}`,
    ref: (d, k) => `${d.key(dotted(k))}=\${${upperSnake(k)}}`,
    refKind: 'template-var',
    filler: (d, c) => {
      const w = WORDS[c.n % WORDS.length]!;
      d.add(`spring.datasource.${w}.url=jdbc:postgresql://db:5432/${w}`, `spring.datasource.${w}.username=${w}_app`, `spring.datasource.${w}.hikari.maximum-pool-size=${5 + (c.n % 10)}`, `${w}.security.password.min-length=12`);
    },
  },
  {
    id: 'ini',
    multiline: false,
    path: (c) => `${c.project}/${c.index % 2 ? 'setup.cfg' : 'config/app.ini'}`,
    head: (d, c) => d.add(`; ${c.project}`, `[server]`, `host = 0.0.0.0`, `port = 8080`, ``, `[credentials]`),
    tail: (d) => d.add(``, `[logging]`, `level = INFO`),
    assign: (d, k, v) => `${d.key(lowerSnake(k))} = ${v}`,
    ref: (d, k) => `${d.key(lowerSnake(k))} = %(${lowerSnake(k)}_from_env)s`,
    refKind: 'template-var',
    filler: (d, c) => {
      const w = WORDS[c.n % WORDS.length]!;
      d.add(`${w}_${c.n}_endpoint = https://${w}.internal.example.com`, `${w}_${c.n}_timeout = ${10 + (c.n % 20)}`);
    },
  },
  {
    id: 'toml',
    multiline: true,
    path: (c) => `${c.project}/config.toml`,
    head: (d, c) => d.add(`# ${c.project}`, `title = "${c.project}"`, ``, `[secrets]`),
    tail: (d) => d.add(``, `[server]`, `port = 8080`),
    assign: (d, k, v) => (v.includes('\n') ? `${d.key(lowerSnake(k))} = """\n${v}\n"""` : `${d.key(lowerSnake(k))} = ${quoted(v, '"')}`),
    ref: (d, k) => `${d.key(lowerSnake(k))} = "\${${upperSnake(k)}}"`,
    refKind: 'template-var',
    filler: (d, c) => {
      const w = WORDS[c.n % WORDS.length]!;
      d.add(`${w}_${c.n}_url = "https://${w}.internal.example.com/v1"`, `${w}_${c.n}_workers = ${2 + (c.n % 6)}`);
    },
  },
  {
    id: 'shell',
    multiline: true,
    path: (c) => `${c.project}/scripts/deploy.sh`,
    head: (d, c) => d.add(`#!/usr/bin/env bash`, `# Deploys ${c.project}.`, `set -euo pipefail`, ``),
    tail: (d) => d.add(``, `main "$@"`),
    assign: (d, k, v) => (v.includes('\n') ? `export ${d.key(k)}="${v}"` : `export ${d.key(k)}=${shellQuote(v)}`),
    ref: (d, k) => `export ${d.key(k)}="\${${upperSnake(k)}:?${upperSnake(k)} must be set}"`,
    refKind: 'template-var',
    filler: (d, c) => {
      const w = WORDS[c.n % WORDS.length]!;
      d.add(``, `deploy_${w}_${c.n}() {`, `  local tag="\${1:-latest}"`, `  echo "deploying ${w} \${tag}"`, `  kubectl -n "\${NAMESPACE}" set image deployment/${w} ${w}="registry.example.com/${w}:\${tag}"`, `  kubectl -n "\${NAMESPACE}" rollout status deployment/${w} --timeout=120s`, `}`);
    },
  },
  {
    id: 'dockerfile',
    multiline: false,
    path: (c) => `${c.project}/Dockerfile`,
    head: (d) => d.add(`FROM node:20-alpine AS build`, `WORKDIR /app`, `COPY package*.json ./`, `RUN npm ci --omit=dev`),
    tail: (d) => d.add(`EXPOSE 8080`, `USER node`, `CMD ["node", "dist/server.js"]`),
    assign: (d, k, v) => {
      const key = d.key(k);
      const form = d.lines.length % 3;
      return form === 0 ? `ENV ${key}=${shellQuote(v)}` : form === 1 ? `ARG ${key}=${shellQuote(v)}` : `ENV ${key} ${shellQuote(v)}`;
    },
    ref: (d, k) => `ARG ${d.key(k)}\nENV ${upperSnake(k)}=\${${upperSnake(k)}}`,
    refKind: 'template-var',
    filler: (d, c) => {
      const w = WORDS[c.n % WORDS.length]!;
      d.add(`COPY src/${w} ./src/${w}`, `RUN npm run build:${w} && rm -rf /tmp/*`, `ENV ${w.toUpperCase()}_WORKERS=${1 + (c.n % 4)}`);
    },
  },
  {
    id: 'terraform',
    multiline: true,
    path: (c) => `${c.project}/terraform/main.tf`,
    head: (d, c) => d.add(`terraform {`, `  required_providers {`, `    aws = { source = "hashicorp/aws", version = "~> 5.0" }`, `  }`, `}`, ``, `locals {`, `  service = "${c.project}"`),
    tail: (d, c) => d.add(`}`, ``, `resource "aws_ssm_parameter" "${c.project.replace(/-/g, '_')}" {`, `  name  = "/${c.project}/config"`, `  type  = "SecureString"`, `  value = jsonencode(local.settings)`, `}`),
    assign: (d, k, v) => (v.includes('\n') ? `  ${d.key(lowerSnake(k))} = <<-EOT\n${indentLines(v, '    ')}\n  EOT` : `  ${d.key(lowerSnake(k))} = "${v.replace(/"/g, '\\"')}"`),
    ref: (d, k) => `  ${d.key(lowerSnake(k))} = var.${lowerSnake(k)}`,
    refKind: 'template-var',
    filler: (d, c) => {
      const w = WORDS[c.n % WORDS.length]!;
      d.add(`  ${w}_${c.n}_bucket = "\${local.service}-${w}"`, `  ${w}_${c.n}_retention_days = ${7 * (1 + (c.n % 8))}`);
    },
  },
  {
    id: 'xml',
    multiline: true,
    path: (c) => `${c.project}/${c.index % 2 ? 'Web.config' : 'App.config'}`,
    head: (d) => d.add(`<?xml version="1.0" encoding="utf-8"?>`, `<configuration>`, `  <appSettings>`),
    tail: (d) => d.add(`  </appSettings>`, `  <system.web>`, `    <compilation debug="false" targetFramework="4.8" />`, `  </system.web>`, `</configuration>`),
    assign: (d, k, v) => (v.includes('\n') ? `    <add key="${d.key(k)}">${v}</add>` : `    <add key="${d.key(k)}" value="${xmlEscape(v)}" />`),
    ref: (d, k) => `    <add key="${d.key(k)}" value="#{${upperSnake(k)}}#" />`,
    refKind: 'template-var',
    filler: (d, c) => {
      const w = cap(WORDS[c.n % WORDS.length]!);
      d.add(`    <add key="${w}.Endpoint.${c.n}" value="https://${w.toLowerCase()}.internal.example.com" />`, `    <add key="${w}.PageSize.${c.n}" value="${25 * (1 + (c.n % 4))}" />`);
    },
  },
  {
    id: 'php',
    multiline: true,
    path: (c) => `${c.project}/config/services.php`,
    head: (d, c) => d.add(`<?php`, ``, `// Third-party services used by ${c.project}.`, `return [`),
    tail: (d) => d.add(`];`),
    assign: (d, k, v) => (v.includes('\n') ? `    '${d.key(lowerSnake(k))}' => <<<'PEM'\n${v}\nPEM,` : `    '${d.key(lowerSnake(k))}' => ${quoted(v, "'")},`),
    ref: (d, k) => `    '${d.key(lowerSnake(k))}' => env('${upperSnake(k)}'),`,
    refKind: 'env-reference',
    filler: (d, c) => {
      const w = WORDS[c.n % WORDS.length]!;
      d.add(`    '${w}_${c.n}' => [`, `        'url' => 'https://${w}.internal.example.com',`, `        'timeout' => ${5 + (c.n % 10)},`, `        'password_reset_ttl' => 3600,`, `    ],`);
    },
  },
  {
    id: 'markdown',
    multiline: true,
    path: (c) => `${c.project}/docs/setup.md`,
    head: (d, c) => d.add(`# Setting up ${c.project}`, ``, `These notes cover a local checkout and the staging deploy.`, ``),
    tail: (d) => d.add(``, `Ask in #platform if a step fails.`),
    assign: (d, k, v) => (v.includes('\n') ? `\nSave the key below as \`${dashed(k)}.pem\`:\n\n\`\`\`\n${v}\n\`\`\`` : `\n\`\`\`bash\nexport ${d.key(k)}=${shellQuote(v)}\n\`\`\``),
    ref: (d, k) => `\n\`\`\`bash\nexport ${d.key(k)}="\${${upperSnake(k)}}"\n\`\`\``,
    refKind: 'template-var',
    filler: (d, c) => {
      const w = WORDS[c.n % WORDS.length]!;
      d.add(``, `## ${cap(w)} (${c.n})`, ``, `The ${w} worker reads its queue every few seconds. Run it on its own with:`, ``, `\`\`\`bash`, `npm run worker:${w} -- --concurrency ${1 + (c.n % 4)}`, `\`\`\``, ``, `Set the password for the ${w} database in your keychain, never in this file.`);
    },
  },
  {
    id: 'npmrc',
    multiline: false,
    // An .npmrc holds package registry credentials (npm, GitHub and GitLab packages, Artifactory),
    // not cloud or payment keys: chosen by the name the sample is assigned to.
    accepts: (s) => /npm|github|gh_|gitlab|ci_deploy|registry|artifactory|jfrog/i.test(s.key),
    path: (c) => `${c.project}/.npmrc`,
    head: (d, c) => d.add(`@${c.project}:registry=https://npm.pkg.github.com`, `save-exact=true`),
    tail: (d) => d.add(`engine-strict=true`),
    assign: (d, _k, v) => `${registryFor(d)}:_authToken=${v}`,
    ref: (d, k) => `${registryFor(d)}:_authToken=\${${upperSnake(k)}}`,
    refKind: 'template-var',
    filler: (d, c) => d.add(`# mirror ${c.n}`, `fund=false`),
  },
];

/** Registry auth lines of one .npmrc, each for its own registry. */
function registryFor(d: Doc): string {
  const hosts = [
    '//registry.npmjs.org/', '//npm.pkg.github.com/', '//acme.jfrog.io/artifactory/api/npm/npm-virtual/',
    '//gitlab.example.com/api/v4/projects/42/packages/npm/', '//pkgs.dev.azure.com/acme/_packaging/feed/npm/registry/',
    '//npm.internal.example.com/',
  ];
  const n = d.lines.filter((line) => line.includes(':_authToken=')).length;
  return n < hosts.length ? hosts[n]! : `${hosts[n % hosts.length]!}team-${n}/`;
}

function cap(word: string): string {
  return word ? word[0]!.toUpperCase() + word.slice(1) : word;
}

// ---------------------------------------------------------------------------------------------
// The generator

/**
 * A sample's value as string content: a value written with its own quotes (`'{"type": ...}'`
 * after KEY=) loses them, and each syntax quotes it its own way.
 */
function unquote(sample: Sample): Sample {
  const v = sample.value;
  const q = v[0];
  if (v.length >= 2 && (q === '"' || q === "'") && v.endsWith(q) && !v.slice(1, -1).includes(q)) return { ...sample, value: v.slice(1, -1) };
  return sample;
}

interface Entry {
  key: string;
  value: string;
  /** A planted secret, or a decoy kind. */
  plant?: Plant;
  decoy?: DecoyKind;
  /** A reference (${KEY}, process.env.KEY) rather than a value. */
  ref?: boolean;
}

export function generateCorpus(dir: string, options: CorpusOptions = {}): CorpusLabels {
  const seed = options.seed ?? 20261121;
  const fillerBlocks = options.filler ?? 24;
  rnd = prng(seed);
  reseed(seed);
  mkdirSync(dir, { recursive: true });

  const ruleIds = Object.keys(allSamples).sort();
  const labels: CorpusLabels = { seed, ruleIds, syntaxes: [], secrets: [], decoys: [], fileFindings: [], fileDecoys: [], unplanted: [], stats: { files: 0, bytes: 0 } };
  const write = (path: string, text: string): void => {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    labels.stats.files++;
    labels.stats.bytes += Buffer.byteLength(text);
  };
  const writeDoc = (doc: Doc): void => {
    write(doc.path, doc.text());
    labels.secrets.push(...doc.secrets);
    labels.decoys.push(...doc.decoys);
  };
  const fileRule = (file: string, ruleId: string): void => {
    if (rules.has(ruleId)) labels.fileFindings.push({ file, ruleId });
  };

  // Per file: the entries planted in it.
  const files = new Map<string, { syntax: Syntax; ctx: Ctx; entries: Entry[] }>();
  const fileFor = (syntax: Syntax, project: number, decoys = false): Entry[] => {
    const ctx: Ctx = { project: PROJECTS[project]!, index: project, n: 0 };
    const path = decoys && syntax.decoyPath ? syntax.decoyPath(ctx) : syntax.path(ctx);
    let file = files.get(path);
    if (!file) files.set(path, (file = { syntax, ctx, entries: [] }));
    return file.entries;
  };

  // (a) true secrets: every rule in every syntax that can hold its value; (b) for the same
  // rule, two placeholder forms of it in another project's file of that syntax.
  const pemSamples: Plant[] = [];
  ruleIds.forEach((ruleId, ri) => {
    const make = allSamples[ruleId]!;
    SYNTAXES.forEach((syntax, si) => {
      const sample = unquote(make());
      if (syntax.accepts && !syntax.accepts(sample)) return;
      if (sample.value.includes('\n') && !syntax.multiline) return;
      fileFor(syntax, (ri + si) % PROJECTS.length).push({ key: sample.key, value: sample.value, plant: { ruleId, sample } });
      const decoyEntries = fileFor(syntax, (ri + si + 1) % PROJECTS.length, true);
      const forms = ['masked', 'angle', 'ref', 'changeme'] as const;
      for (const form of [forms[(ri + si) % 4]!, forms[(ri + si + 2) % 4]!]) {
        if (form === 'masked') {
          const m = masked(sample.value, sample.secret);
          const value = syntax.multiline ? m.value : m.value.split('\n').join('\\n');
          decoyEntries.push({ key: sample.key, value, decoy: m.kind });
        } else if (form === 'angle') {
          decoyEntries.push({ key: sample.key, value: `<YOUR_${upperSnake(sample.key)}>`, decoy: 'placeholder-angle' });
        } else if (form === 'ref') {
          decoyEntries.push({ key: sample.key, value: '', ref: true, decoy: syntax.refKind });
        } else {
          decoyEntries.push({ key: sample.key, value: 'changeme', decoy: 'changeme' });
        }
      }
    });
    // A key file of its own, for values that are files (PEM blocks).
    const own = unquote(make());
    if (own.value.includes('\n')) pemSamples.push({ ruleId, sample: own });
  });

  // Fixed decoys: in every file of every syntax, shaped like secrets, assigned to the names the
  // real ones would have.
  const docKeyId = tokens.awsDocExampleKeyId();
  const docSecret = tokens.awsDocExampleSecret();
  for (const syntax of SYNTAXES) {
    for (let p = 0; p < PROJECTS.length; p++) {
      const entries = fileFor(syntax, p, true);
      const fixed: Entry[] = [
        { key: 'AWS_ACCESS_KEY_ID', value: docKeyId, decoy: 'aws-doc-example' },
        { key: 'AWS_SECRET_ACCESS_KEY', value: docSecret, decoy: 'aws-doc-example' },
        { key: 'STRIPE_SECRET_KEY', value: stripeTest(), decoy: 'stripe-test-key' },
        { key: 'GITHUB_TOKEN', value: tokens.githubClassicBadChecksum(), decoy: 'bad-checksum' },
        { key: 'NPM_TOKEN', value: tokens.npmBadChecksum(), decoy: 'bad-checksum' },
        { key: 'REQUEST_ID', value: uuid(), decoy: 'uuid' },
        { key: 'TENANT_ID', value: uuid(), decoy: 'uuid' },
        { key: 'BUILD_COMMIT_SHA', value: gitSha(), decoy: 'git-sha' },
        { key: 'DEPLOY_SSH_PUBLIC_KEY', value: sshPublicKey(`deploy@${PROJECTS[p]}`), decoy: 'ssh-public-key' },
        { key: 'JWT_PUBLIC_KEY', value: publicKeyPem(), decoy: 'pem-public-key' },
        { key: 'LOGO_DATA_URI', value: pngDataUri(120 + int(200)), decoy: 'data-uri-image' },
        placeholderUrl(p),
        { key: 'ID_TOKEN', value: jwtDocExample(), decoy: 'jwt-doc-example' },
      ];
      for (const entry of fixed) {
        if (syntax.accepts && !syntax.accepts({ key: entry.key, value: entry.value, secret: entry.value })) continue;
        if (entry.value.includes('\n') && !syntax.multiline) entry.value = entry.value.split('\n').join('\\n');
        entries.push(entry);
      }
    }
  }

  // Write the syntax files: head, entries interleaved with filler, tail.
  for (const [path, { syntax, ctx, entries }] of [...files].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const doc = new Doc(path, syntax.id);
    syntax.head(doc, ctx);
    const blocks = Math.max(fillerBlocks, entries.length);
    // Shuffle so secrets and decoys mix; filler spread evenly.
    for (let i = entries.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [entries[i], entries[j]] = [entries[j]!, entries[i]!];
    }
    for (let b = 0, e = 0; b < blocks || e < entries.length; b++) {
      if (b < fillerBlocks) {
        syntax.filler(doc, ctx);
        ctx.n++;
      }
      const take = Math.ceil((entries.length - e) / Math.max(1, blocks - b));
      for (let k = 0; k < take && e < entries.length; k++, e++) {
        const entry = entries[e]!;
        if (entry.plant) {
          if (!doc.secret(entry.plant, syntax.assign(doc, entry.key, entry.value))) labels.unplanted.push({ ruleId: entry.plant.ruleId, syntax: syntax.id });
        }
        else if (entry.ref) doc.decoy(entry.decoy!, syntax.ref(doc, entry.key));
        else doc.decoy(entry.decoy!, syntax.assign(doc, entry.key, entry.value));
      }
    }
    syntax.tail(doc, ctx);
    if (syntax.id === 'dotenv' && !path.endsWith('.example')) fileRule(path, 'env-file');
    if (path.endsWith('.example')) labels.fileDecoys.push({ file: path, kind: 'template-file' });
    writeDoc(doc);
  }
  labels.syntaxes = SYNTAXES.map((s) => s.id);

  // PEM files: private keys on their own (one as deploy/id_rsa, which a file rule names too),
  // and public keys, certificates and a documentation placeholder that must not be reported.
  pemSamples.forEach((plant, i) => {
    const project = PROJECTS[i % PROJECTS.length]!;
    const path = i === 0 ? `${project}/deploy/id_rsa` : `${project}/certs/${dashed(plant.sample.key)}-${i}.key`;
    const doc = new Doc(path, 'pem');
    if (!doc.secret(plant, plant.sample.value)) labels.unplanted.push({ ruleId: plant.ruleId, syntax: 'pem' });
    writeDoc(doc);
    if (i === 0) fileRule(path, 'private-key-file');
  });
  if (pemSamples.length) labels.syntaxes.push('pem');
  for (const project of PROJECTS) {
    const cert = new Doc(`${project}/certs/ca.crt`, 'pem');
    cert.decoy('pem-certificate', certificatePem());
    writeDoc(cert);
    const pub = new Doc(`${project}/keys/jwt-public.pem`, 'pem');
    pub.decoy('pem-public-key', publicKeyPem());
    writeDoc(pub);
  }
  const pubFile = new Doc(`infra/deploy/id_rsa.pub`, 'ssh');
  pubFile.decoy('ssh-public-key', sshPublicKey('deploy@ci'));
  writeDoc(pubFile);
  labels.fileDecoys.push({ file: pubFile.path, kind: 'public-key-file' });

  // Decoy-only files of the kinds every repository has.
  writeDoc(packageLock('web', 700));
  writeDoc(packageLock('api', 450));
  writeDoc(goSum('worker', 250));
  writeDoc(minifiedBundle('web'));
  writeDoc(sourceMap('web'));
  writeDoc(stylesheet('web'));
  writeDoc(indexHtml('web'));
  writeDoc(locale('web', 'en'));
  writeDoc(locale('web', 'de'));
  writeDoc(locale('mobile-backend', 'fr'));
  writeDoc(changelog('api'));
  writeDoc(cloudInit('infra'));
  writeDoc(authorizedKeys('infra'));
  writeDoc(readmeWithImage('web'));

  const labelsPath = options.labelsPath ?? `${resolve(dir)}.labels.json`;
  writeFileSync(labelsPath, JSON.stringify(labels, null, 2) + '\n');
  return labels;
}

// ---------------------------------------------------------------------------------------------
// Decoy-only files

const SYLLABLES = ['ar', 'be', 'ca', 'do', 'el', 'fi', 'go', 'ha', 'ix', 'jo', 'ka', 'lu', 'mo', 'no', 'pa', 'qu', 'ro', 'si', 'tu', 'vi', 'wa', 'yo', 'ze'];
const packageName = (i: number): string => `${pick(SYLLABLES)}${pick(SYLLABLES)}${pick(['', '-utils', '-core', '-parser', '-loader', 'js'])}${i}`;

function packageLock(project: string, count: number): Doc {
  const doc = new Doc(`${project}/package-lock.json`, 'package-lock');
  doc.add(`{`, `  "name": "${project}",`, `  "version": "1.0.0",`, `  "lockfileVersion": 3,`, `  "requires": true,`, `  "packages": {`, `    "": {`, `      "name": "${project}",`, `      "version": "1.0.0"`, `    },`);
  for (let i = 0; i < count; i++) {
    const name = packageName(i);
    const version = semver();
    doc.add(`    "node_modules/${name}": {`, `      "version": "${version}",`, `      "resolved": "https://registry.npmjs.org/${name}/-/${name}-${version}.tgz",`);
    doc.decoyLine('lockfile-integrity', `      "integrity": "${rnd() < 0.1 ? `sha1-${bytes(20).toString('base64')}` : integrity()}",`);
    if (i % 7 === 0) doc.add(`      "dev": true,`);
    doc.add(`      "license": "${pick(['MIT', 'ISC', 'Apache-2.0', 'BSD-3-Clause'])}"`, i === count - 1 ? `    }` : `    },`);
  }
  doc.add(`  }`, `}`);
  return doc;
}

function goSum(project: string, count: number): Doc {
  const doc = new Doc(`${project}/go.sum`, 'go-sum');
  for (let i = 0; i < count; i++) {
    const module = `github.com/${pick(SYLLABLES)}${pick(SYLLABLES)}/${packageName(i)}`;
    const version = `v${semver()}`;
    doc.decoyLine('go-sum', `${module} ${version} h1:${bytes(32).toString('base64')}`);
    doc.decoyLine('go-sum', `${module} ${version}/go.mod h1:${bytes(32).toString('base64')}`);
  }
  return doc;
}

const IDENT = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$';
const ident = (): string => from(IDENT, 1 + int(2));

function minifiedLine(): string {
  const parts: string[] = [];
  while (parts.join('').length < 3000) {
    const a = ident();
    const b = ident();
    switch (int(6)) {
      case 0:
        parts.push(`var ${a}=function(${b},${ident()}){return ${b}&&${b}.__esModule?${b}:{default:${b}}};`);
        break;
      case 1:
        parts.push(`${a}.p+"static/js/"+${b}+"."+{${Array.from({ length: 6 }, () => `${int(999)}:"${hex(20)}"`).join(',')}}[${b}]+".chunk.js";`);
        break;
      case 2:
        parts.push(`${a}.exports={root:"${cap(pick(WORDS))}_root__${from(BASE62, 5)}",button:"Button_primary__${from(BASE62, 5)}",icon:"css-${from('abcdefghijklmnopqrstuvwxyz0123456789', 7)}"};`);
        break;
      case 3:
        parts.push(`function ${a}(${b}){if(!${b})throw new Error("Invalid token: "+${b});return ${b}.split(".").map(atob)}`);
        break;
      case 4:
        parts.push(`const ${a}="${from(BASE62 + '_-', 43)}";`);
        break;
      default:
        parts.push(`${a}[${b}]=${a}[${b}]||[],${a}[${b}].push([[${int(900)}],{${int(9999)}:function(e,t,n){"use strict";n.r(t),n.d(t,{default:function(){return ${ident()}}})}}]);`);
    }
  }
  return parts.join('');
}

function minifiedBundle(project: string): Doc {
  const doc = new Doc(`${project}/dist/app.${hex(20)}.min.js`, 'minified-js');
  doc.add(`/*! ${project} | MIT */`);
  for (let i = 0; i < 120; i++) doc.decoyLine('minified-js', minifiedLine());
  // An inline source map: base64 of JSON whose sourcesContent reads the environment.
  const map = JSON.stringify({ version: 3, sources: ['src/api.js'], sourcesContent: [`const token = process.env.GITHUB_TOKEN;\nconst key = process.env.AWS_SECRET_ACCESS_KEY;\n`], mappings: vlq(200) });
  doc.decoyLine('source-map', `//# sourceMappingURL=data:application/json;charset=utf-8;base64,${base64(map)}`);
  return doc;
}

function vlq(segments: number): string {
  const out: string[] = [];
  for (let i = 0; i < segments; i++) out.push(from('ABCDEFGIKMOQSWYacegikmoqsuwy0123456789+/', 4 + int(3)) + (i % 12 === 11 ? ';' : ','));
  return out.join('');
}

function sourceMap(project: string): Doc {
  const doc = new Doc(`${project}/dist/app.min.js.map`, 'source-map');
  doc.decoyLine('source-map', JSON.stringify({ version: 3, file: 'app.min.js', sources: ['webpack://app/./src/index.js'], names: Array.from({ length: 400 }, ident), mappings: vlq(40000) }));
  return doc;
}

function stylesheet(project: string): Doc {
  const doc = new Doc(`${project}/public/styles.${hex(8)}.css`, 'css');
  doc.add(`:root { --brand: #1f6feb; --radius: 6px; }`);
  for (let i = 0; i < 900; i++) {
    const word = pick(WORDS);
    if (i % 60 === 0) {
      doc.decoyLine('data-uri-image', `.icon-${word}-${i} { background-image: url(${pngDataUri(300 + int(900))}); }`);
    } else if (i % 3 === 0) {
      doc.decoyLine('css-hash', `.${cap(word)}_container__${from(BASE62, 5)}.css-${from('abcdefghijklmnopqrstuvwxyz0123456789', 7)} { display: flex; gap: ${i % 24}px; background: url(/assets/${word}.${hex(32)}.svg); }`);
    } else {
      doc.add(`.${word}-${i} { margin: ${i % 16}px; border-radius: var(--radius); }`);
    }
  }
  return doc;
}

function indexHtml(project: string): Doc {
  const doc = new Doc(`${project}/public/index.html`, 'html');
  doc.add(`<!doctype html>`, `<html lang="en">`, `<head>`, `  <meta charset="utf-8">`);
  for (let i = 0; i < 6; i++) {
    doc.decoyLine('sri-hash', `  <script src="/static/js/${i}.${hex(8)}.chunk.js" integrity="sha384-${bytes(48).toString('base64')}" crossorigin="anonymous" defer></script>`);
  }
  doc.decoyLine('sri-hash', `  <meta http-equiv="Content-Security-Policy" content="script-src 'self' 'sha256-${bytes(32).toString('base64')}'">`);
  doc.add(`</head>`, `<body>`);
  doc.decoyLine('data-uri-image', `  <img alt="logo" src="${pngDataUri(600)}">`);
  doc.add(`  <label for="password">Password</label>`, `  <input id="password" name="password" type="password" autocomplete="current-password">`, `  <div id="root"></div>`, `</body>`, `</html>`);
  return doc;
}

function locale(project: string, lang: 'en' | 'de' | 'fr'): Doc {
  const doc = new Doc(`${project}/locales/${lang}.json`, 'i18n');
  const t: Record<string, Record<typeof lang, string>> = {
    password: { en: 'Password', de: 'Passwort', fr: 'Mot de passe' },
    password_confirm: { en: 'Confirm password', de: 'Passwort bestätigen', fr: 'Confirmer le mot de passe' },
    secret: { en: 'Secret', de: 'Geheimnis', fr: 'Secret' },
    client_secret: { en: 'Client secret', de: 'Client-Geheimnis', fr: 'Secret client' },
    api_key: { en: 'API key', de: 'API-Schlüssel', fr: 'Clé API' },
    access_token: { en: 'Access token', de: 'Zugriffstoken', fr: "Jeton d'accès" },
    private_key: { en: 'Private key', de: 'Privater Schlüssel', fr: 'Clé privée' },
    token_expired: { en: 'Your token has expired', de: 'Ihr Token ist abgelaufen', fr: 'Votre jeton a expiré' },
    forgot_password: { en: 'Forgot your password?', de: 'Passwort vergessen?', fr: 'Mot de passe oublié ?' },
    aws_secret_access_key: { en: 'AWS secret access key', de: 'AWS-Geheimzugriffsschlüssel', fr: "Clé d'accès secrète AWS" },
  };
  doc.add(`{`);
  const keys = Object.keys(t);
  keys.forEach((key, i) => doc.decoyLine('i18n', `  "${key}": ${JSON.stringify(t[key]![lang])}${i === keys.length - 1 ? '' : ','}`));
  doc.add(`}`);
  return doc;
}

function changelog(project: string): Doc {
  const doc = new Doc(`${project}/CHANGELOG.md`, 'markdown');
  doc.add(`# Changelog`, ``);
  for (let i = 0; i < 120; i++) {
    if (i % 10 === 0) doc.add(``, `## ${semver()}`, ``);
    const sha = gitSha();
    doc.decoyLine('git-sha', `- ${pick(['fix', 'feat', 'perf', 'refactor'])}(${pick(WORDS)}): ${pick(['handle empty pages', 'retry on 503', 'rotate tokens on login', 'hash passwords with argon2'])} ([${sha.slice(0, 7)}](https://github.com/acme/${project}/commit/${sha}))`);
  }
  return doc;
}

function cloudInit(project: string): Doc {
  const doc = new Doc(`${project}/cloud-init.yaml`, 'yaml-cloud-init');
  doc.add(`#cloud-config`, `users:`, `  - name: deploy`, `    sudo: ALL=(ALL) NOPASSWD:ALL`, `    ssh_authorized_keys:`);
  for (const who of ['alice@laptop', 'bob@workstation', 'ci@build']) doc.decoyLine('ssh-public-key', `      - ${sshPublicKey(who)}`);
  doc.add(`packages:`, `  - docker.io`);
  return doc;
}

function authorizedKeys(project: string): Doc {
  const doc = new Doc(`${project}/ansible/files/authorized_keys`, 'ssh');
  for (const who of ['ops@bastion', 'carol@laptop', 'dan@desktop', 'backup@nas']) doc.decoyLine('ssh-public-key', sshPublicKey(who));
  return doc;
}

function readmeWithImage(project: string): Doc {
  const doc = new Doc(`${project}/README.md`, 'markdown');
  doc.add(`# ${project}`, ``);
  doc.decoyLine('data-uri-image', `![build status](${pngDataUri(400)})`);
  doc.add(``, `Run \`npm start\` and open http://localhost:8080.`, ``, `Configuration is read from the environment; see docs/setup.md.`);
  return doc;
}

// `node dist/bench/corpus.js <dir> [seed]`
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const target = process.argv[2];
  if (!target) {
    process.stderr.write('usage: node dist/bench/corpus.js <dir> [seed]\n');
    process.exitCode = 2;
  } else {
    const labels = generateCorpus(target, { seed: process.argv[3] ? Number(process.argv[3]) : undefined });
    process.stdout.write(`${labels.stats.files} files, ${(labels.stats.bytes / 1e6).toFixed(2)} MB, ${labels.secrets.length} secrets, ${labels.decoys.length} decoy lines; labels in ${resolve(target)}.labels.json\n`);
  }
}
