import type { ChangeReport, ChangeRule } from '../src/types.js';
import { unparsable } from './support/change.js';
import { readWorkflow, type Workflow } from './support/workflow.js';

// A new `uses: owner/repo(/path)@ref` whose ref is a tag or branch, not a full commit SHA: whoever
// controls the action's repository can move the ref to other code, which then runs with the
// workflow's secrets (tj-actions/changed-files, March 2025). GitHub's own actions/ and github/
// organisations are a warning, everyone else's an error. Local (./) actions and docker:// images
// are out of scope. Steps and reusable-workflow jobs both count; an unchanged reference moved to
// another line is not new.
// https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#using-third-party-actions

const REFERENCE = /^([A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}(?:\/[^@\s]{1,500})?)@(\S{1,200})$/;
const PINNED = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;
const FIRST_PARTY = new Set(['actions', 'github']);

function references(workflow: Workflow): { action: string; ref: string; line: number }[] {
  const out: { action: string; ref: string; line: number }[] = [];
  for (const job of workflow.jobs.values()) {
    for (const uses of [job.uses, ...job.steps.map((s) => s.uses)]) {
      if (!uses || uses.value.startsWith('.') || /^docker:\/\//i.test(uses.value)) continue;
      const m = REFERENCE.exec(uses.value);
      if (m) out.push({ action: m[1]!, ref: m[2]!, line: uses.line });
    }
  }
  return out;
}

export const workflowActionUnpinned: ChangeRule = {
  id: 'workflow-action-unpinned',
  kind: 'change',
  description: 'workflow uses an action by tag or branch instead of a commit SHA (warning for actions/ and github/)',
  severity: 'error',
  stages: ['commit', 'push'],
  files: ['.github/workflows/*.yml', '.github/workflows/*.yaml'],
  source: 'https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#using-third-party-actions',
  check: ({ path, before, after }) => {
    if (after === null) return [];
    const next = readWorkflow(after);
    if (!next.ok) return [unparsable(path, next.error)];
    const prev = before === null ? undefined : readWorkflow(before);
    const known = new Set(prev?.ok ? references(prev.workflow).map((r) => `${r.action}@${r.ref}`) : []);
    const reports: ChangeReport[] = [];
    for (const { action, ref, line } of references(next.workflow)) {
      if (PINNED.test(ref) || known.has(`${action}@${ref}`)) continue;
      const owner = action.slice(0, action.indexOf('/')).toLowerCase();
      reports.push({
        messageId: 'workflow-action-unpinned',
        data: { action, ref },
        line,
        key: `${action}@${ref}`,
        severity: FIRST_PARTY.has(owner) ? 'warn' : 'error',
      });
    }
    return reports;
  },
};
