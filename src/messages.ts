// Every text a person reads about a finding is made here, from a message code and its data
// (publint's message codes are the model): rules and reports only pass codes around.

import type { MessageRef } from './types.js';

export interface MessageText {
  /** One line: what was found. */
  message: string;
  /** Why it matters. */
  why: string;
  /** How to fix it. */
  fix: string;
}

type Data = Record<string, string | number>;
type Template = (data: Data) => MessageText;

const str = (data: Data, key: string): string => String(data[key] ?? '');

const TEMPLATES: Record<string, Template> = {
  secret: (d) => ({
    message: `${str(d, 'name')}${d['encoding'] ? ` (${str(d, 'encoding')})` : ''} added`,
    why:
      'Anyone who can read this repository, a fork, a clone or a published package can use it, ' +
      'and deleting it in a later commit does not remove it from history.',
    fix:
      `Remove it from the file and read it from the environment or a secret manager. ` +
      `If it was ever pushed or shared, revoke it: ${str(d, 'revoke')}`,
  }),
  'env-file': (d) => ({
    message: `environment file ${str(d, 'path')} added`,
    why:
      '.env files hold local credentials; once committed they reach every clone, CI log and, ' +
      'without a `files` list, the npm package.',
    fix:
      `Unstage it (git rm --cached -- ${str(d, 'path')}), add ".env*" to .gitignore, and commit a ` +
      '.env.example with the names but not the values.',
  }),
  'private-key-file': (d) => ({
    message: `private key file ${str(d, 'path')} added`,
    why: 'A private key file lets anyone who gets a copy impersonate its owner (SSH, TLS, code signing).',
    fix:
      `Unstage it (git rm --cached -- ${str(d, 'path')}), add it to .gitignore, and if it was ever ` +
      'pushed, replace the key pair.',
  }),
};

export function formatMessage(ref: MessageRef): MessageText {
  const template = TEMPLATES[ref.messageId];
  if (!template) throw new Error(`no message text for code "${ref.messageId}"`);
  return template(ref.data ?? {});
}

export function hasMessage(messageId: string): boolean {
  return messageId in TEMPLATES;
}

/** How to silence one finding that is not a real secret. */
export function allowHint(ruleId: string, kind: 'line' | 'file'): string {
  return kind === 'line'
    ? `Not a secret? Add a comment with "shipgate-allow: ${ruleId}" on that line.`
    : `Intended? Add the path to "ignore" in shipgate.config.json, or turn the rule off: "rules": {"${ruleId}": "off"}.`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${groupThousands(count)} ${count === 1 ? one : many}`;
}

/** 1234567 -> "1,234,567". Not toLocaleString: its first call loads ICU data, ~10 ms on the hook path. */
export function groupThousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
