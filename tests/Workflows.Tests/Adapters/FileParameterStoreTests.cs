using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Local.Adapters;
using ContinuousImprovement.Workflows.Tests.Twin;

namespace ContinuousImprovement.Workflows.Tests.Adapters;

public sealed class FileParameterStoreTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly FileParameterStore store;

    public FileParameterStoreTests() => store = new FileParameterStore(folder["ssm/parameters.json"]);

    public void Dispose()
    {
        store.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task Each_write_increments_that_parameters_version_from_one()
    {
        var versions = new[]
        {
            await store.PutAsync("/CI/A", "1", default),
            await store.PutAsync("/CI/A", "2", default),
            await store.PutAsync("/CI/B", "x", default),
        };

        Assert.Equal([1L, 2L, 1L], versions);
        Assert.Equal(new StoredParameter("/CI/A", "2", 2), await store.GetAsync("/CI/A", default));
        Assert.Null(await store.GetAsync("/CI/Missing", default));
    }

    [Fact]
    public async Task Listing_a_path_returns_only_the_parameters_directly_under_it_by_name()
    {
        await store.PutAsync("/CI/B", "b", default);
        await store.PutAsync("/CI/A", "a", default);
        await store.PutAsync("/CI/Nested/C", "c", default);
        await store.PutAsync("/CIX/D", "d", default);

        var listed = await store.GetByPathAsync("/CI/", default);

        Assert.Equal(["/CI/A", "/CI/B"], listed.Select(p => p.Name));
        Assert.Equal(["/CI/A", "/CI/B"], (await store.GetByPathAsync("/CI", default)).Select(p => p.Name));
    }

    [Fact]
    public async Task A_value_rewritten_at_once_with_the_same_length_is_read_back_new_by_every_store()
    {
        using var other = new FileParameterStore(folder["ssm/parameters.json"]);
        for (var i = 0; i < 20; i++)
        {
            var value = (i % 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await other.PutAsync("/p/Units", value, default);

            // The file's write time may not move between two quick writes; the store must still see the new value.
            Assert.Equal(value, (await store.GetAsync("/p/Units", default))!.Value);
        }
    }

    [Fact]
    public async Task Another_store_on_the_same_file_reads_what_was_written()
    {
        await store.PutAsync("/CI/A", "kept", default);
        using var reopened = new FileParameterStore(folder["ssm/parameters.json"]);

        Assert.Equal("kept", (await reopened.GetAsync("/CI/A", default))!.Value);
    }

    [Fact]
    public async Task Concurrent_writers_on_one_file_lose_no_write()
    {
        using var other = new FileParameterStore(folder["ssm/parameters.json"]);

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => (i % 2 == 0 ? store : other).PutAsync("/CI/Counter", i.ToString(), default))));

        Assert.Equal(40, (await store.GetAsync("/CI/Counter", default))!.Version);
        Assert.Single(Directory.EnumerateFiles(folder["ssm"], "*.json"));
    }

    [Fact]
    public async Task A_create_over_version_zero_of_an_existing_parameter_is_a_conflict_and_writes_nothing()
    {
        await store.PutAsync("/CI/System", "first", default);
        await store.PutAsync("/CI/System", "second", default);

        var error = await Assert.ThrowsAsync<PortException>(() => store.PutAfterAsync("/CI/System", "late create", 0, default));

        Assert.Equal(PortFailure.Conflict, error.Failure);
        Assert.Equal(new StoredParameter("/CI/System", "second", 2), await store.GetAsync("/CI/System", default));
    }

    [Fact]
    public async Task A_create_over_version_zero_of_an_absent_parameter_makes_version_one()
    {
        var write = await store.PutAfterAsync("/CI/System", "created", 0, default);

        Assert.Equal(new ParameterWrite(0, 1), write);
        Assert.False(write.Interleaved);
        Assert.Equal(new StoredParameter("/CI/System", "created", 1), await store.GetAsync("/CI/System", default));
    }

    [Fact]
    public async Task A_write_over_a_stale_version_lands_and_reports_the_writes_it_replaced_unseen()
    {
        await store.PutAsync("/CI/System", "read", default);
        using var other = new FileParameterStore(folder["ssm/parameters.json"]);
        await other.PutAsync("/CI/System", "unseen", default);

        var write = await store.PutAfterAsync("/CI/System", "mine", 1, default);

        Assert.Equal(new ParameterWrite(1, 3), write);
        Assert.True(write.Interleaved);
        Assert.Equal(new StoredParameter("/CI/System", "mine", 3), await other.GetAsync("/CI/System", default));
    }

    [Fact]
    public async Task A_write_over_the_current_version_is_not_interleaved()
    {
        await store.PutAsync("/CI/System", "one", default);
        await store.PutAsync("/CI/System", "two", default);

        var write = await store.PutAfterAsync("/CI/System", "three", 2, default);

        Assert.Equal(new ParameterWrite(2, 3), write);
        Assert.False(write.Interleaved);
        Assert.Equal(new StoredParameter("/CI/System", "three", 3), await store.GetAsync("/CI/System", default));
    }

    [Theory]
    [InlineData("/CI/A", "")]
    [InlineData("/CI/bad name", "x")]
    [InlineData("/CI//A", "x")]
    [InlineData("/CI/", "x")]
    public async Task Empty_values_and_malformed_names_are_invalid(string name, string value)
    {
        var error = await Assert.ThrowsAsync<PortException>(() => store.PutAsync(name, value, default));

        Assert.Equal(PortFailure.Invalid, error.Failure);
    }

    [Fact]
    public async Task A_value_longer_than_a_standard_parameter_holds_is_invalid()
    {
        var error = await Assert.ThrowsAsync<PortException>(() => store.PutAsync("/CI/Long", new string('x', FileParameterStore.MaxValueLength + 1), default));

        Assert.Contains("1 to 4096 characters", error.Message, StringComparison.Ordinal);
    }
}
