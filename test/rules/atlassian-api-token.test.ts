import { test } from 'uvu';
import { atlassianApiToken } from '../../rules/atlassian-api-token.js';
import { testRule } from '../helpers/rule-tester.js';
import { mixed, tokensB, URL_SAFE } from '../helpers/tokens-b.js';
import { reseed } from '../helpers/tokens.js';

reseed(2317);
const t = Array.from({ length: 6 }, () => tokensB.atlassian());
const PREFIX = 'ATA' + 'TT3';
const flip = (token: string): string => token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');

testRule(atlassianApiToken, {
  valid: [
    { name: 'checksum does not match', path: '.env', code: `JIRA_API_TOKEN=${flip(t[0]!)}` },
    { name: 'changed body, old checksum', path: '.env', code: `JIRA_API_TOKEN=${PREFIX}${mixed(URL_SAFE, 177)}=${t[0]!.slice(-8)}` },
    { name: 'lower-case checksum', path: '.env', code: `JIRA_API_TOKEN=${t[1]!.slice(0, -8)}${t[1]!.slice(-8).toLowerCase()}` },
    { name: 'truncated in docs', path: 'README.md', code: `JIRA_API_TOKEN="${PREFIX}xFfGF0..."` },
    { name: 'environment reference', path: 'jira.py', code: 'jira = JIRA(server, basic_auth=(email, os.environ["JIRA_API_TOKEN"]))' },
  ],
  invalid: [
    { name: '.env', path: '.env', code: `JIRA_HOST=acme.atlassian.net\nJIRA_API_TOKEN=${t[0]}`, findings: [{ line: 2, column: 16 }] },
    { name: 'Python jira client', path: 'sync.py', code: `jira = JIRA("https://acme.atlassian.net", basic_auth=("ops@acme-logistics.io", "${t[1]}"))`, findings: [{ line: 1 }] },
    { name: 'JSON (MCP server config)', path: '.cursor/mcp.json', code: `{\n  "env": {\n    "CONFLUENCE_API_TOKEN": "${t[2]}"\n  }\n}`, findings: [{ line: 3, column: 30 }] },
    { name: 'YAML', path: 'config.yml', code: `atlassian:\n  token: ${t[3]}`, findings: [{ line: 2, column: 10 }] },
    { name: 'curl basic auth', path: 'scripts/issues.sh', code: `curl -u ops@acme-logistics.io:${t[4]} https://acme.atlassian.net/rest/api/3/myself`, findings: [{ line: 1, column: 31 }] },
    { name: 'Java properties', path: 'src/main/resources/jira.properties', code: `jira.token=${t[5]}`, findings: [{ line: 1, column: 12 }] },
  ],
});

test.run();
