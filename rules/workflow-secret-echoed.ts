import type { ChangeReport, ChangeRule } from '../src/types.js';
import { unparsable } from './support/change.js';
import { readWorkflow, secretsIn, type Workflow } from './support/workflow.js';

// A `run:` script that prints a secret: echo / printf / Write-Host of `${{ secrets.X }}`, of
// `${{ env.Y }}` or `$Y` where Y is set from a secret in the workflow's, the job's or the step's
// env, of a here-string (`cat <<< ...`), or a heredoc body sent to the log. GitHub masks exact
// secret values in logs, but not encoded (`| base64`), split or transformed ones, and a printed
// secret is one log-reading token away from leaking. Output that goes to a program
// (`| docker login --password-stdin`) or a file (`>> $GITHUB_ENV`, `> ~/.npmrc`) is not printed;
// `>> $GITHUB_STEP_SUMMARY` and `>&2` are. Only (secret, script line) pairs the previous version
// did not have are reported, on the script line.
// https://docs.github.com/en/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions#using-secrets-in-a-workflow

/** Commands whose arguments become output. */
const PRINTERS = new Set(['echo', 'printf', 'write-host', 'write-output', 'print']);
/** Commands that pass (a form of) their input on to the log. */
const PASS_THROUGH = new Set([
  'cat', 'tee', 'base64', 'base32', 'xxd', 'od', 'hexdump', 'rev', 'tr', 'sed', 'awk', 'cut', 'head', 'tail', 'fold', 'grep', 'sort', 'uniq',
]);

/** A script line as compared between versions: blanks collapsed, at most 200 characters. */
const normalize = (line: string): string => line.slice(0, 4000).trim().replace(/[ \t]{1,200}/g, ' ').slice(0, 200);

