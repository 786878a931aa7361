using ContinuousImprovement.Host;
using ContinuousImprovement.Host.Runtime;

var host = new LambdaHost(HandlerRegistrations.CreateCatalog(), HostSettings.FromEnvironment());
return await host.RunAsync(CancellationToken.None).ConfigureAwait(false);
