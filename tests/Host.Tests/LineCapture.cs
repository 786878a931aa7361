using System.Text;
using System.Text.Json;

namespace ContinuousImprovement.Host.Tests;

/// <summary>A write-only stream that keeps what the host logs as lines, safe to read while the host writes.</summary>
public sealed class LineCapture : Stream
{
    private readonly Lock gate = new();
    private readonly MemoryStream bytes = new();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (gate)
            {
                return Encoding.UTF8.GetString(bytes.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            }
        }
    }

    /// <summary>Every line parsed as JSON (a line that is not JSON fails the test that asks).</summary>
    public IReadOnlyList<JsonElement> JsonLines => [.. Lines.Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    public override void Write(byte[] buffer, int offset, int count)
    {
        lock (gate)
        {
            bytes.Write(buffer, offset, count);
        }
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        lock (gate)
        {
            bytes.Write(buffer);
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            bytes.Dispose();
        }

        base.Dispose(disposing);
    }
}
