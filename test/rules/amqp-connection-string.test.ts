import { test } from 'uvu';
import { amqpConnectionString } from '../../rules/amqp-connection-string.js';
import { testRule } from '../helpers/rule-tester.js';
import { tokensB } from '../helpers/tokens-b.js';
import { reseed } from '../helpers/tokens.js';

reseed(2309);
const pw = Array.from({ length: 6 }, () => tokensB.password());

testRule(amqpConnectionString, {
  valid: [
    { name: 'RabbitMQ default guest:guest', path: 'docker-compose.yml', code: '      AMQP_URL: amqp://guest:guest@rabbitmq:5672/' },
    { name: 'environment interpolation', path: '.env', code: 'AMQP_URL=amqps://orders:${RABBITMQ_PASSWORD}@mq.internal/prod' },
    { name: 'rabbitmq word', path: 'README.md', code: 'amqp://rabbit:rabbitmq@localhost' },
    { name: 'no credentials', path: 'a.env', code: 'AMQP_URL=amqp://localhost:5672' },
    { name: 'placeholder', path: 'docs/broker.md', code: 'amqps://user:[password]@broker.example.net/vhost' },
  ],
  invalid: [
    { name: '.env', path: '.env', code: `AMQP_URL=amqps://orders:${pw[0]}@b-1234.mq.eu-west-1.amazonaws.com:5671`, findings: [{ line: 1, column: 25 }] },
    { name: 'CloudAMQP URL in YAML', path: 'config.yml', code: `broker:\n  url: amqps://abcdwxyz:${pw[1]}@rattlesnake.rmq.cloudamqp.com/abcdwxyz`, findings: [{ line: 2, column: 25 }] },
    { name: 'amqplib', path: 'src/queue.js', code: `const conn = await amqp.connect('amqp://svc:${pw[2]}@rabbitmq.internal:5672/jobs');`, findings: [{ line: 1 }] },
    { name: 'pika', path: 'worker.py', code: `params = pika.URLParameters("amqp://worker:${pw[3]}@mq:5672/%2F")`, findings: [{ line: 1 }] },
    { name: 'JSON', path: 'appsettings.json', code: `{ "RabbitMq": { "Uri": "amqp://app:${pw[4]}@rabbit/" } }`, findings: [{ line: 1 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `ENV CELERY_BROKER_URL=amqp://celery:${pw[5]}@rabbitmq:5672//`, findings: [{ line: 1, column: 37 }] },
  ],
});

test.run();
