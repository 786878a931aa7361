namespace ContinuousImprovement.Workflows.Tests.Twin;

/// <summary>A fresh folder per test, removed afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ci-workflows-" + Guid.NewGuid().ToString("N")[..12]);

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    public void Dispose()
    {
        // SQLite's pooled connections keep the file open a moment; leftovers in /tmp are harmless.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
