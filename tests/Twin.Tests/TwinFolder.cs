namespace ContinuousImprovement.Local.Twin.Tests;

/// <summary>A fresh folder per test, removed afterwards.</summary>
internal sealed class TwinFolder : IDisposable
{
    public TwinFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ci-twin-" + Guid.NewGuid().ToString("N")[..12]);

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
