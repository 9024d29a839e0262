// The outside probe of `make security` (tests/security/run.sh), repeatable: what an attacker and a
// careless client send, against a running server on a SQLite demo database.
//
//   node tests/security/probe.mjs BASE_URL SQLITE_FILE
//
// 1. Bad bodies on every write route of the OpenAPI document: malformed JSON, a key twice, deep
//    nesting, the wrong media type, and for every property of the route's body a value its schema
//    refuses (wrong type, too long, out of range, not in the enumeration, a control character),
//    each in a body otherwise built from the schema; routes without a body get foreign ids and
//    bad If-Match values. Every one must be refused (4xx).
// 2. Hostile query values on every list and search route.
// 3. Header and method abuse on raw connections: unknown and enormous methods, no Host, huge and
//    malformed headers, a bad Content-Length, a target that is no path.
// 4. Slow clients: connections that send their headers a byte at a time; the server must go on
//    answering others, and close them.
//
// Fails (exit 1) on any 5xx, any error answer that is not the JSON error object, any refused
// request after which the database holds a change (the rows of every table, read with the sqlite3
// command line; failed sign-ins and the audit log's entries of refused permissions are written by
// design and left out), and any
// request the server accepted although its body broke the schema.
import { execFileSync } from 'node:child_process';
import net from 'node:net';

const [base, dbFile] = process.argv.slice(2);
if (!base || !dbFile) {
  console.error('usage: node tests/security/probe.mjs BASE_URL SQLITE_FILE');
  process.exit(2);
}
const origin = new URL(base).origin;
const { hostname, port } = new URL(base);
const findings = [];
let requests = 0;

function finding(what) {
  findings.push(what);
  if (findings.length <= 40) console.error(`FINDING: ${what}`);
}

// --- the database's state, read outside the server ---------------------------------------------

// Sign-ins are recorded by design, refused or not; a search index follows its table.
const volatileTables = new Set(['sessions', 'login_throttle', 'login_failures', 'login_addresses']);
const tables = execFileSync('sqlite3', [dbFile,
  "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' " +
  "AND name NOT GLOB '*_search_*'"])
  .toString().trim().split('\n')
  .filter((name) => name && !name.startsWith('sqlite_') && !volatileTables.has(name));
// A refusal for want of a permission is written to the audit log by design ("denied").
const fingerprintSql = `SELECT ${tables
  .map((t) => `(SELECT COUNT(*) || '/' || IFNULL(MAX(rowid), 0) FROM "${t}"${
    t === 'audit_log' ? " WHERE action <> 'denied'" : ''})`)
  .join(" || ';' || ")}`;
function fingerprint() {
  return execFileSync('sqlite3', [dbFile, fingerprintSql]).toString().trim();
}

// --- requests ------------------------------------------------------------------------------------

async function send(method, path, { body, type = 'application/json', session, headers = {} } = {}) {
  const all = { Origin: origin, ...headers };
  if (session) {
    all.Cookie = session.cookie;
    all['X-CSRF-Token'] = session.csrf;
  }
  if (body !== undefined) all['Content-Type'] = type;
  requests++;
  const response = await fetch(base + path, { method, headers: all, body, redirect: 'manual' });
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type') || '', text };
}

// An error answer must be {"error": {"code": ..., "message": ...}} as JSON.
function checkAnswer(what, answer) {
  if (answer.status >= 500) finding(`${what}: ${answer.status} ${answer.text.slice(0, 200)}`);
  if (answer.status >= 400) {
    let ok = answer.type.startsWith('application/json');
    try {
      const parsed = JSON.parse(answer.text);
      ok = ok && typeof parsed.error?.code === 'string' && typeof parsed.error?.message === 'string';
    } catch {
      ok = false;
    }
    if (!ok) finding(`${what}: ${answer.status} answered without the JSON error object: ${answer.text.slice(0, 120)}`);
  }
}

