// Shared logic of the reference tools: loads the conformance cases and runs them on
// aws-local-stepfunctions with the same harness rules our engine's runner follows
// (Task outcomes by state name, Wait and Retry pauses forced to zero).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StateMachine, ExecutionError, ExecutionTimeoutError } from 'aws-local-stepfunctions';

export const casesRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'cases');

/** Every case file under cases/, as "group/case" ids, sorted so output is stable. */
export function listCaseIds() {
  const ids = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir).sort()) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith('.json')) ids.push(relative(casesRoot, full).split(sep).join('/').replace(/\.json$/, ''));
    }
  };
  walk(casesRoot);
  return ids;
}

/** Accepts "group/case", "group/case.json", a path to a case file, or a group name (all its cases). */
export function resolveCaseIds(args) {
  if (args.length === 0) return listCaseIds();
  const all = listCaseIds();
  const picked = new Set();
  for (const arg of args) {
    let id = arg.replace(/\\/g, '/').replace(/\.json$/, '');
    const marker = 'cases/';
    const at = id.lastIndexOf(marker);
    if (at >= 0) id = id.slice(at + marker.length);
    const matches = all.filter((c) => c === id || c.startsWith(`${id}/`));
    if (matches.length === 0) throw new Error(`no case matches '${arg}'`);
    matches.forEach((m) => picked.add(m));
  }
  return [...picked];
}

export function loadCase(id) {
  return JSON.parse(readFileSync(join(casesRoot, `${id}.json`), 'utf8'));
}

/** Every state of the definition, nested Parallel branches and Map processors included. */
export function allStates(definition) {
  const found = [];
  const visit = (machine) => {
    for (const [name, state] of Object.entries(machine?.States ?? {})) {
      found.push([name, state]);
      for (const branch of state.Branches ?? []) visit(branch);
      if (state.ItemProcessor) visit(state.ItemProcessor);
      if (state.Iterator) visit(state.Iterator);
    }
  };
  visit(definition);
  return found;
}

const clone = (value) => (value === undefined ? undefined : structuredClone(value));

function taskHandlers(definition, tasks) {
  const handlers = {};
  for (const [name, state] of allStates(definition)) {
    if (state.Type !== 'Task') continue;
    const outcomes = tasks?.[name];
    if (!Array.isArray(outcomes) || outcomes.length === 0) {
      throw new Error(`Task state '${name}' has no outcomes in "tasks"`);
    }
    let calls = 0;
    handlers[name] = async (input) => {
      // One outcome per call, in call order across the whole execution; the last one repeats.
      const outcome = outcomes[Math.min(calls, outcomes.length - 1)];
      calls += 1;
      if ('return' in outcome) return clone(outcome.return);
      if (outcome.echoInput === true) return clone(input);
      if (outcome.throw) {
        const error = new Error(outcome.throw.cause ?? '');
        error.name = outcome.throw.error;
        throw error;
      }
      throw new Error(`Task state '${name}': unknown outcome ${JSON.stringify(outcome)}`);
    };
  }
  return handlers;
}

function zeroPauses(definition) {
  const waitTimeOverrides = {};
  const retryIntervalOverrides = {};
  for (const [name, state] of allStates(definition)) {
    if (state.Type === 'Wait') waitTimeOverrides[name] = 0;
    if (Array.isArray(state.Retry)) retryIntervalOverrides[name] = 0;
  }
  return { waitTimeOverrides, retryIntervalOverrides };
}

/**
 * Runs one case on aws-local-stepfunctions and returns the execution result in the corpus' shape:
 * { status: "SUCCEEDED", output } | { status: "FAILED", error, cause } | { status: <harness problem>, error }.
 */
export async function runCase(testCase) {
  let machine;
  let overrides;
  try {
    overrides = { taskResourceLocalHandlers: taskHandlers(testCase.definition, testCase.tasks), ...zeroPauses(testCase.definition) };
  } catch (problem) {
    return { status: 'HARNESS_ERROR', error: problem.message };
  }
  try {
    // Definitions are validated once, by asl-validator 4 in verify-reference.mjs; the reference's own
    // (older, slow: ~100 ms a machine) validator would only repeat that work.
    machine = new StateMachine(clone(testCase.definition), { validationOptions: { noValidate: true } });
  } catch (problem) {
    return { status: 'DEFINITION_REJECTED', error: problem.message };
  }
  try {
    const execution = machine.run(clone(testCase.input ?? {}), { overrides, context: clone(testCase.context ?? {}) });
    const output = await execution.result;
    return { status: 'SUCCEEDED', output: output === undefined ? null : output };
  } catch (problem) {
    if (problem instanceof ExecutionError) {
      // The reference wraps the state's error: its name is the ASL error, its message the cause.
      const inner = problem.cause;
      return { status: 'FAILED', error: inner?.name ?? null, cause: inner?.message ?? null };
    }
    if (problem instanceof ExecutionTimeoutError) return { status: 'TIMED_OUT' };
    return { status: 'HARNESS_ERROR', error: String(problem?.stack ?? problem) };
  }
}

/** Runs the given cases concurrently; results keyed by case id in the order given. */
export async function runCases(ids) {
  const results = await Promise.all(ids.map(async (id) => [id, await runCase(loadCase(id))]));
  return Object.fromEntries(results);
}
