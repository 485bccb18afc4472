// Generated source trees for the scan benchmark: ordinary code and data in the proportions of a
// real application repository (TypeScript and JavaScript, Python, Go, Java, JSON configs and
// lockfiles, YAML, Markdown, CSS, SQL, HTML, minified bundles, snapshots), with the things that
// make secret scanners slow or noisy: words like token, password and secret in ordinary code
// (on about 2% of lines, as in real code),
// hashes, UUIDs, URLs, integrity strings and base64 data URIs. No secrets: bench/corpus.ts's
// labelled files are mixed in for those. Deterministic: same seed, same bytes.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { prng } from '../test/helpers/tokens.js';

const WORDS = [
  'user', 'order', 'invoice', 'payment', 'session', 'account', 'cart', 'item', 'price', 'total', 'config', 'client', 'server',
  'request', 'response', 'handler', 'service', 'store', 'cache', 'queue', 'event', 'message', 'report', 'audit', 'search', 'index',
  'value', 'name', 'email', 'address', 'status', 'result', 'error', 'retry', 'timeout', 'limit',
  'page', 'offset', 'count', 'filter', 'sort', 'query', 'schema', 'model', 'field', 'record', 'batch', 'job', 'worker', 'task',
];
const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export interface SourceTreeStats {
  files: number;
  bytes: number;
}

class Gen {
  private readonly r: () => number;

  constructor(seed: number) {
    this.r = prng(seed);
  }

  int(n: number): number {
    return Math.floor(this.r() * n);
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  word(): string {
    return this.pick(WORDS);
  }
  camel(n = 2 + this.int(2)): string {
    let out = this.word();
    for (let i = 1; i < n; i++) {
      const w = this.word();
      out += w[0]!.toUpperCase() + w.slice(1);
    }
    return out;
  }
  snake(n = 2 + this.int(2)): string {
    return Array.from({ length: n }, () => this.word()).join('_');
  }
  pascal(): string {
    const c = this.camel();
    return c[0]!.toUpperCase() + c.slice(1);
  }
  hex(n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += '0123456789abcdef'[this.int(16)];
    return out;
  }
  alnum(n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += ALNUM[this.int(ALNUM.length)];
    return out;
  }
  uuid(): string {
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-a${this.hex(3)}-${this.hex(12)}`;
  }
  sentence(words = 5 + this.int(10)): string {
    const s = Array.from({ length: words }, () => this.word()).join(' ');
    return s[0]!.toUpperCase() + s.slice(1) + '.';
  }
  base64(bytes: number): string {
    return Buffer.from(Array.from({ length: bytes }, () => this.int(256))).toString('base64');
  }
  /** Log-uniform size between min and max bytes. */
  size(min: number, max: number): number {
    return Math.round(Math.exp(Math.log(min) + this.r() * (Math.log(max) - Math.log(min))));
  }
}

type Writer = (g: Gen, target: number) => string;

function fill(target: number, line: () => string): string {
  const out: string[] = [];
  let n = 0;
  while (n < target) {
    const l = line();
    out.push(l);
    n += l.length + 1;
  }
  return out.join('\n') + '\n';
}

const typescript: Writer = (g, target) => {
  const head = [
    `import { ${g.pascal()}, ${g.camel()} } from './${g.word()}/${g.word()}.js';`,
    `import type { ${g.pascal()} } from '../types.js';`,
    '',
  ];
  return head.join('\n') + fill(target, () => {
    let k = g.int(12);
    if ((k === 4 || k === 9) && g.chance(0.85)) k = 1; // the token and password lines: rarer
    switch (k) {
      case 0: return `export async function ${g.camel()}(${g.camel()}: ${g.pascal()}, options: { ${g.camel()}?: number } = {}): Promise<${g.pascal()}> {`;
      case 1: return `  const ${g.camel()} = await this.${g.camel()}.${g.camel()}(${g.camel()}, { limit: ${g.int(500)}, offset: ${g.int(10000)} });`;
      case 2: return `  if (!${g.camel()}.${g.camel()}) throw new Error('${g.sentence(6)}');`;
      case 3: return `  // ${g.sentence()}`;
      case 4: return `  const token = req.headers['authorization']?.replace(/^Bearer /, '') ?? '';`;
      case 5: return `  return { id: '${g.uuid()}', ${g.camel()}: ${g.camel()}.${g.camel()}, status: '${g.word()}' };`;
      case 6: return `}`;
      case 7: return `  logger.info({ ${g.camel()}, ${g.camel()} }, '${g.sentence(5)}');`;
      case 8: return `export const ${g.snake().toUpperCase()} = ${g.int(100000)};`;
      case 9: return `  const password = await hash(input.password, { cost: ${10 + g.int(4)} }); // never stored in plain text`;
      case 10: return `  for (const ${g.word()} of ${g.camel()}) ${g.camel()}.push(${g.word()}.${g.camel()});`;
      default: return `  const url = \`https://api.${g.word()}.example.com/v${1 + g.int(3)}/${g.word()}s/\${${g.camel()}}\`;`;
    }
  });
};