// Sends a request that must be refused, and checks that it changed nothing.
async function refused(what, method, path, options) {
  const before = fingerprint();
  const answer = await send(method, path, options);
  checkAnswer(what, answer);
  if (answer.status < 400) {
    finding(`${what}: accepted (${answer.status}) although it breaks the schema: ${answer.text.slice(0, 160)}`);
  } else if (!path.startsWith('/api/v1/auth/login') && fingerprint() !== before) {
    finding(`${what}: refused with ${answer.status}, but the database changed`);
  }
  return answer;
}

async function signIn(email) {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { Origin: origin, 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: 'Dresden-Weltcampus-Demo' }),
  });
  const cookie = (response.headers.get('set-cookie') || '').split(';')[0];
  const json = await response.json();
  if (!cookie || !json.csrf_token) throw new Error(`cannot sign in as ${email}: ${JSON.stringify(json)}`);
  return { cookie, csrf: json.csrf_token };
}

// --- bodies from the schema ------------------------------------------------------------------------

const document = await (await fetch(`${base}/api/v1/openapi.json`)).json();
function resolve(schema) {
  while (schema?.$ref) schema = schema.$ref.split('/').slice(1).reduce((o, k) => o[k], document);
  return schema || {};
}

// A value the schema takes (a skeleton: the refused field is what makes a body wrong).
function sample(schema, depth = 0) {
  schema = resolve(schema);
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      if (schema.format === 'date') return '2027-03-01';
      if (schema.format === 'email') return 'probe@example.org';
      return 'Probe'.slice(0, Math.max(1, schema.maxLength ?? 5));
    case 'integer':
      return Math.max(schema.minimum ?? 1, Math.min(schema.maximum ?? 1, 1));
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'object': {
      if (depth > 4) return {};
      const object = {};
      for (const [key, value] of Object.entries(schema.properties || {})) object[key] = sample(value, depth + 1);
      return object;
    }
    default:
      return 'Probe';
  }
}

// Values this property's schema refuses, each with its name.
function refusedValues(schema) {
  schema = resolve(schema);
  const types = [].concat(schema.type || []);
  const values = [];
  const nullable = types.includes('null');
  if (!types.includes('object')) values.push(['an object', { nested: true }]);
  if (!types.includes('array')) values.push(['an array', [1, 2]]);
  if (types.includes('string') || schema.enum) {
    values.push(['a number for text', 12345]);
    values.push(['a control character', 'bell\u0007']);
    if (schema.maxLength) values.push(['one character too long', 'x'.repeat(schema.maxLength + 1)]);
    if (schema.enum) values.push(['no value of the enumeration', 'no-such-value']);
    if (schema.format === 'date') values.push(['no date', '2027-02-30']);
  }
  if (types.includes('integer') || types.includes('number')) {
    values.push(['text for a number', 'twelve']);
    if (types.includes('integer')) values.push(['a fraction', 1.5]);
    values.push(['2^63', 9223372036854775808]);
    if (schema.minimum !== undefined) values.push(['below the minimum', schema.minimum - 1]);
    if (schema.maximum !== undefined) values.push(['above the maximum', schema.maximum + 1]);
  }
  if (types.includes('boolean')) values.push(['text for yes/no', 'yes']);
  if (types.includes('array')) {
    values.push(['text for a list', 'a,b']);
    if (schema.maxItems !== undefined) values.push(['one item too many', Array(schema.maxItems + 1).fill(sample(schema.items))]);
  }
  if (!nullable && schema.required !== false) values.push(['null', null]);
  return values;
}

// The id of an existing record for a path's {id}, from its collection; else one that does not exist.
async function someId(path, session) {
  const collection = path.slice(0, path.indexOf('/{'));
  const answer = await send('GET', `${collection}?limit=1`, { session });
  try {
    const id = JSON.parse(answer.text).items?.[0]?.id;
    if (id) return String(id);
  } catch {}
  return '999999999';
}

async function ifMatchOf(path, session) {
  const answer = await fetch(base + path, { headers: { Cookie: session.cookie } });
  await answer.text();
  return answer.headers.get('etag') || '"1"';
}

// --- 1. write routes -------------------------------------------------------------------------------

