#!/usr/bin/env node
// Validates every answer an API test run received against the OpenAPI document the server serves.
//
//   node tests/api/validate-responses.mjs RESPONSES.jsonl     (written by the API tests when
//                                                              WELTCAMPUS_RESPONSE_LOG names it)
//   node tests/api/validate-responses.mjs --document FILE     (checks the document alone)
//
// The log holds one JSON object a line: {"kind": "openapi", "document": {...}} (written by the test
// environment when the server is up) and {"kind": "response", "method", "target", "status",
// "content_type", "body"} for every answer. Each answer is matched to its operation (path template
// and method, literal segments before parameters, as the server's router does) and its body
// validated with ajv (JSON Schema 2020-12) against the schema the operation declares for that
// status. It fails on a body that does not match, and on an answer whose operation or status the
// document does not describe. Two kinds of answer have no operation by nature and are checked
// against the Error schema instead: 404 for a path no route has, 405 for a method a path lacks.
// Paths outside /api/ and /metrics are the web application's static files: not part of the API.
// Nothing is fetched over the network.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const ROOT_ID = 'https://weltcampus.invalid/openapi.json';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

function fail(message) {
  console.error(`validate-responses: ${message}`);
  process.exit(2);
}

// "#/components/schemas/X" -> "#/$defs/X", everywhere in a schema.
function rewriteRefs(value) {
  if (Array.isArray(value)) {
    return value.map(rewriteRefs);
  }
  if (value && typeof value === 'object') {
    const out = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] =
        key === '$ref' && typeof item === 'string' && item.startsWith('#/components/schemas/')
          ? `#/$defs/${item.slice('#/components/schemas/'.length)}`
          : rewriteRefs(item);
    }
    return out;
  }
  return value;
}

// Compiles every schema of the document; answers the validator of a component by name and the
// problems found (unresolvable $ref, a schema ajv cannot compile, a response without a schema).
export function loadDocument(document) {
  const problems = [];
  if (!document || typeof document !== 'object' || !/^3\.1\./.test(document.openapi ?? '')) {
    return { problems: ['not an OpenAPI 3.1 document'] };
  }
  const components = document.components?.schemas ?? {};
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addSchema({ $id: ROOT_ID, $defs: rewriteRefs(components) });
  const validators = new Map();
  for (const name of Object.keys(components)) {
    try {
      validators.set(name, ajv.getSchema(`${ROOT_ID}#/$defs/${name}`));
    } catch (error) {
      problems.push(`components/schemas/${name} does not compile: ${error.message}`);
    }
  }
  const refOf = (media, where) => {
    const ref = media?.schema?.$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#/components/schemas/')) {
      problems.push(`${where}: the JSON body has no $ref to a component schema`);
      return null;
    }
    const name = ref.slice('#/components/schemas/'.length);
    if (!validators.has(name)) {
      problems.push(`${where}: $ref ${ref} does not resolve`);
      return null;
    }
    return name;
  };
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const body = operation.requestBody?.content?.['application/json'];
      // An uploaded file (an import's list) is described by its media type, not by a record schema.
      if (body && !body.schema?.contentMediaType) {
        refOf(body, `${where} request body`);
      }
      const responses = operation.responses ?? {};
      if (!Object.keys(responses).some((status) => /^2\d\d$/.test(status))) {
        problems.push(`${where}: no success response`);
      }
      for (const [status, response] of Object.entries(responses)) {
        const json = response.content?.['application/json'];
        if (json) {
          const name = refOf(json, `${where} ${status}`);
          if (name && /^[45]\d\d$/.test(status) && name !== 'Error' && status !== '503') {
            problems.push(`${where} ${status}: an error status must answer the Error schema`);
          }
        } else if (status !== '204' && status !== '304' && !response.content) {
          problems.push(`${where} ${status}: no content declared`);
        }
      }
    }
  }
  return { validators, problems };
}

// The server's segments: empty ones (double or trailing slashes) do not count.
function segmentsOf(path) {
  return path.split('/').filter((segment) => segment.length > 0);
}