const python: Writer = (g, target) =>
  `import os\nimport logging\nfrom ${g.word()}.${g.word()} import ${g.pascal()}\n\n` +
  fill(target, () => {
    switch (g.int(10)) {
      case 0: return `def ${g.snake()}(${g.snake(1)}, ${g.snake(1)}=None):`;
      case 1: return `    """${g.sentence()}"""`;
      case 2: return `    ${g.snake()} = ${g.snake(1)}.get("${g.snake(1)}", ${g.int(100)})`;
      case 3: return g.chance(0.2) ? `    secret_key = os.environ.get("SECRET_KEY")` : `    ${g.snake()} = None`;
      case 4: return `    if not ${g.snake()}:\n        raise ValueError("${g.sentence(5)}")`;
      case 5: return `    return {"id": "${g.uuid()}", "${g.snake(1)}": ${g.snake(1)}}`;
      case 6: return `class ${g.pascal()}(${g.pascal()}):`;
      case 7: return `    # ${g.sentence()}`;
      case 8: return `    logging.info("%s %s", ${g.snake(1)}, ${g.snake(1)})`;
      default: return '';
    }
  });

const golang: Writer = (g, target) =>
  `package ${g.word()}\n\nimport (\n\t"context"\n\t"fmt"\n)\n\n` +
  fill(target, () => {
    switch (g.int(9)) {
      case 0: return `func (s *${g.pascal()}) ${g.pascal()}(ctx context.Context, ${g.camel()} string) (*${g.pascal()}, error) {`;
      case 1: return `\t${g.camel()}, err := s.${g.camel()}.${g.pascal()}(ctx, ${g.camel()})`;
      case 2: return `\tif err != nil {\n\t\treturn nil, fmt.Errorf("${g.word()} %s: %w", ${g.camel()}, err)\n\t}`;
      case 3: return `\t// ${g.sentence()}`;
      case 4: return `}`;
      case 5: return g.chance(0.2) ? `\ttoken := r.Header.Get("X-${g.pascal()}-Token")` : `\t${g.camel()} := ${g.int(1000)}`;
      case 6: return `type ${g.pascal()} struct {\n\t${g.pascal()} string \`json:"${g.snake(1)}"\`\n\tID string \`json:"id"\`\n}`;
      default: return `\treturn &${g.pascal()}{ID: "${g.uuid()}"}, nil`;
    }
  });

const java: Writer = (g, target) =>
  `package com.acme.${g.word()};\n\nimport java.util.List;\n\n` +
  fill(target, () => {
    switch (g.int(7)) {
      case 0: return `public class ${g.pascal()} {`;
      case 1: return `    private final ${g.pascal()} ${g.camel()};`;
      case 2: return `    public ${g.pascal()} ${g.camel()}(String ${g.camel()}) throws ${g.pascal()}Exception {`;
      case 3: return `        return ${g.camel()}.stream().filter(x -> x.${g.camel()}() > ${g.int(99)}).toList();`;
      case 4: return `    /** ${g.sentence()} */`;
      case 5: return `    }`;
      default: return g.chance(0.15) ? `        String password = config.getProperty("${g.word()}.password");` : `        ${g.pascal()} ${g.camel()} = new ${g.pascal()}(${g.int(64)});`;
    }
  });

