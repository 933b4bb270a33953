using System.Diagnostics;
using Jikimi.Privacy.Scanning;

namespace Jikimi.Cli.Pii;

/// <summary>
/// PDF text through poppler's `pdftotext -enc UTF-8 FILE -` (no PDF library is served here; docs/adr). When the
/// program is missing, PDFs are skipped with that reason.
/// </summary>
public sealed class PdfToText : IExternalTextExtractor
{
    private readonly string? _program;

    /// <summary>Uses pdftotext from PATH, when it is there.</summary>
    public PdfToText()
        : this(FindOnPath("pdftotext"))
    {
    }

    private PdfToText(string? program) => _program = program;

    /// <summary>An extractor without the program (what a machine without poppler-utils sees).</summary>
    public static PdfToText Unavailable() => new(null);

    public bool Available => _program is not null;

    public bool Handles(string path, ReadOnlySpan<byte> head) =>
        head.StartsWith("%PDF"u8) || path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase);

    public Stream? Open(string path, out string? skipReason)
    {
        if (_program is null)
        {
            skipReason = "PDF: pdftotext not installed (Debian: apt install poppler-utils)";
            return null;
        }

        var psi = new ProcessStartInfo(_program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])["-enc", "UTF-8", "-q", path, "-"])
        {
            psi.ArgumentList.Add(a);
        }

        var process = Process.Start(psi)!;
        process.ErrorDataReceived += (_, _) => { }; // drained and dropped: messages could quote the document
        process.BeginErrorReadLine();
        skipReason = null;
        return new ProcessOutputStream(process);
    }

    internal static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists);

    /// <summary>The process's standard output; disposing it ends the process.</summary>
    private sealed class ProcessOutputStream(Process process) : Stream
    {
        private readonly Stream _out = process.StandardOutput.BaseStream;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _out.Read(buffer, offset, count);

        public override int Read(Span<byte> buffer) => _out.Read(buffer);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private bool _disposed;

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_disposed)
            {
                _disposed = true;
                if (!process.HasExited)
                {
                    process.Kill();
                }

                process.WaitForExit();
                process.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
