// jsii serves every CDK call through one Node process; test classes calling it from several threads at once are
// not a supported use, so the infra tests run one at a time (each check is milliseconds after the first synth).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