const jsonConfig: Writer = (g, target) => {
  const entries = fill(target, () => `  "${g.camel()}": ${g.chance(0.5) ? `"${g.chance(0.3) ? g.uuid() : g.sentence(3)}"` : g.int(100000)},`);
  return `{\n${entries}  "version": "${g.int(9)}.${g.int(30)}.${g.int(20)}"\n}\n`;
};

const lockfile: Writer = (g, target) =>
  `{\n  "name": "${g.word()}",\n  "lockfileVersion": 3,\n  "packages": {\n` +
  fill(target, () => {
    const name = `${g.word()}-${g.word()}`;
    const v = `${g.int(9)}.${g.int(30)}.${g.int(20)}`;
    return `    "node_modules/${name}": {\n      "version": "${v}",\n      "resolved": "https://registry.npmjs.org/${name}/-/${name}-${v}.tgz",\n      "integrity": "sha512-${g.base64(64)}"\n    },`;
  }) +
  '    "": {}\n  }\n}\n';

const markdown: Writer = (g, target) =>
  `# ${g.pascal()}\n\n` +
  fill(target, () => {
    switch (g.int(6)) {
      case 0: return `## ${g.sentence(3)}`;
      case 1: return `- ${g.sentence()} See [${g.word()}](https://docs.example.com/${g.word()}/${g.word()}).`;
      case 2: return '```sh\nexport API_TOKEN=<your token here>\nnpm run ' + g.word() + '\n```';
      default: return g.sentence(20);
    }
  });

const yaml: Writer = (g, target) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${g.word()}\nspec:\n  template:\n    spec:\n      containers:\n` +
  fill(target, () => {
    switch (g.int(5)) {
      case 0: return `        - name: ${g.word()}-${g.word()}\n          image: registry.example.com/${g.pick(['api', 'web', 'worker', 'billing'])}:${g.hex(12)}`;
      case 1: return `          env:\n            - name: ${g.snake().toUpperCase()}\n              valueFrom:\n                secretKeyRef: { name: ${g.word()}-secrets, key: ${g.word()} }`;
      case 2: return `          resources: { limits: { cpu: ${g.int(4)}00m, memory: ${g.int(8)}Gi } }`;
      default: return `          # ${g.sentence()}`;
    }
  });

const css: Writer = (g, target) =>
  fill(target, () =>
    g.chance(0.03)
      ? `.${g.word()}-icon { background: url(data:image/png;base64,${g.base64(300 + g.int(600))}); }`
      : `.${g.word()}-${g.word()}__${g.alnum(5)} { margin: ${g.int(20)}px ${g.int(20)}px; color: #${g.hex(6)}; display: ${g.pick(['flex', 'grid', 'block'])}; }`,
  );

const sql: Writer = (g, target) =>
  fill(target, () =>
    g.pick([
      `CREATE TABLE ${g.snake()} (id uuid PRIMARY KEY, ${g.snake(1)} text NOT NULL, password_hash text, created_at timestamptz DEFAULT now());`,
      `INSERT INTO ${g.snake()} (id, ${g.snake(1)}) VALUES ('${g.uuid()}', '${g.sentence(3)}');`,
      `-- ${g.sentence()}`,
      `SELECT ${g.snake(1)}, count(*) FROM ${g.snake()} WHERE ${g.snake(1)} > ${g.int(1000)} GROUP BY 1;`,
    ]),
  );

const html: Writer = (g, target) =>
  '<!doctype html>\n<html>\n<head>\n' +
  fill(target, () =>
    g.pick([
      `  <script src="/static/js/${g.word()}.${g.hex(8)}.js" integrity="sha384-${g.base64(48)}" crossorigin="anonymous"></script>`,
      `  <div class="${g.word()} ${g.word()}-${g.alnum(6)}"><label for="password">${g.sentence(2)}</label><input type="password" name="password"></div>`,
      `  <p>${g.sentence(15)}</p>`,
    ]),
  ) +
  '</html>\n';

