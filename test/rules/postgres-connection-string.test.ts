import { test } from 'uvu';
import { postgresConnectionString } from '../../rules/postgres-connection-string.js';
import { testRule } from '../helpers/rule-tester.js';
import { tokensB } from '../helpers/tokens-b.js';
import { reseed } from '../helpers/tokens.js';

reseed(2305);
const pw = Array.from({ length: 10 }, () => tokensB.password());
const col = (line: string, secret: string): number => line.indexOf(`:${secret}@`) + 2;
const line2 = `DATABASE_URL=postgresql://app:${pw[1]}@db.internal:5432/app?sslmode=require`;

testRule(postgresConnectionString, {
  valid: [
    { name: 'environment interpolation', path: '.env', code: 'DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/app' },
    { name: 'shell variable', path: 'scripts/migrate.sh', code: 'psql "postgresql://$PGUSER:$PGPASSWORD@$PGHOST/app"' },
    { name: 'Helm template', path: 'chart/values.yaml', code: 'url: postgres://app:{{ .Values.db.password }}@db/app' },
    { name: 'Python format fields', path: 'settings.py', code: 'DB_URL = f"postgresql://{user}:{password}@{host}:5432/{name}"' },
    { name: 'printf placeholder', path: 'db.go', code: 'dsn := fmt.Sprintf("postgres://%s:%s@%s/%s", user, pass, host, db)' },
    { name: 'angle-bracket placeholder', path: 'README.md', code: 'postgres://<user>:<password>@<host>:5432/<db>' },
    { name: 'docker defaults', path: 'docker-compose.yml', code: '      DATABASE_URL: postgres://postgres:postgres@db:5432/postgres' },
    { name: 'the word password', path: 'docs/setup.md', code: 'postgresql://admin:password@localhost/app' },
    { name: 'changeme', path: '.env.example', code: 'DATABASE_URL=postgres://app:changeme@localhost:5432/app' },
    { name: 'password equals user', path: 'test/db.test.ts', code: "const url = 'postgres://tester:tester@127.0.0.1/test';" },
    { name: 'dev word with digits', path: 'docker-compose.yml', code: '      DATABASE_URL: postgres://app:devpass123@db/app' },
    { name: 'no password', path: 'a.env', code: 'DATABASE_URL=postgres://app@db.internal/app' },
    { name: 'empty password', path: 'a.env', code: 'DATABASE_URL=postgres://app:@db.internal/app' },
    { name: 'documentation host', path: 'docs/deploy.md', code: `postgresql://app:${pw[0]}@db.example.com:5432/app` },
    { name: 'placeholder host word', path: 'docs/deploy.md', code: `postgresql://app:${pw[0]}@host:5432/app` },
    { name: 'masked', path: 'logs/sample.log', code: 'connecting to postgres://app:********@db.internal/app' },
    { name: 'other scheme', path: 'a.env', code: `REDIS_URL=redis://:${pw[0]}@cache:6379` },
  ],
  invalid: [
    { name: '.env', path: '.env', code: `NODE_ENV=production\n${line2}`, findings: [{ line: 2, column: col(line2, pw[1]!) }] },
    {
      name: 'docker-compose environment',
      path: 'docker-compose.yml',
      code: `services:\n  api:\n    environment:\n      DATABASE_URL: "postgres://api:${pw[2]}@postgres:5432/api"`,
      findings: [{ line: 4, column: 37 }],
    },
    { name: 'JSON', path: 'config/production.json', code: `{\n  "db": { "url": "postgres://svc:${pw[3]}@10.0.3.12/orders" }\n}`, findings: [{ line: 2 }] },
    { name: 'SQLAlchemy driver scheme', path: 'app/db.py', code: `engine = create_engine("postgresql+psycopg2://etl:${pw[4]}@warehouse.internal/dw")`, findings: [{ line: 1, column: 51 }] },
    { name: 'node-postgres', path: 'src/db.ts', code: `const pool = new Pool({ connectionString: 'postgres://app:${pw[5]}@db.internal/app' });`, findings: [{ line: 1 }] },
    { name: 'localhost is still reported', path: 'scripts/seed.sh', code: `psql "postgres://app:${pw[6]}@localhost:5432/app" -f seed.sql`, findings: [{ line: 1, column: 22 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `FROM node:20\nENV DATABASE_URL=postgres://app:${pw[7]}@db:5432/app`, findings: [{ line: 2, column: 33 }] },
    { name: 'percent-encoded characters', path: 'a.env', code: `PG_URL=postgres://app:${pw[8]}%40x@db/app`, findings: [{ line: 1, column: 23 }] },
    { name: 'JDBC URL with userinfo', path: 'application.properties', code: `spring.datasource.url=jdbc:postgresql://app:${pw[9]}@db:5432/app`, findings: [{ line: 1, column: 45 }] },
  ],
});

test.run();
