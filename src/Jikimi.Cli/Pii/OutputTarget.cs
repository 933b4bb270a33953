using System.Text;

namespace Jikimi.Cli.Pii;

/// <summary>Where a report goes: a file (--out), the command's standard output, or memory. Bytes are UTF-8.</summary>
public sealed class OutputTarget : IDisposable
{
    private readonly Stream? _file;
    private readonly TextWriter? _writer;

    private OutputTarget(Stream? file, TextWriter? writer)
    {
        _file = file;
        _writer = writer;
    }

    public static OutputTarget ToFile(string path) => new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16), null);

    public static OutputTarget ToWriter(TextWriter writer) => new(null, writer);

    /// <summary>Bytes into a stream (e.g. a MemoryStream for `--upload-to`); disposing the target disposes it.</summary>
    public static OutputTarget ToStream(Stream stream) => new(stream, null);

    public void Write(ReadOnlySpan<byte> utf8)
    {
        if (_file is not null)
        {
            _file.Write(utf8);
        }
        else
        {
            _writer!.Write(Encoding.UTF8.GetString(utf8));
        }
    }

    public void Write(string text) => Write(Encoding.UTF8.GetBytes(text));

    public void Dispose()
    {
        _file?.Dispose();
        _writer?.Flush();
    }
}
