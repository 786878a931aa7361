// Runs one benchmark scenario on aws-local-stepfunctions (the reference ASL interpreter) and prints its
// figures as JSON. Usage: node reference-bench.mjs <scenario.json>; the scenario file is written by the
// C# benchmark so both engines run the very same definition and input.
import { readFileSync } from 'node:fs';
import { StateMachine } from 'aws-local-stepfunctions';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const definition = JSON.parse(spec.definition);
const input = JSON.parse(spec.input);
const machine = new StateMachine(definition, { validationOptions: { noValidate: true } });

let calls = 0;
const ok = { ok: true };
const work = async () => {
  // Fail the first N calls of each execution, as the C# side does.
  if (spec.failuresBeforeSuccess > 0 && calls++ % (spec.failuresBeforeSuccess + 1) < spec.failuresBeforeSuccess) {
    const error = new Error('try again');
    error.name = 'Transient';
    throw error;
  }
  return ok;
};

const overrides = { taskResourceLocalHandlers: {}, waitTimeOverrides: {}, retryIntervalOverrides: {} };
const visit = (states) => {
  for (const [name, state] of Object.entries(states)) {
    if (state.Type === 'Task') overrides.taskResourceLocalHandlers[name] = work;
    if (state.Type === 'Wait') overrides.waitTimeOverrides[name] = 0;
    if (state.Retry) overrides.retryIntervalOverrides[name] = 0;
    for (const nested of [state.ItemProcessor, state.Iterator, ...(state.Branches ?? [])]) if (nested) visit(nested.States);
  }
};
visit(definition.States);

const runOnce = () => machine.run(structuredClone(input), { overrides }).result;
for (let i = 0; i < Math.min(200, spec.executions); i++) await runOnce();

const start = process.hrtime.bigint();
for (let i = 0; i < spec.executions; i++) await runOnce();
const seconds = Number(process.hrtime.bigint() - start) / 1e9;

console.log(JSON.stringify({
  transitions: spec.executions * spec.statesPerExecution,
  seconds,
  peakRssMiB: process.resourceUsage().maxRSS / 1024,
}));
