import { test } from 'uvu';
import { mongodbConnectionString } from '../../rules/mongodb-connection-string.js';
import { testRule } from '../helpers/rule-tester.js';
import { tokensB } from '../helpers/tokens-b.js';
import { reseed } from '../helpers/tokens.js';

reseed(2307);
const pw = Array.from({ length: 7 }, () => tokensB.password());

testRule(mongodbConnectionString, {
  valid: [
    { name: 'Atlas template', path: 'README.md', code: 'mongodb+srv://<username>:<password>@cluster0.abcde.mongodb.net/?retryWrites=true' },
    { name: 'docker image example', path: 'docker-compose.yml', code: '      ME_CONFIG_MONGODB_URL: mongodb://root:example@mongo:27017/' },
    { name: 'environment interpolation', path: '.env', code: 'MONGO_URI=mongodb://app:${MONGO_PASSWORD}@mongo:27017/app' },
    { name: 'JS template literal', path: 'src/db.js', code: 'const uri = `mongodb+srv://${user}:${pass}@${cluster}/app`;' },
    { name: 'password equals user', path: 'test/setup.js', code: "const uri = 'mongodb://admin:admin@localhost:27017';" },
    { name: 'no credentials', path: 'a.env', code: 'MONGO_URI=mongodb://localhost:27017/app' },
    { name: 'mongo default word', path: 'a.env', code: 'MONGO_URI=mongodb://mongo:mongodb@localhost:27017/app' },
  ],
  invalid: [
    { name: '.env Atlas SRV', path: '.env', code: `MONGODB_URI=mongodb+srv://svc:${pw[0]}@cluster0.ab1cd.mongodb.net/prod?retryWrites=true&w=majority`, findings: [{ line: 1, column: 31 }] },
    { name: 'replica set hosts', path: 'config/prod.yaml', code: `mongo:\n  uri: mongodb://app:${pw[1]}@mongo-0:27017,mongo-1:27017/app?replicaSet=rs0`, findings: [{ line: 2, column: 22 }] },
    { name: 'JSON', path: 'config.json', code: `{ "mongoUrl": "mongodb://app:${pw[2]}@10.0.0.7/app" }`, findings: [{ line: 1 }] },
    { name: 'Mongoose', path: 'src/db.ts', code: `await mongoose.connect('mongodb+srv://api:${pw[3]}@prod.x1y2z.mongodb.net/api');`, findings: [{ line: 1, column: 43 }] },
    { name: 'PyMongo', path: 'db.py', code: `client = MongoClient("mongodb://etl:${pw[4]}@mongo.internal:27017/?authSource=admin")`, findings: [{ line: 1 }] },
    { name: 'mongosh in a script', path: 'scripts/backup.sh', code: `mongodump --uri="mongodb://backup:${pw[5]}@mongo.internal/app"`, findings: [{ line: 1, column: 35 }] },
    { name: 'localhost is still reported', path: 'test/e2e.env', code: `MONGO_URI=mongodb://app:${pw[6]}@localhost:27017/app`, findings: [{ line: 1, column: 25 }] },
  ],
});

test.run();
