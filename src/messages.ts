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

const MAPS_WHY =
  'Source maps carry your original code; with sourcesContent or inlineSources they carry all of it. ' +
  'That is how a 60 MB map holding a whole TypeScript code base shipped to npm in March 2026.';
const MAPS_FIX =
  'Keep maps out of what you publish: turn the setting off for release builds, or exclude maps with "!**/*.map" in package.json "files".';

const MAP_FILES_FIX =
  'Exclude maps with "!**/*.map" in package.json "files" (or "*.map" in .npmignore), or build without embedded sources ' +
  '(tsc inlineSources off, esbuild sourcesContent: false, webpack devtool "nosources-source-map"); if shipping it is ' +
  'deliberate, approve it with `shipgate release approve`.';
const FORBIDDEN_WHY: Record<string, string> = {
  env: 'Environment files hold local credentials; a published one hands them to everyone who installs the package.',
  npmrc: 'An .npmrc can hold a registry auth token that publishes as you.',
  'private-key': 'A published private key lets anyone impersonate its owner (TLS, SSH, code signing).',
  git: '.git/ holds the whole history, unreleased branches and sometimes credentials in its config.',
  coverage: 'Coverage reports embed every covered source file in their HTML: the sources, published.',
  test: 'Test fixtures and tests add bytes to every install, and fixtures sometimes hold real-looking or real tokens.',
  'ai-tool': 'AI coding tool folders hold prompts, transcripts, local settings and sometimes keys: a private workspace, published.',
  archive: 'An archive in a package is most often the previous release\'s tarball packed into the next one, or a backup.',
};

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
  // Config drift (change rules). data.old and data.new are the values before and after.
  'sourcemap-enabled': (d) => ({
    message: `${str(d, 'setting')} changed: ${str(d, 'old')} -> ${str(d, 'new')}`,
    why: MAPS_WHY,
    fix: `${MAPS_FIX} If you mean it: "rules": {"${str(d, 'rule')}": "off"} in shipgate.config.json.`,
  }),
  'package-files-removed': (d) => ({
    message: `package.json "files" removed (was ${str(d, 'old')})`,
    why: 'Without "files", npm publishes everything not in .npmignore (or .gitignore): sources, tests, maps, local .env files.',
    fix: 'Put "files" back, listing only what the package needs (e.g. ["dist", "!**/*.map"]).',
  }),
  'package-files-widened': (d) => ({
    message: `package.json "files" now includes ${str(d, 'entry')} (${str(d, 'matches')})`,
    why: 'Each "files" entry is published as is; this one matches what is usually kept out of a package.',
    fix: 'Narrow the entry to the build output, or add a negation such as "!**/*.map" or "!**/*.test.*".',
  }),
  'package-private-removed': () => ({
    message: 'package.json "private": true removed',
    why: '"private": true is what stops an accidental `npm publish` of an internal package.',
    fix: 'Keep "private": true unless this package is meant to be published now.',
  }),
  'package-publish-config-changed': (d) => ({
    message: `package.json ${str(d, 'setting')} changed: ${str(d, 'old')} -> ${str(d, 'new')}`,
    why: 'publishConfig decides who can see the package and where it goes: a public access flag or another registry publishes it elsewhere.',
    fix: 'Check that the package is meant to be published there, with that visibility.',
  }),
  'package-install-script-added': (d) => ({
    message: `install script "${str(d, 'script')}" added: ${str(d, 'command')}`,
    why: 'preinstall/install/postinstall scripts run on every machine that installs the package, and are a common way malware spreads.',
    fix: 'Do the work at build time instead (prepare, prepack), or document why installing needs it.',
  }),
  'package-dependency-source': (d) => ({
    message: `dependency ${str(d, 'dependency')} points at a ${str(d, 'kind')}: ${str(d, 'spec')}`,
    why: 'Git, tarball, file: and link: dependencies bypass the registry: no integrity from npm, and they break or change for everyone else.',
    fix: 'Depend on a published version from the registry.',
  }),
  'npmignore-created': () => ({
    message: '.npmignore created',
    why: 'Once .npmignore exists npm stops reading .gitignore for the package, so everything .gitignore kept out (.env, build caches, maps) can be published.',
    fix: 'Prefer a "files" allow-list in package.json; if you keep .npmignore, copy the secret and build entries of .gitignore into it.',
  }),
  'npmignore-deleted': () => ({
    message: '.npmignore deleted',
    why: 'Without .npmignore (and without "files"), npm falls back to .gitignore, which may not exclude tests, sources or maps.',
    fix: 'Use a "files" allow-list in package.json, or keep .npmignore.',
  }),
  'ignore-entry-removed': (d) => ({
    message: `${str(d, 'file')} no longer excludes ${str(d, 'entry')} (${str(d, 'protects')})`,
    why: `That entry kept ${str(d, 'protects')} out of ${str(d, 'target')}.`,
    fix: `Put "${str(d, 'entry')}" back in ${str(d, 'file')}, or replace it with an equivalent pattern.`,
  }),
  'npmrc-registry-changed': (d) => ({
    message: `${str(d, 'setting')} changed: ${str(d, 'old')} -> ${str(d, 'new')}`,
    why: 'The registry decides where packages are installed from and published to; a changed or plain-http registry can leak tokens or serve other code.',
    fix: 'Keep the registry your team uses (https), or set it per user in ~/.npmrc rather than in the repository.',
  }),
  'npmrc-token-added': (d) => ({
    message: `${str(d, 'setting')} added to ${str(d, 'file')}`,
    why: 'An auth token in a committed .npmrc publishes as you for anyone who clones the repository.',
    fix: 'Use ${NPM_TOKEN} (an environment variable) in the committed file, and keep the token itself out of git.',
  }),
  'npmrc-always-auth-changed': (d) => ({
    message: `always-auth changed: ${str(d, 'old')} -> ${str(d, 'new')}`,
    why: 'always-auth sends credentials with every request, also to registries and mirrors that should not get them.',
    fix: 'Leave always-auth off unless your registry requires it.',
  }),
  'lockfile-resolved-host': (d) => ({
    message: `${str(d, 'package')} resolves from ${str(d, 'host')}${d['insecure'] ? ' over plain http' : ''}`,
    why: 'A lockfile entry that resolves outside your registries (or over http) installs code nobody reviewed, on every machine and in CI.',
    fix: 'Reinstall the package from your registry (npm install <name>@<version>), and check who changed the lockfile.',
  }),
  'workflow-permissions-widened': (d) => ({
    message: `workflow permissions widened${d['job'] ? ` in job ${str(d, 'job')}` : ''}: ${str(d, 'old')} -> ${str(d, 'new')}`,
    why: 'A write-scoped GITHUB_TOKEN lets any step (and any compromised action) push code, publish releases or change settings.',
    fix: 'Grant the narrowest permissions per job; keep the default read-only.',
  }),
  'workflow-pull-request-target': () => ({
    message: 'workflow now runs on pull_request_target',
    why: 'pull_request_target runs with secrets and a write token on code from forks: the classic way CI secrets are stolen.',
    fix: 'Use pull_request; if you need pull_request_target, never check out or run the pull request\'s code in it.',
  }),
  'workflow-secret-echoed': (d) => ({
    message: `a step prints ${str(d, 'secret')}`,
    why: 'Printed secrets end up in logs, and masking is defeated by encoding or splitting them.',
    fix: 'Pass the secret through env: to the tool that needs it; never echo it.',
  }),
  'workflow-action-unpinned': (d) => ({
    message: `action ${str(d, 'action')} is pinned to "${str(d, 'ref')}", not a commit SHA`,
    why: 'A tag or branch can be moved to other code at any time; a compromised action then runs with your secrets.',
    fix: `Pin it to a full 40-character commit SHA (with the tag in a comment): uses: ${str(d, 'action')}@<sha> # ${str(d, 'ref')}`,
  }),
  'dockerfile-copy-all': (d) => ({
    message: `${str(d, 'instruction')} copies the whole build context and there is no .dockerignore`,
    why: 'Without .dockerignore the image gets .git, .env files and local secrets along with the code.',
    fix: 'Add a .dockerignore (at least .git, .env*, node_modules), or copy only what the image needs.',
  }),
  'debug-enabled': (d) => ({
    message: `${str(d, 'setting')} changed: ${str(d, 'old')} -> ${str(d, 'new')} in a production config`,
    why: 'Debug settings in production expose stack traces, internals and sometimes secrets.',
    fix: 'Keep debug off in production config; enable it per environment instead.',
  }),
  'release-version-mismatch': (d) => ({
    message: `tag ${str(d, 'tag')} does not match ${str(d, 'name')}'s version ${str(d, 'version')}`,
    why: 'The registry would get a version the tag does not name; the tag then points at a release that does not exist.',
    fix: `Bump the version first (npm version <version>), then tag that commit; or move the tag: git tag -f ${str(d, 'tag')} <commit>.`,
  }),
  'release-tag-without-version': (d) => ({
    message: `tag ${str(d, 'tag')} matches the release pattern but names no version`,
    why: 'shipgate cannot tell whether the package version is the one meant.',
    fix: 'Name release tags after the version (v1.2.3 or name@1.2.3), or narrow release.tagPattern.',
  }),
  'release-pack-failed': (d) => ({
    message: `${str(d, 'step')} failed: ${str(d, 'error')}`,
    why: 'shipgate could not make the package as npm would publish it, so it cannot tell what the release ships.',
    fix: `Fix the build and push again. Last lines of its output:\n${str(d, 'tail')}`,
  }),
  'config-unparsable': (d) => ({
    message: `could not parse ${str(d, 'path')} (${str(d, 'error')}); its settings were not checked`,
    why: 'A config shipgate cannot read could hide a risky change.',
    fix: 'Fix the syntax; the check runs again on the next commit.',
  }),
  'private-key-file': (d) => ({
    message: `private key file ${str(d, 'path')} added`,
    why: 'A private key file lets anyone who gets a copy impersonate its owner (SSH, TLS, code signing).',
    fix:
      `Unstage it (git rm --cached -- ${str(d, 'path')}), add it to .gitignore, and if it was ever ` +
      'pushed, replace the key pair.',
  }),
  // Release package rules (package-sourcemap, package-secrets, package-forbidden-files,
  // package-manifest, package-drift). Sizes arrive formatted (data.size "61.4 MB").
  'sourcemap-embeds-sources': (d) => ({
    message:
      `${str(d, 'map')} embeds ${plural(Number(d['sources'] ?? 0), 'original source')} (${str(d, 'size')}); ` +
      `${groupThousands(Number(d['unshipped'] ?? 0))} of them not in the package, e.g. ${str(d, 'example')}`,
    why: `${MAPS_WHY} Anyone who installs the package can read the sources it leaves out.`,
    fix: MAP_FILES_FIX,
  }),
  'sourcemap-embeds-shipped-sources': (d) => ({
    message:
      `${str(d, 'map')} embeds ${plural(Number(d['sources'] ?? 0), 'original source')} (${str(d, 'size')}), ` +
      'all of them shipped in the package or from dependencies',
    why:
      'Nothing new to read, but every install downloads the sources twice, and the build is one setting away ' +
      'from embedding sources the package does not ship.',
    fix: MAP_FILES_FIX,
  }),
  'sourcemap-shipped': (d) => ({
    message: d['error']
      ? `source map ${str(d, 'map')} shipped (could not read it: ${str(d, 'error')})`
      : Number(d['count'] ?? 1) > 1
        ? `${plural(Number(d['count']), 'source map')} shipped without sourcesContent, e.g. ${str(d, 'examples')}`
        : `source map ${str(d, 'map')} shipped (no sourcesContent)`,
    why:
      'A map without sourcesContent still gives away the names and layout of your source files, and maps add to ' +
      'what every install downloads.',
    fix: MAP_FILES_FIX,
  }),
  'sourcemap-inline': (d) => {
    const sources = Number(d['sources'] ?? 0);
    const unshipped = Number(d['unshipped'] ?? 0);
    const held = unshipped > 0
      ? ` embedding ${plural(sources, 'original source')}; ${groupThousands(unshipped)} not in the package, e.g. ${str(d, 'example')}`
      : sources > 0 ? ` embedding ${plural(sources, 'original source')} (${str(d, 'size')})` : '';
    return {
      message:
        `${str(d, 'file')} carries an inline source map (a ${str(d, 'urlSize')} data: URL)${held}` +
        `${d['error'] ? ` that could not be read (${str(d, 'error')})` : ''}`,
      why:
        'An inline map travels inside the code: excluding *.map does not remove it, and every install downloads it. ' +
        'The CLI whose 60 MB map leaked in March 2026 had shipped its map this way in an earlier version.',
      fix:
        'Turn inline maps off for release builds (tsc inlineSourceMap, esbuild --sourcemap=inline, webpack devtool ' +
        '"inline-…", Vite build.sourcemap "inline") and sourcesContent / inlineSources with them; or, if it is deliberate, ' +
        'approve it with `shipgate release approve`.',
    };
  },
  'sourcemap-path-leak': (d) =>
    str(d, 'kind') === 'external-url'
      ? {
        message: `${str(d, 'map')} points debuggers at an external source map: ${str(d, 'example')}`,
        why: 'Debuggers fetch the map from that address: it may serve your sources, or whatever a later owner of the host puts there.',
        fix: 'Point sourceMappingURL at a map you ship, or leave the comment out (webpack "hidden-source-map", esbuild/Vite "hidden").',
      }
      : {
        message: `${str(d, 'map')} names an absolute path from the build machine: ${str(d, 'example')}`,
        why: 'Absolute paths give away user names and folder layout of the machine that built the release.',
        fix:
          'Build with relative source paths (sourceRoot "" or relative; webpack output.devtoolModuleFilenameTemplate), ' +
          'or exclude the maps with "!**/*.map" in package.json "files".',
      },
  'secret-in-package': (d) => ({
    message: `${str(d, 'name')}${d['encoding'] ? ` (${str(d, 'encoding')})` : ''} in the package: ${str(d, 'where')}`,
    why:
      'Publishing makes it public: anyone can download the tarball, and unpublishing does not reach mirrors, ' +
      'caches or the copies already installed. Maps carry it even when the source file is left out.',
    fix:
      'Remove it from the source, read it from the environment or a secret manager at runtime, and rebuild. ' +
      `If it was ever published or pushed, revoke it${d['revoke'] ? `: ${str(d, 'revoke')}` : '.'}`,
  }),
  'forbidden-file': (d) => {
    const category = str(d, 'category');
    const secret = category === 'env' || category === 'npmrc' || category === 'private-key' || category === 'git';
    return {
      message: `${str(d, 'kind')} ${str(d, 'file')} is in the package`,
      why: FORBIDDEN_WHY[category] ?? 'Files like this are not meant to be published.',
      fix:
        `Keep it out: list only the build output in package.json "files" (or add "!${str(d, 'exclude')}" there), ` +
        `or add "${str(d, 'exclude')}" to .npmignore; check with \`npm pack --dry-run\`.` +
        (secret ? ' If it holds credentials and was ever published, rotate them.' : ''),
    };
  },
  'entry-point-missing': (d) => ({
    message: `package.json ${str(d, 'field')} points at ${str(d, 'target')}, which is not in the package`,
    why: 'The package installs and then fails: "Cannot find module" on import, or a command that does not exist.',
    fix:
      'Add the file or its folder to package.json "files" and make sure the build runs before packing ' +
      '(a "prepack" script), or correct the path.',
  }),
  'release-new-file': (d) => {
    const count = Number(d['count'] ?? 0);
    const more = Number(d['more'] ?? 0);
    return {
      message:
        `${count === 1 ? 'new file' : `${groupThousands(count)} new files`} since ${str(d, 'baseline')}: ` +
        `${str(d, 'files')}${more > 0 ? ` and ${groupThousands(more)} more` : ''}`,
      why: 'What nobody meant to publish arrives as a new file: the 60 MB map of March 2026 was one file next to the bundle.',
      fix:
        'Check the list; keep out what should not ship ("files" in package.json or .npmignore), and record the rest ' +
        'with `shipgate release approve`.',
    };
  },
  'release-size-growth': (d) => ({
    message:
      `unpacked size grew ${str(d, 'factor')}x since ${str(d, 'baseline')}: ${str(d, 'old')} -> ${str(d, 'new')} ` +
      `(limit ${str(d, 'limit')}x)`,
    why: 'A jump in size is how a bundled source map or a packed-in folder shows from outside: the March 2026 package grew about 6x.',
    fix:
      'See what grew with `npm pack --dry-run` and keep out what should not ship; if the growth is intended, record it with ' +
      '`shipgate release approve` or raise release.maxGrowth in shipgate.config.json.',
  }),
  'release-file-over-budget': (d) => ({
    message: `${str(d, 'file')} is ${str(d, 'size')}, over the ${str(d, 'budget')} per-file budget (was ${str(d, 'old')})`,
    why: 'A single file past the budget is usually a source map, an archive or an embedded asset that was not meant to ship.',
    fix:
      'Exclude it or make it smaller; if it is intended, record it with `shipgate release approve` or raise ' +
      'release.maxFileBytes in shipgate.config.json.',
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

/** How to silence one finding that is not a real problem, by where it comes from. */
export function allowHint(ruleId: string, kind: 'line' | 'file' | 'change' | 'release'): string {
  switch (kind) {
    case 'line':
      return `Not a secret? Add a comment with "shipgate-allow: ${ruleId}" on that line.`;
    case 'file':
      return `Intended? Add the path to "ignore" in shipgate.config.json, or turn the rule off: "rules": {"${ruleId}": "off"}.`;
    case 'change':
      return `Intended? Commit with SHIPGATE_SKIP=${ruleId} once, or set "rules": {"${ruleId}": "warn"} in shipgate.config.json.`;
    case 'release':
      return `Intended? Run \`shipgate release approve\` to accept what this release ships, or set "rules": {"${ruleId}": "warn"}.`;
  }
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${groupThousands(count)} ${count === 1 ? one : many}`;
}

/** 1234567 -> "1,234,567". Not toLocaleString: its first call loads ICU data, ~10 ms on the hook path. */
export function groupThousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