const minified: Writer = (g, target) => {
  const parts: string[] = [];
  let n = 0;
  while (n < target) {
    const p = g.pick([
      `function ${g.alnum(2)}(${g.alnum(1)},${g.alnum(1)}){return ${g.alnum(1)}&&${g.alnum(1)}.${g.camel()}?${g.alnum(1)}:{default:${g.alnum(1)}}}`,
      `var ${g.alnum(2)}="${g.alnum(20 + g.int(30))}";`,
      `${g.alnum(1)}.exports={${g.camel()}:"${g.word()}_${g.alnum(5)}",token:null};`,
      `if(!${g.alnum(1)})throw new Error("Invalid token: "+${g.alnum(1)});`,
      `${g.alnum(2)}[${g.int(999)}]=function(e,t,n){"use strict";n.r(t),n.d(t,{${g.camel()}:function(){return ${g.alnum(2)}}})};`,
    ]);
    parts.push(p);
    n += p.length;
    if (g.chance(0.002)) parts.push('\n');
  }
  return parts.join('') + '\n';
};

const snapshot: Writer = (g, target) =>
  fill(target, () => `exports[\`${g.pascal()} ${g.sentence(4)} ${g.int(9)}\`] = \`<div class="${g.word()}">${g.sentence(8)}</div>\`;`);

const KINDS: { ext: string; weight: number; write: Writer; min: number; max: number }[] = [
  { ext: 'ts', weight: 22, write: typescript, min: 800, max: 120_000 },
  { ext: 'js', weight: 12, write: typescript, min: 800, max: 120_000 },
  { ext: 'py', weight: 9, write: python, min: 800, max: 80_000 },
  { ext: 'go', weight: 7, write: golang, min: 800, max: 80_000 },
  { ext: 'java', weight: 6, write: java, min: 800, max: 60_000 },
  { ext: 'json', weight: 6, write: jsonConfig, min: 200, max: 40_000 },
  { ext: 'lock.json', weight: 1, write: lockfile, min: 50_000, max: 900_000 },
  { ext: 'md', weight: 7, write: markdown, min: 500, max: 40_000 },
  { ext: 'yaml', weight: 5, write: yaml, min: 300, max: 20_000 },
  { ext: 'css', weight: 5, write: css, min: 1_000, max: 150_000 },
  { ext: 'sql', weight: 3, write: sql, min: 500, max: 60_000 },
  { ext: 'html', weight: 3, write: html, min: 500, max: 40_000 },
  { ext: 'min.js', weight: 2, write: minified, min: 20_000, max: 1_500_000 },
  { ext: 'snap', weight: 3, write: snapshot, min: 1_000, max: 100_000 },
];
const TOTAL_WEIGHT = KINDS.reduce((n, k) => n + k.weight, 0);

/** Writes about `bytes` of generated sources under `dir`, in folders of up to 40 files. */
export function generateSourceTree(dir: string, bytes: number, seed: number): SourceTreeStats {
  const g = new Gen(seed);
  let written = 0;
  let files = 0;
  while (written < bytes) {
    let roll = g.int(TOTAL_WEIGHT);
    let kind = KINDS[0]!;
    for (const k of KINDS) {
      if (roll < k.weight) {
        kind = k;
        break;
      }
      roll -= k.weight;
    }
    const folder = `${g.pick(['apps', 'packages', 'services', 'libs'])}/${g.word()}-${Math.floor(files / 40)}/${g.pick(['src', 'lib', 'test', 'docs', 'config'])}`;
    const path = join(dir, folder, `${g.camel()}-${files}.${kind.ext}`);
    const content = kind.write(g, Math.min(g.size(kind.min, kind.max), bytes - written + 200));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    written += Buffer.byteLength(content);
    files++;
  }
  return { files, bytes: written };
}

/** Lines of ordinary TypeScript, one at a time, for generated histories. */
export function codeLines(seed: number): () => string {
  const g = new Gen(seed);
  return () => typescript(g, 1).replace(/\n$/, '').split('\n').pop()!;
}
