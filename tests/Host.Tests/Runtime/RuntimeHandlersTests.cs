using ContinuousImprovement.Host.Runtime;

namespace ContinuousImprovement.Host.Tests.Runtime;

public sealed class RuntimeHandlersTests
{
    private static readonly LambdaHandler Nothing = (payload, _, _) => ValueTask.FromResult(payload);

    [Fact]
    public void The_built_in_catalog_serves_the_diagnostic_handlers()
    {
        Assert.All(["context", "echo", "fail", "wait"], name => Assert.Contains(name, HandlerRegistrations.CreateCatalog().Names));
    }

    [Fact]
    public void Registering_a_name_twice_is_refused()
    {
        var catalog = new RuntimeHandlers().Add("detect", Nothing);

        var error = Assert.Throws<ArgumentException>(() => catalog.Add("detect", Nothing));

        Assert.StartsWith("A handler named 'detect' is already registered.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("two words")]
    public void A_name_that_cannot_be_a_HANDLER_value_is_refused(string name)
    {
        Assert.ThrowsAny<ArgumentException>(() => new RuntimeHandlers().Add(name, Nothing));
    }

    [Fact]
    public void Only_the_factory_of_the_handler_being_served_runs()
    {
        var built = new List<string>();
        var catalog = new RuntimeHandlers()
            .Add("detect", () => { built.Add("detect"); return Nothing; })
            .Add("file", () => { built.Add("file"); return Nothing; });

        Assert.True(catalog.TryCreate("file", out _));
        Assert.False(catalog.TryCreate("train", out var missing));

        Assert.Equal(["file"], built);
        Assert.Null(missing);
    }

    [Fact]
    public void Handler_names_are_case_sensitive_as_environment_values_are()
    {
        var catalog = new RuntimeHandlers().Add("echo", Nothing);

        Assert.True(catalog.Contains("echo"));
        Assert.False(catalog.Contains("Echo"));
    }
}
