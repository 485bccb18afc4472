import { test } from 'uvu';
import { redisConnectionString } from '../../rules/redis-connection-string.js';
import { testRule } from '../helpers/rule-tester.js';
import { tokensB } from '../helpers/tokens-b.js';
import { reseed } from '../helpers/tokens.js';

reseed(2308);
const pw = Array.from({ length: 7 }, () => tokensB.password());

testRule(redisConnectionString, {
  valid: [
    { name: 'no password', path: '.env', code: 'REDIS_URL=redis://localhost:6379/0' },
    { name: 'Redis documentation password', path: 'README.md', code: 'redis://:foobared@localhost:6379' },
    { name: 'environment interpolation', path: '.env', code: 'REDIS_URL=rediss://default:${REDIS_PASSWORD}@cache:6380' },
    { name: 'placeholder', path: 'docs/cache.md', code: 'rediss://default:YOUR_PASSWORD@your-endpoint.upstash.io:6379' },
    { name: 'secret word', path: 'docker-compose.yml', code: '      REDIS_URL: redis://:secret@redis:6379/1' },
    { name: 'percent placeholder', path: 'cache.py', code: 'url = "redis://:%s@%s:6379" % (password, host)' },
  ],
  invalid: [
    { name: '.env with empty user', path: '.env', code: `REDIS_URL=redis://:${pw[0]}@cache.internal:6379/0`, findings: [{ line: 1, column: 20 }] },
    { name: 'TLS with default user', path: '.env.production', code: `REDIS_URL=rediss://default:${pw[1]}@eu1-busy-cat-12345.upstash.io:6379`, findings: [{ line: 1, column: 28 }] },
    { name: 'YAML', path: 'config/cache.yml', code: `cache:\n  url: "redis://app:${pw[2]}@redis-master:6379/2"`, findings: [{ line: 2, column: 21 }] },
    { name: 'ioredis', path: 'src/cache.ts', code: `const redis = new Redis('rediss://:${pw[3]}@cache.internal:6380');`, findings: [{ line: 1, column: 36 }] },
    { name: 'Python', path: 'cache.py', code: `r = redis.from_url("redis://:${pw[4]}@10.2.0.9:6379/0")`, findings: [{ line: 1 }] },
    { name: 'Celery broker', path: 'celeryconfig.py', code: `broker_url = 'redis://worker:${pw[5]}@redis:6379/0'`, findings: [{ line: 1 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `ENV REDIS_URL=redis://:${pw[6]}@redis:6379`, findings: [{ line: 1, column: 24 }] },
  ],
});

test.run();
