import type { ChangeReport, ChangeRule } from '../src/types.js';
import { unparsable } from './support/change.js';
import { describePermissions, levelOf, readWorkflow, type Job, type Permissions } from './support/workflow.js';

// A GITHUB_TOKEN with more rights than before: a permissions block (top-level or a job's) set to
// write-all, a scope raised from none or read to write, or a block removed, which hands the job
// the repository's default permissions (write-all on older repositories and organisations).
// A job's effective permissions are its own block, else the workflow's; a top-level change only
// counts when some job has no block of its own. New workflows and new jobs are reported only for
// write-all: an explicit, narrow write scope in a new job is the recommended practice.
// https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#permissions
// https://docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication#permissions-for-the-github_token

interface Widening {
  scope?: string;
  old: string;
  new: string;
}

function widenings(old: Permissions, now: Permissions): Widening[] {
  if (now.kind === 'default') return old.kind === 'default' ? [] : [{ old: describePermissions(old), new: 'repository default' }];
  if (now.kind === 'all') {
    if (now.level !== 'write' || (old.kind === 'all' && old.level === 'write')) return [];
    return [{ old: describePermissions(old), new: 'write-all' }];
  }
  if (old.kind === 'default') return []; // explicit scopes instead of the default: narrower
  const out: Widening[] = [];
  for (const [scope, { level }] of now.scopes) {
    const was = levelOf(old, scope);
    if (level === 'write' && was !== 'write') out.push({ scope, old: `${scope}: ${was}`, new: `${scope}: write` });
  }
  return out;
}

const isWriteAll = (p: Permissions): boolean => p.kind === 'all' && p.level === 'write';

function lineFor(job: Job | undefined, fallback: number, scope?: string): number {
  if (!job) return fallback;
  const p = job.permissions;
  if (scope && p.kind === 'scopes') return p.scopes.get(scope)?.line || job.permissionsLine || job.line;
  return job.permissionsLine || job.line;
}

export const workflowPermissions: ChangeRule = {
  id: 'workflow-permissions',
  kind: 'change',
  description: 'workflow GITHUB_TOKEN permissions widened: write-all, a scope raised to write, or a permissions block removed',
  severity: 'error',
  stages: ['commit', 'push'],
  files: ['.github/workflows/*.yml', '.github/workflows/*.yaml'],
  source: 'https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#permissions',
  check: ({ path, before, after }) => {
    if (after === null) return [];
    const next = readWorkflow(after);
    if (!next.ok) return [unparsable(path, next.error)];
    const parsedPrev = before === null ? undefined : readWorkflow(before);
    const prev = parsedPrev?.ok ? parsedPrev.workflow : undefined;
    const now = next.workflow;
    const reports: ChangeReport[] = [];
    const report = (job: string, w: Widening, line: number): void => {
      reports.push({
        messageId: 'workflow-permissions-widened',
        data: { job, old: w.old, new: w.new },
        line,
        key: `${job}:${w.scope ?? '*'}:${w.new}`,
      });
    };

    // Top level: it matters to the jobs without a block of their own (and to jobs added later).
    const jobs = [...now.jobs.values()];
    const topApplies = jobs.length === 0 || jobs.some((j) => j.permissions.kind === 'default');
    if (!prev) {
      if (isWriteAll(now.permissions) && topApplies) report('', { old: '(new workflow)', new: 'write-all' }, now.permissionsLine);
    } else if (topApplies) {
      for (const w of widenings(prev.permissions, now.permissions)) {
        const line = w.scope && now.permissions.kind === 'scopes' ? now.permissions.scopes.get(w.scope)?.line ?? 0 : now.permissionsLine;
        report('', w, line);
      }
    }

    for (const job of jobs) {
      const was = prev?.jobs.get(job.id);
      if (!was) {
        if (isWriteAll(job.permissions)) report(job.id, { old: '(new job)', new: 'write-all' }, lineFor(job, job.line));
        continue;
      }
      // Neither version has its own block: the top-level comparison above covers it.
      if (was.permissions.kind === 'default' && job.permissions.kind === 'default') continue;
      const oldEffective = was.permissions.kind === 'default' ? prev!.permissions : was.permissions;
      const newEffective = job.permissions.kind === 'default' ? now.permissions : job.permissions;
      for (const w of widenings(oldEffective, newEffective)) report(job.id, w, lineFor(job, job.line, w.scope));
    }
    return reports;
  },
};
