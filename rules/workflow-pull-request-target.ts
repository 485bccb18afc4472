import type { ChangeRule } from '../src/types.js';
import { unparsable } from './support/change.js';
import { readWorkflow } from './support/workflow.js';

// pull_request_target added to a workflow's triggers (`on: pull_request_target`, in a list or as
// a key). It runs in the base repository's context, with its secrets and a write token, for pull
// requests from forks: one checkout of the pull request's code and that code runs with them.
// https://docs.github.com/en/actions/writing-workflows/choosing-when-your-workflow-runs/events-that-trigger-workflows#pull_request_target
// https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/

export const workflowPullRequestTarget: ChangeRule = {
  id: 'workflow-pull-request-target',
  kind: 'change',
  description: 'workflow now triggers on pull_request_target (secrets and a write token for fork pull requests)',
  severity: 'error',
  stages: ['commit', 'push'],
  files: ['.github/workflows/*.yml', '.github/workflows/*.yaml'],
  source: 'https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/',
  check: ({ path, before, after }) => {
    if (after === null) return [];
    const next = readWorkflow(after);
    if (!next.ok) return [unparsable(path, next.error)];
    const line = next.workflow.events.get('pull_request_target');
    if (line === undefined) return [];
    const prev = before === null ? undefined : readWorkflow(before);
    if (prev?.ok && prev.workflow.events.has('pull_request_target')) return [];
    return [{ messageId: 'workflow-pull-request-target', line, key: 'pull_request_target' }];
  },
};