const office = await signIn('office@weltcampus.example');
const admin = await signIn('admin@weltcampus.example');
const malformed = [
  ['malformed JSON', '{"name": '],
  ['not an object', '[1, 2, 3]'],
  ['a key twice', '{"name": "a", "name": "b"}'],
  ['nested 1000 levels', '['.repeat(1000) + ']'.repeat(1000)],
  ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
  ['empty', ''],
];
const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => ['post', 'put', 'patch', 'delete'].includes(method))
    .map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })));

let bodies = 0;
for (const { method, path, operation } of operations) {
  // Who may call it: staff routes as the office, account routes as the administrator.
  const session = /\/(users|settings|exchange\/application-retention)/.test(path) ? admin : office;
  const content = operation.requestBody?.content || {};
  const jsonSchema = content['application/json']?.schema;
  let concrete = path;
  for (const name of path.match(/\{\w+\}/g) || []) {
    const value = name === '{kind}' ? 'no-such-kind' : await someId(concrete.slice(0, concrete.indexOf(name) + name.length), session);
    concrete = concrete.replace(name, value);
  }
  const headers = {};
  if (method === 'PUT' || method === 'DELETE') headers['If-Match'] = await ifMatchOf(concrete, session);
  const label = `${method} ${path}`;
  if (!jsonSchema) {
    // Nothing to read in a body: a record that does not exist, and a version that is not one.
    const foreign = path.includes('{') ? path.replace(/\{\w+\}/g, '999999999') : null;
    if (foreign) await refused(`${label} (no such record)`, method, foreign, { session, headers: { 'If-Match': '"1"' } });
    if (method === 'DELETE') {
      await refused(`${label} (If-Match "nonsense")`, method, concrete, { session, headers: { 'If-Match': '"nonsense"' } });
      await refused(`${label} (no If-Match)`, method, concrete, { session });
    }
    continue;
  }
  for (const [name, text] of malformed) {
    await refused(`${label} (${name})`, method, concrete, { body: text, session, headers });
  }
  await refused(`${label} (JSON as text/plain)`, method, concrete, {
    body: JSON.stringify(sample(jsonSchema)), type: 'text/plain', session, headers,
  });
  const schema = resolve(jsonSchema);
  if (schema.type !== 'object') continue;
  const skeleton = sample(schema);
  for (const [property, propertySchema] of Object.entries(schema.properties || {})) {
    if (resolve(propertySchema).readOnly) continue;
    for (const [name, value] of refusedValues(propertySchema)) {
      if (value === null && !(schema.required || []).includes(property)) continue;
      bodies++;
      await refused(`${label} (${property}: ${name})`, method, concrete, {
        body: JSON.stringify({ ...skeleton, [property]: value }), session, headers,
      });
    }
  }
}
console.log(`probe: ${operations.length} write routes, ${bodies} bodies with one refused value`);

// --- 2. hostile query values ------------------------------------------------------------------------

const hostile = ["'", '1 OR 1=1', "x' OR 'x'='x", '%00', '%FF%FE', '-1', '99999999999999999999', 'a'.repeat(5000),
  '<script>alert(1)</script>', '${jndi:ldap://x}', '../../etc/passwd', '%E2%80%AE'];
let queries = 0;
for (const [path, item] of Object.entries(document.paths)) {
  const operation = item.get;
  if (!operation || path.includes('{')) continue;
  const names = (operation.parameters || []).filter((p) => p.in === 'query').map((p) => p.name);
  for (const name of names) {
    for (const value of hostile) {
      const encoded = /^%/.test(value) ? value : encodeURIComponent(value);
      const answer = await send('GET', `${path}?${name}=${encoded}`, { session: office });
      queries++;
      checkAnswer(`GET ${path}?${name}=${value.slice(0, 30)}`, answer);
    }
  }
}
console.log(`probe: ${queries} hostile query values`);

// --- 3. raw HTTP: methods and headers ---------------------------------------------------------------