/** FNV-1a of a script line: the report's key names the line without quoting it (it may hold a literal). */
function lineHash(line: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < line.length; i++) h = Math.imul(h ^ line.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

interface Found {
  secret: string;
  /** 0-based script line. */
  index: number;
  text: string;
}

/** `${{ ... }}` replaced by placeholders, with the secrets each expression reads (env.X included). */
function withoutExpressions(line: string, envSecrets: Map<string, string[]>): { text: string; exprs: string[][] } {
  let text = '';
  const exprs: string[][] = [];
  let pos = 0;
  for (let start = line.indexOf('${{'); start !== -1; start = line.indexOf('${{', pos)) {
    const end = line.indexOf('}}', start + 3);
    if (end === -1) break;
    const expr = line.slice(start + 3, end);
    const secrets = secretsIn(expr);
    const envRef = /\benv\.([A-Za-z_]\w{0,99})/g;
    for (let m = envRef.exec(expr); m; m = envRef.exec(expr)) secrets.push(...(envSecrets.get(m[1]!) ?? []));
    text += `${line.slice(pos, start)}__EXPR${exprs.length}__`;
    exprs.push(secrets);
    pos = end + 2;
  }
  return { text: text + line.slice(pos), exprs };
}

const VAR_REF = /\$\{([A-Za-z_]\w{0,99})\}|\$(?:env:)?([A-Za-z_]\w{0,99})|%([A-Za-z_]\w{0,99})%/gi;
const EXPR_REF = /__EXPR(\d{1,6})__/g;

/** The secrets a piece of shell text refers to, directly or through env vars set from secrets. */
function refsIn(text: string, exprs: string[][], envSecrets: Map<string, string[]>, expandVars = true): string[] {
  const out: string[] = [];
  EXPR_REF.lastIndex = 0;
  for (let m = EXPR_REF.exec(text); m; m = EXPR_REF.exec(text)) out.push(...(exprs[Number(m[1])] ?? []));
  if (expandVars) {
    VAR_REF.lastIndex = 0;
    for (let m = VAR_REF.exec(text); m; m = VAR_REF.exec(text)) out.push(...(envSecrets.get(m[1] ?? m[2] ?? m[3]!) ?? []));
  }
  return out;
}

function commandOf(stage: string): string {
  const words = stage.trim().split(/[ \t]{1,100}/);
  let i = 0;
  while (i < words.length - 1 && /^(?:sudo|command|builtin|exec|then|do|else|time|!|\{|\(|[A-Za-z_]\w{0,99}=\S{0,500})$/.test(words[i]!)) i++;
  return (words[i] ?? '').toLowerCase().replace(/^.{0,200}\//, '');
}

/** Whether what a stage writes to stdout stays in the log (no redirect to a file). */
function staysInLog(stage: string): boolean {
  for (let i = stage.indexOf('>'); i !== -1; i = stage.indexOf('>', i + 1)) {
    const prev = stage[i - 1];
    if (prev === '>' || prev === '<') continue;
    if (prev !== undefined && /[02-9]/.test(prev)) continue; // 2> is stderr: stdout is unchanged
    let j = i + 1;
    if (stage[j] === '>') j++;
    while (stage[j] === ' ' || stage[j] === '\t') j++;
    const target = /^\S{1,500}/.exec(stage.slice(j, j + 500))?.[0] ?? '';
    if (target.startsWith('&') || /GITHUB_STEP_SUMMARY|\/dev\/(?:stdout|stderr|tty)/.test(target)) continue;
    return false;
  }
  return true;
}

/** Whether output produced in stage `from` of a pipeline reaches the log. */
function reachesLog(stages: string[], from: number): boolean {
  for (let k = from + 1; k < stages.length; k++) if (!PASS_THROUGH.has(commandOf(stages[k]!))) return false;
  return staysInLog(stages[stages.length - 1]!);
}

function printedSecrets(script: string, envSecrets: Map<string, string[]>): Found[] {
  const found: Found[] = [];
  const lines = script.split('\n');
  let heredoc: { delimiter: string; visible: boolean; expand: boolean } | undefined;
  const seen = new Set<string>();
  const add = (secret: string, index: number, text: string): void => {
    if (seen.has(`${index}\0${secret}`)) return;
    seen.add(`${index}\0${secret}`);
    found.push({ secret, index, text });
  };
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!;
    const text = normalize(raw);
    if (heredoc) {
      if (raw.trim() === heredoc.delimiter) heredoc = undefined;
      else if (heredoc.visible) {
        const { text: body, exprs } = withoutExpressions(raw, envSecrets);
        for (const secret of refsIn(body, exprs, envSecrets, heredoc.expand)) add(secret, index, text);
      }
      continue;
    }
    if (/::(?:add-mask|set-output|save-state)::/.test(text)) continue;
    const { text: line, exprs } = withoutExpressions(raw, envSecrets);
    for (const segment of line.split(/;|&&|\|\|/)) {
      const stages = segment.split('|');
      stages.forEach((stage, k) => {
        const command = commandOf(stage);
        const hereString = stage.indexOf('<<<');
        const doc = hereString === -1 ? /<<-?[ \t]{0,10}(['"]?)([A-Za-z_][\w-]{0,63})\1/.exec(stage) : null;
        let secrets: string[] = [];
        if (doc) {
          // The body is input, not commands; it reaches the log only through cat and the like.
          const printer = PRINTERS.has(command) || PASS_THROUGH.has(command);
          heredoc = { delimiter: doc[2]!, visible: printer && reachesLog(stages, k), expand: doc[1] === '' };
        } else if (hereString !== -1 && (PRINTERS.has(command) || PASS_THROUGH.has(command))) {
          secrets = refsIn(stage.slice(hereString + 3), exprs, envSecrets);
        } else if (k === 0 && PRINTERS.has(command)) {
          secrets = refsIn(stage, exprs, envSecrets);
        }
        if (secrets.length > 0 && reachesLog(stages, k)) for (const secret of secrets) add(secret, index, text);
      });
    }
  }
  return found;
}

/** env values that read secrets: NAME -> ["secrets.X"]. */
function secretEnv(...maps: Map<string, string>[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const map of maps) {
    for (const [name, value] of map) {
      const { exprs } = withoutExpressions(value, new Map());
      const secrets = exprs.flat();
      if (secrets.length > 0) out.set(name, secrets);
      else out.delete(name); // a narrower env overrides a wider one
    }
  }
  return out;
}

function findAll(workflow: Workflow): { secret: string; line: number; key: string }[] {
  const out: { secret: string; line: number; key: string }[] = [];
  for (const job of workflow.jobs.values()) {
    for (const step of job.steps) {
      if (!step.run) continue;
      const env = secretEnv(workflow.env, job.env, step.env);
      for (const f of printedSecrets(step.run.text, env)) {
        out.push({
          secret: f.secret,
          line: step.run.exactLines ? step.run.firstLine + f.index : step.run.firstLine,
          key: `${f.secret}:${lineHash(f.text)}`,
        });
      }
    }
  }
  return out;
}

export const workflowSecretEchoed: ChangeRule = {
  id: 'workflow-secret-echoed',
  kind: 'change',
  description: 'workflow step prints a secret (echo/printf of ${{ secrets.X }} or of an env var set from one)',
  severity: 'error',
  stages: ['commit', 'push'],
  files: ['.github/workflows/*.yml', '.github/workflows/*.yaml'],
  source: 'https://docs.github.com/en/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions#using-secrets-in-a-workflow',
  check: ({ path, before, after }) => {
    if (after === null) return [];
    const next = readWorkflow(after);
    if (!next.ok) return [unparsable(path, next.error)];
    const prev = before === null ? undefined : readWorkflow(before);
    const known = new Set(prev?.ok ? findAll(prev.workflow).map((f) => f.key) : []);
    const reports: ChangeReport[] = [];
    const seen = new Set<string>();
    for (const f of findAll(next.workflow)) {
      if (known.has(f.key) || seen.has(`${f.key}\0${f.line}`)) continue;
      seen.add(`${f.key}\0${f.line}`);
      reports.push({ messageId: 'workflow-secret-echoed', data: { secret: f.secret }, line: f.line, key: f.key });
    }
    return reports;
  },
};
