using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Jikimi.Input;

/// <summary>
/// Reads a line-based text file (a log, a list) as strict UTF-8, one line at a time with its number, never holding
/// more than <c>maxLineChars</c> characters of one line. CRLF, LF and CR end a line; one leading BOM is skipped.
/// Failures are values: <see cref="TryRead"/> returns false and <see cref="Error"/> holds <c>input.line_too_long</c>
/// or <c>input.encoding</c> with the line number (or <c>input.too_large</c> from a <see cref="BoundedStream"/> below).
/// </summary>
public sealed class LineReader(TextReader reader, string? name, int maxLineChars) : IDisposable
{
    private readonly StringBuilder _line = new();
    private bool _started;

    /// <summary>The number of the line last read (1-based).</summary>
    public long LineNumber { get; private set; }

    public InputError? Error { get; private set; }

    /// <summary>Reads a stream as strict UTF-8; the reader owns the stream.</summary>
    public static LineReader Open(Stream stream, string? name, int maxLineChars) =>
        new(new StreamReader(stream ?? throw new ArgumentNullException(nameof(stream)), InputText.StrictUtf8, detectEncodingFromByteOrderMarks: false), name, maxLineChars);

    public bool TryRead([NotNullWhen(true)] out string? line)
    {
        line = null;
        if (Error is not null)
        {
            return false;
        }

        try
        {
            if (!_started)
            {
                _started = true;
                if (reader.Peek() == '\uFEFF')
                {
                    reader.Read();
                }
            }

            _line.Clear();
            var c = reader.Read();
            if (c < 0)
            {
                return false;
            }

            LineNumber++;
            while (c >= 0 && c != '\n' && c != '\r')
            {
                if (_line.Length >= maxLineChars)
                {
                    Error = InputError.LineTooLong(new InputPlace(name, LineNumber), maxLineChars);
                    return false;
                }

                _line.Append((char)c);
                c = reader.Read();
            }

            if (c == '\r' && reader.Peek() == '\n')
            {
                reader.Read();
            }

            line = _line.ToString();
            return true;
        }
        catch (InputException e)
        {
            Error = e.Error;
            return false;
        }
        catch (DecoderFallbackException)
        {
            Error = InputError.Encoding(new InputPlace(name, Math.Max(LineNumber, 1)));
            return false;
        }
    }

    public void Dispose() => reader.Dispose();
}