function raw(bytes, { timeout = 5000 } = {}) {
  return new Promise((resolveAnswer) => {
    const socket = net.connect(Number(port), hostname);
    let data = '';
    const done = () => {
      socket.destroy();
      resolveAnswer(data);
    };
    socket.setTimeout(timeout, done);
    socket.on('data', (chunk) => (data += chunk.toString('latin1')));
    socket.on('end', done);
    socket.on('error', done);
    socket.write(bytes);
  });
}
function statusOf(text) {
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(text);
  return match ? Number(match[1]) : 0;
}
const host = `Host: ${hostname}:${port}\r\n`;
const rawCases = [
  ['an unknown method', `FROB /api/v1/health HTTP/1.1\r\n${host}\r\n`],
  ['a 15 kB method', `${'M'.repeat(15000)} /api/v1/health HTTP/1.1\r\n${host}\r\n`],
  ['no Host', 'GET /api/v1/health HTTP/1.1\r\n\r\n'],
  ['a 64 kB header', `GET /api/v1/health HTTP/1.1\r\n${host}X-Big: ${'a'.repeat(65536)}\r\n\r\n`],
  ['a header without a colon', `GET /api/v1/health HTTP/1.1\r\n${host}Broken header\r\n\r\n`],
  ['a negative Content-Length', `POST /api/v1/institutions HTTP/1.1\r\n${host}Content-Length: -5\r\n\r\n`],
  ['two Content-Lengths', `POST /api/v1/institutions HTTP/1.1\r\n${host}Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}`],
  ['chunked garbage', `POST /api/v1/institutions HTTP/1.1\r\n${host}Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n`],
  ['a target that is no path', `GET http://evil.example/ HTTP/1.1\r\n${host}\r\n`],
  ['a target with NUL', `GET /api/v1/health%00.json HTTP/1.1\r\n${host}\r\n`],
  ['a path up out of the web folder', `GET /../../../../etc/passwd HTTP/1.1\r\n${host}\r\n`],
  ['HTTP/0.9', 'GET /\r\n'],
  ['HTTP/2 preface on HTTP/1.1', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'],
  ['a body beyond the limit', `POST /api/v1/institutions HTTP/1.1\r\n${host}Content-Type: application/json\r\nContent-Length: 50000000\r\n\r\n{`],
];
for (const [name, bytes] of rawCases) {
  const before = fingerprint();
  const text = await raw(bytes);
  requests++;
  const status = statusOf(text);
  if (status >= 500) finding(`raw ${name}: ${status}`);
  if (status === 0 && text.length > 0) finding(`raw ${name}: an answer that is no HTTP: ${text.slice(0, 80)}`);
  if (status >= 400 && !/content-type: application\/json/i.test(text) && !/^HEAD /.test(bytes)) {
    finding(`raw ${name}: ${status} without a JSON error`);
  }
  if (fingerprint() !== before) finding(`raw ${name}: the database changed`);
}
console.log(`probe: ${rawCases.length} raw requests`);

// --- 4. slow clients -----------------------------------------------------------------------------

const slow = [];
for (let i = 0; i < 40; i++) {
  const socket = net.connect(Number(port), hostname);
  socket.on('error', () => {});
  slow.push(socket);
}
const dribble = setInterval(() => slow.forEach((socket) => socket.write('G')), 500);
const started = Date.now();
let slowest = 0;
for (let i = 0; i < 10; i++) {
  const t0 = Date.now();
  const answer = await send('GET', '/api/v1/health');
  slowest = Math.max(slowest, Date.now() - t0);
  if (answer.status !== 200) finding(`while 40 slow clients dribble: health answered ${answer.status}`);
  await new Promise((r) => setTimeout(r, 300));
}
clearInterval(dribble);
if (slowest > 2000) finding(`while 40 slow clients dribble: health took ${slowest} ms`);
slow.forEach((socket) => socket.destroy());
console.log(`probe: 40 slow clients for ${Math.round((Date.now() - started) / 1000)} s, others answered within ${slowest} ms`);

console.log(`probe: ${requests} requests, ${findings.length} findings`);
process.exit(findings.length === 0 ? 0 : 1);