function decode(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

// Literal segments beat parameters: /partnerships/map is not partnership "map".
function matchPath(document, target) {
  const path = target.split('?')[0];
  const segments = segmentsOf(path).map(decode);
  let best = null;
  for (const [template, item] of Object.entries(document.paths ?? {})) {
    const expected = segmentsOf(template);
    if (expected.length !== segments.length) continue;
    let parameters = 0;
    let same = true;
    for (let i = 0; i < expected.length && same; i++) {
      if (expected[i].startsWith('{') && expected[i].endsWith('}')) {
        parameters++;
      } else {
        same = expected[i] === segments[i];
      }
    }
    if (same && (best === null || parameters < best.parameters)) {
      best = { template, item, parameters };
    }
  }
  return best;
}

function describeErrors(errors) {
  return (errors ?? [])
    .slice(0, 5)
    .map((error) => `${error.instancePath || '/'} ${error.message}${
      error.params && Object.keys(error.params).length ? ` ${JSON.stringify(error.params)}` : ''}`)
    .join('; ');
}

function validateBody(validators, name, entry) {
  if (!(entry.content_type ?? '').startsWith('application/json')) {
    return `Content-Type is "${entry.content_type}", not application/json`;
  }
  let body;
  try {
    body = JSON.parse(entry.body);
  } catch {
    return 'the body is not JSON';
  }
  const validate = validators.get(name);
  if (!validate(body)) {
    return `does not match ${name}: ${describeErrors(validate.errors)}`;
  }
  return null;
}

function check(document, validators, entry) {
  const method = (entry.method ?? '').toLowerCase();
  const target = entry.target ?? '';
  const path = target.split('?')[0];
  if (!path.startsWith('/api/') && path !== '/metrics') {
    return { outcome: 'static' };
  }
  const found = matchPath(document, target);
  if (!found) {
    if (entry.status === 404 || entry.status === 400) {
      // No route has this path (or the request line is refused before routing).
      const problem = validateBody(validators, 'Error', entry);
      return problem ? { outcome: 'fail', problem } : { outcome: 'unrouted' };
    }
    return { outcome: 'fail', problem: 'no operation in the document has this path' };
  }
  const operation = found.item[method] ?? (method === 'head' ? found.item.get : undefined);
  const label = `${method.toUpperCase()} ${found.template}`;
  if (!operation) {
    if (entry.status === 405 || entry.status === 400) {
      const problem = validateBody(validators, 'Error', entry);
      return problem ? { outcome: 'fail', label, problem } : { outcome: 'unrouted' };
    }
    return { outcome: 'fail', label, problem: `the document has no ${method.toUpperCase()} for this path` };
  }
  const response = operation.responses?.[String(entry.status)];
  if (!response) {
    return { outcome: 'fail', label, problem: `status ${entry.status} is not described` };
  }
  if (method === 'head' || entry.status === 204 || entry.status === 304) {
    return entry.body && method !== 'head'
      ? { outcome: 'fail', label, problem: 'a body where none is described' }
      : { outcome: 'ok', label };
  }
  const content = response.content ?? {};
  const declared = Object.keys(content);
  if (declared.length === 0) {
    return entry.body
      ? { outcome: 'fail', label, problem: 'a body where none is described' }
      : { outcome: 'ok', label };
  }
  const type = (entry.content_type ?? '').split(';')[0].trim();
  const media = declared.find((candidate) => candidate.split(';')[0].trim() === type);
  if (!media) {
    return { outcome: 'fail', label, problem: `Content-Type "${entry.content_type}" is not described (${declared.join(', ')})` };
  }
  if (media === 'application/json') {
    const name = content[media].schema.$ref.slice('#/components/schemas/'.length);
    const problem = validateBody(validators, name, entry);
    if (problem) return { outcome: 'fail', label, problem };
  }
  return { outcome: 'ok', label };
}

function main(argv) {
  let document;
  let entries = [];
  if (argv[0] === '--document') {
    if (!argv[1]) fail('usage: validate-responses.mjs --document FILE');
    document = JSON.parse(readFileSync(argv[1], 'utf8'));
  } else {
    if (!argv[0]) fail('usage: validate-responses.mjs RESPONSES.jsonl | --document FILE');
    const lines = readFileSync(argv[0], 'utf8').split('\n').filter((line) => line.trim());
    for (const [index, line] of lines.entries()) {
      let record;
      try {
        record = JSON.parse(line);
      } catch {
        fail(`${argv[0]}:${index + 1}: not JSON`);
      }
      if (record.kind === 'openapi') document = record.document;
      else if (record.kind === 'response') entries.push(record);
    }
    if (!document) fail(`${argv[0]} holds no OpenAPI document (kind "openapi")`);
  }

  const { validators, problems } = loadDocument(document);
  if (problems.length > 0) {
    console.error(`validate-responses: the OpenAPI document is not valid (${problems.length} problems):`);
    for (const problem of problems) console.error(`  ${problem}`);
    process.exit(1);
  }
  const operations = Object.values(document.paths).reduce(
    (count, item) => count + METHODS.filter((method) => item[method]).length, 0);
  console.log(`validate-responses: the document compiles: ${validators.size} schemas, ${operations} operations`);
  if (argv[0] === '--document') return;

  const counts = { ok: 0, static: 0, unrouted: 0, fail: 0 };
  const failures = new Map();  // one line per distinct problem, with how often
  const covered = new Set();
  for (const entry of entries) {
    const result = check(document, validators, entry);
    counts[result.outcome]++;
    if (result.label) covered.add(result.label);
    if (result.outcome === 'fail') {
      const key = `${entry.method} ${entry.target.split('?')[0]} -> ${entry.status}: ${result.problem}`;
      failures.set(key, (failures.get(key) ?? 0) + 1);
    }
  }
  console.log(
    `validate-responses: ${entries.length} answers: ${counts.ok} validated against their operation, ` +
    `${counts.unrouted} 404/405 without an operation (Error schema), ${counts.static} static files, ` +
    `${counts.fail} failed; ${covered.size} of ${operations} operations seen`);
  if (failures.size > 0) {
    console.error(`validate-responses: ${counts.fail} answers do not match the OpenAPI document:`);
    for (const [key, times] of failures) {
      console.error(`  ${key}${times > 1 ? ` (${times} times)` : ''}`);
    }
    process.exit(1);
  }
}

main(process.argv.slice(2));
