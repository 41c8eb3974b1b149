namespace Analytics.Core.Reports.Rendering;

/// <summary>
/// A write-only, forward-only stream that holds what a synchronous writer (a zip archive, an XML writer) gives it until
/// <see cref="DrainAsync"/> moves it to the real output asynchronously. Draining often keeps memory at a few tens of
/// kilobytes for any file size, and the real output (an HTTP response) is never written synchronously.
/// </summary>
internal sealed class OutputSpool : Stream
{
    private readonly MemoryStream _held = new();
    private long _written;

    /// <summary>Bytes held, not drained yet.</summary>
    public long Held => _held.Length;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _held.Write(buffer);
        _written += buffer.Length;
    }

    public override void WriteByte(byte value)
    {
        _held.WriteByte(value);
        _written++;
    }

    /// <summary>Moves every held byte to <paramref name="output"/>.</summary>
    public async Task DrainAsync(Stream output, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (_held.Length == 0) return;
        await output.WriteAsync(_held.GetBuffer().AsMemory(0, (int)_held.Length), ct);
        _held.SetLength(0);
    }

    public override void Flush() { }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _held.Dispose();
        base.Dispose(disposing);
    }
}
