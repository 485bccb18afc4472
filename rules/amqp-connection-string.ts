import type { ContentRule } from '../src/types.js';
import { credentialUrlPattern, isRealPassword } from './support/credential-url.js';

// AMQP 0-9-1 URIs as RabbitMQ specifies them, amqp://user:pass@host:port/vhost and amqps:// over
// TLS. guest:guest, the broker's default, is not reported.
// The secret is the password; url-basic-auth.ts describes the pattern and the password check
// (templates, variable references, documentation words, well-known defaults and user == password
// are not reported; local hosts are).
export const amqpConnectionString: ContentRule = {
  id: 'amqp-connection-string',
  kind: 'content',
  description: 'Passwords in AMQP URIs (amqp://, amqps://) of RabbitMQ and other brokers',
  severity: 'error',
  stages: ['commit', 'push', 'release', 'scan'],
  source: 'https://www.rabbitmq.com/docs/uri-spec',
  keywords: ['amqp://', 'amqps://'],
  pattern: credentialUrlPattern('amqps?'),
  validate: isRealPassword,
  secretName: 'AMQP broker password',
  revoke: 'https://www.rabbitmq.com/docs/passwords (rabbitmqctl change_password; on a hosted broker, rotate in the provider console)',
};
