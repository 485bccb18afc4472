import { test } from 'uvu';
import { mysqlConnectionString } from '../../rules/mysql-connection-string.js';
import { testRule } from '../helpers/rule-tester.js';
import { tokensB } from '../helpers/tokens-b.js';
import { reseed } from '../helpers/tokens.js';

reseed(2306);
const pw = Array.from({ length: 8 }, () => tokensB.password());

testRule(mysqlConnectionString, {
  valid: [
    { name: 'environment interpolation', path: '.env', code: 'DATABASE_URL=mysql://app:${MYSQL_PASSWORD}@db:3306/app' },
    { name: 'docker image defaults', path: 'docker-compose.yml', code: '      DATABASE_URL: mysql://root:root@mysql:3306/app' },
    { name: 'example password', path: 'README.md', code: 'mysql://root:example@localhost/app' },
    { name: 'secret', path: 'docs/db.md', code: 'mysql+pymysql://user:secret@localhost/test' },
    { name: 'password equals user', path: 'test/setup.py', code: 'URL = "mysql://test:test@127.0.0.1/test"' },
    { name: 'placeholder', path: 'a.md', code: 'mariadb://app:<password>@db/app' },
    { name: 'your-password', path: '.env.example', code: 'DATABASE_URL=mysql://app:your-password@db/app' },
    { name: 'variable name', path: 'a.env', code: 'DATABASE_URL=mysql://app:MYSQL_ROOT_PASSWORD@db/app' },
    { name: 'no userinfo', path: 'a.env', code: 'DATABASE_URL=mysql://db.internal:3306/app' },
  ],
  invalid: [
    { name: '.env', path: '.env', code: `DATABASE_URL=mysql://app:${pw[0]}@db.internal:3306/app`, findings: [{ line: 1, column: 26 }] },
    { name: 'PlanetScale-style URL in YAML', path: 'config/database.yml', code: `production:\n  url: mysql2://app:${pw[1]}@aws.connect.psdb.cloud/app?ssl=true`, findings: [{ line: 2 }] },
    { name: 'SQLAlchemy', path: 'db.py', code: `engine = create_engine("mysql+pymysql://etl:${pw[2]}@10.1.0.5/dw")`, findings: [{ line: 1, column: 45 }] },
    { name: 'X Protocol', path: 'a.js', code: `const session = await mysqlx.getSession('mysqlx://app:${pw[3]}@db:33060');`, findings: [{ line: 1 }] },
    { name: 'MariaDB', path: 'a.env', code: `MARIADB_URL=mariadb://app:${pw[4]}@mariadb:3306/app`, findings: [{ line: 1, column: 27 }] },
    { name: 'JDBC', path: 'src/main/resources/application.properties', code: `spring.datasource.url=jdbc:mysql://svc:${pw[5]}@db:3306/app?useSSL=true`, findings: [{ line: 1, column: 40 }] },
    { name: 'JSON', path: 'config.json', code: `{"database": "mysql://app:${pw[6]}@db/app"}`, findings: [{ line: 1 }] },
    { name: 'Dockerfile', path: 'Dockerfile', code: `ENV DATABASE_URL mysql://app:${pw[7]}@db/app`, findings: [{ line: 1, column: 30 }] },
  ],
});

test.run();
