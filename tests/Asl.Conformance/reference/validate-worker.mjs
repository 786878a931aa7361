// Validates case definitions with asl-validator off the main thread: asl-validator builds a new
// JSON-schema compiler on every call (~100 ms), so the corpus is split across workers.
import { parentPort, workerData } from 'node:worker_threads';
import aslValidator from 'asl-validator';
import { loadCase } from './corpus.mjs';

const problems = {};
for (const id of workerData.ids) {
  let definition;
  try {
    definition = loadCase(id).definition;
  } catch {
    continue; // unreadable files are reported by the main thread
  }
  if (typeof definition !== 'object' || definition === null) continue;
  // asl-validator annotates the object it is given, which is a private copy here anyway.
  const { isValid, errorsText } = aslValidator(definition, { checkArn: true, checkPaths: true });
  if (!isValid) problems[id] = `asl-validator: ${errorsText('; ')}`;
}
parentPort.postMessage(problems);
