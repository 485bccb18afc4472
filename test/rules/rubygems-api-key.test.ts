import { test } from 'uvu';
import { rubygemsApiKey } from '../../rules/rubygems-api-key.js';
import { testRule } from '../helpers/rule-tester.js';
import { reseed } from '../helpers/tokens.js';
import { hex, tokensC } from '../helpers/tokens-c.js';

reseed(3003);
const prefix = ['ruby', 'gems_'].join('');
const k = tokensC.rubygems();
const k2 = tokensC.rubygems();

testRule(rubygemsApiKey, {
  valid: [
    { name: 'environment reference', path: '.github/workflows/release.yml', code: 'env:\n  GEM_HOST_API_KEY: ${{ secrets.RUBYGEMS_API_KEY }}' },
    { name: 'x placeholder', path: 'README.md', code: `:rubygems_api_key: ${prefix}${'x'.repeat(48)}` },
    { name: 'typed placeholder', path: 'docs/release.md', code: `GEM_HOST_API_KEY=${prefix}${'0123456789abcdef'.repeat(3)}` },
    { name: 'too short', path: 'a.env', code: `GEM_HOST_API_KEY=${prefix}${hex(40)}` },
    { name: 'too long', path: 'a.env', code: `GEM_HOST_API_KEY=${prefix}${hex(56)}` },
    { name: 'upper-case hex is not the format', path: 'a.env', code: `GEM_HOST_API_KEY=${prefix}${hex(48).toUpperCase()}` },
    { name: 'a Ruby symbol name', path: 'lib/config.rb', code: 'config.rubygems_api_key = ENV.fetch("RUBYGEMS_API_KEY")' },
  ],
  invalid: [
    { name: 'gem credentials file (YAML)', path: '.gem/credentials', code: `---\n:rubygems_api_key: ${k}`, findings: [{ line: 2, column: 20 }] },
    { name: '.env', path: '.env', code: `GEM_HOST_API_KEY=${k2}`, findings: [{ line: 1, column: 18 }] },
    { name: 'shell', path: 'bin/release', code: `#!/usr/bin/env bash\nGEM_HOST_API_KEY='${k}' gem push pkg/*.gem`, findings: [{ line: 2, column: 19 }] },
    { name: 'Ruby', path: 'Rakefile', code: `ENV['GEM_HOST_API_KEY'] ||= "${k2}"`, findings: [{ line: 1, column: 30 }] },
    { name: 'JSON', path: 'ci/secrets.json', code: `{"rubygems": "${k}"}`, findings: [{ line: 1, column: 15 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `FROM ruby:3.3\nARG GEM_HOST_API_KEY=${k}`, findings: [{ line: 2, column: 22 }] },
  ],
});

test.run();
