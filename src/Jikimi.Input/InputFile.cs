using System.Text;

namespace Jikimi.Input;

/// <summary>An outside file read whole: its declared name (for messages only, never a path to open) and its bytes.</summary>
public sealed record InputBytes(string? Name, byte[] Bytes)
{
    public long Length => Bytes.LongLength;

    /// <summary>The bytes as strict UTF-8 text (one leading BOM removed), or <c>input.encoding</c>.</summary>
    public InputResult<string> Utf8() => InputText.Utf8(Bytes, Name);

    /// <summary>A read-only stream over the bytes.</summary>
    public MemoryStream OpenRead() => new(Bytes, writable: false);

    /// <summary>True when the bytes start with the zip signature (XLSX, DOCX …).</summary>
    public bool IsZip => Bytes is [0x50, 0x4B, 0x03, 0x04, ..];
}

/// <summary>
/// The one way to read an outside file with a size limit: an upload (any stream with a declared name and, if
/// known, a declared length — no ASP.NET type here) or a file on disk. A declared length over the limit is refused
/// before anything is read; the read itself is bounded too, because declarations lie.
/// </summary>
public static class InputFile
{
    /// <summary>Reads an upload body whole; <c>input.too_large</c>, or <c>input.empty</c> unless <paramref name="allowEmpty"/>.</summary>
    public static async Task<InputResult<InputBytes>> ReadAsync(Stream body, string? name, long? declaredLength, long limit, CancellationToken ct, bool allowEmpty = false)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (declaredLength > limit)
        {
            return InputError.TooLarge(name, limit);
        }

        try
        {
            using var bounded = new BoundedStream(body, limit, name, leaveOpen: true);
            using var buffer = new MemoryStream();
            await bounded.CopyToAsync(buffer, ct).ConfigureAwait(false);
            if (buffer.Length == 0 && !allowEmpty)
            {
                return InputError.Empty(name);
            }

            return new InputBytes(name, buffer.ToArray());
        }
        catch (InputException e)
        {
            return e.Error;
        }
    }

    /// <summary>Reads a file on disk whole (the file's name in messages); the same limits and errors as an upload.</summary>
    public static async Task<InputResult<InputBytes>> ReadFileAsync(string path, long limit, CancellationToken ct, bool allowEmpty = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        return await ReadAsync(file, Path.GetFileName(path), file.Length, limit, ct, allowEmpty).ConfigureAwait(false);
    }

    /// <summary>Opens a file on disk as a bounded stream for streaming readers (size checked first; the read is bounded too).</summary>
    public static InputResult<BoundedStream> OpenFile(string path, long limit)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: false);
        if (file.Length > limit)
        {
            file.Dispose();
            return InputError.TooLarge(Path.GetFileName(path), limit);
        }

        return new BoundedStream(file, limit, Path.GetFileName(path));
    }
}

/// <summary>Strict text decoding for outside files.</summary>
public static class InputText
{
    /// <summary>UTF-8 that refuses invalid bytes instead of replacing them with U+FFFD.</summary>
    public static UTF8Encoding StrictUtf8 { get; } = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The bytes as strict UTF-8 with one leading BOM removed; <c>input.encoding</c> names the line where the first
    /// invalid byte is (a CP949 file from Korean Excel fails here instead of importing garbled names).
    /// </summary>
    public static InputResult<string> Utf8(ReadOnlySpan<byte> bytes, string? name)
    {
        var body = bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;
        try
        {
            return StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            var valid = FirstInvalid(body);
            var line = 1L + body[..valid].Count((byte)'\n');
            return InputError.Encoding(new InputPlace(name, Line: line));
        }
    }

    private static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return i;
            }

            i += consumed;
        }

        return i;
    }
}
