import type { ChangeReport, ChangeRule } from '../src/types.js';
import { lineOf, parsePackageJson, previousPackage, shown, stringEntries } from './support/package-json.js';

// preinstall, install and postinstall run on every machine that installs the package (and, in a
// workspace, on every `npm install` of the repository): the usual way a compromised package
// runs its payload. https://docs.npmjs.com/cli/v10/using-npm/scripts#life-cycle-scripts
// One that is added, or whose command changes, is an 'error' to look at before it ships.
// Applies to package.json in subfolders too (workspaces, nested packages). Whitespace-only
// edits of a command, reordering and unrelated edits never report; a package.json that does not
// parse reports nothing here (package-files reports it).

const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'] as const;

export const packageInstallScript: ChangeRule = {
  id: 'package-install-script',
  kind: 'change',
  description: 'package.json preinstall, install or postinstall script added or changed',
  severity: 'error',
  stages: ['commit', 'push'],
  files: ['**/package.json'],
  excludeFiles: ['**/node_modules/**'],
  source: 'https://docs.npmjs.com/cli/v10/using-npm/scripts#life-cycle-scripts',
  check: ({ before, after }) => {
    const next = parsePackageJson(after);
    if (!next?.ok) return [];
    const now = stringEntries(next.value, 'scripts');
    const was = stringEntries(previousPackage(before), 'scripts');
    const reports: ChangeReport[] = [];
    for (const script of INSTALL_SCRIPTS) {
      const command = now.get(script);
      if (command === undefined || command.trim() === '') continue;
      const previous = was.get(script);
      if (previous !== undefined && normalize(previous) === normalize(command)) continue;
      reports.push({
        messageId: 'package-install-script-added',
        data: { script, command: shown(command) },
        line: lineOf(after, script, 'scripts'),
        key: `${script}=${shown(normalize(command))}`,
      });
    }
    return reports;
  },
};

function normalize(command: string): string {
  return command.trim().replace(/\s+/g, ' ');
}
