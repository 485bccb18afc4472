import { hasTypedRun, isPlaceholder } from '../src/placeholders.js';
import type { ContentRule } from '../src/types.js';

// Alibaba Cloud AccessKey IDs: `LTAI` and 20 base62 characters (24 in all; current ones start
// `LTAI5t`). The ID names the key pair; its AccessKey secret is usually on a nearby line, so a
// committed ID means the pair has to be rotated. Alibaba documents the key pair, not the shape;
// gitleaks' rule does.
// https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/alibaba.go
// https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair
export const alibabaAccessKeyId: ContentRule = {
  id: 'alibaba-access-key-id',
  kind: 'content',
  description: 'Alibaba Cloud AccessKey IDs (LTAI)',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://github.com/gitleaks/gitleaks/blob/master/cmd/generate/config/rules/alibaba.go',
  keywords: ['ltai'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>LTAI[A-Za-z0-9]{20})(?![A-Za-z0-9_])/g,
  validate: (secret) => {
    const random = secret.slice('LTAI'.length);
    // Random base62: digits, or both cases. An all-capitals run is a constant's name.
    const mixed = /[0-9]/.test(random) || (/[a-z]/.test(random) && /[A-Z]/.test(random));
    return mixed && !isPlaceholder(random) && !hasTypedRun(random);
  },
  secretName: 'Alibaba Cloud AccessKey ID',
  revoke: 'https://ram.console.aliyun.com/manage/ak (disable and delete the AccessKey pair, then create a new one)',
};
