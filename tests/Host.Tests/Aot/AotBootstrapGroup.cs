namespace ContinuousImprovement.Host.Tests.Aot;

/// <summary>The tests that share one Native AOT publish.</summary>
[CollectionDefinition(Name)]
public sealed class AotBootstrapGroup : ICollectionFixture<AotBootstrapFixture>
{
    public const string Name = "AOT bootstrap (publishes once, ~20-30 s)";
}
