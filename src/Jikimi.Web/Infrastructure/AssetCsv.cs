using System.Text;
using Jikimi.Application.Assets;
using Jikimi.Domain.Common;
using nietras.SeparatedValues;

namespace Jikimi.Web.Infrastructure;

/// <summary>
/// CSV ⇄ <see cref="AssetSheet"/> with Sep (RFC 4180 quoting, UTF-8 with or without BOM). Only cells move here;
/// the import rules live in the use case, so the XLSX reader can feed the same sheet later (ADR 0015). A cell a
/// spreadsheet would run as a formula is written with a leading apostrophe and read back without it (the reversible
/// <see cref="Jikimi.Reports.Xlsx.FormulaGuard"/> the XLSX sheets use), so an export imports back unchanged.
/// </summary>
public static class AssetCsv
{
    public const long MaxBytes = 20 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The size refusal for a declared length over the limit (before anything is read), or null.</summary>
    public static DomainError? TooLarge(long? declaredLength) => declaredLength > MaxBytes ? new ImportTooLarge(MaxBytes) : null;

    /// <summary>
    /// The one reading of an uploaded asset file, for the endpoint and the page alike: bounded to <see cref="MaxBytes"/>,
    /// CSV (strict UTF-8) or XLSX, and every way it can fail as an error value (<c>import.too_large</c>,
    /// <c>import.not_utf8</c>, <c>import.empty</c>, <c>import.sheet.*</c>) instead of an exception.
    /// </summary>
    public static async Task<Result<AssetSheet>> ReadUploadAsync(Stream body, CancellationToken ct)
    {
        using var limited = new LimitedStream(body, MaxBytes);
        try
        {
            var (sheet, problem) = await ReadAnyAsync(limited, ct);
            if (problem is not null)
            {
                return new ImportSheetUnreadable(problem.Code, problem.ToString());
            }

            return sheet is null ? new ImportEmpty() : sheet;
        }
        catch (LimitedStream.TooLongException)
        {
            return new ImportTooLarge(MaxBytes);
        }
        catch (DecoderFallbackException)
        {
            return new ImportNotUtf8();
        }
    }

    /// <summary>
    /// A CSV or XLSX file (told apart by the zip signature) as an asset sheet. Null sheet and null problem for an empty
    /// body; a problem (with its cell) for an unreadable workbook; throws <see cref="DecoderFallbackException"/> when a
    /// CSV is not UTF-8.
    /// </summary>
    public static async Task<(AssetSheet? Sheet, Jikimi.Reports.Xlsx.SheetProblem? Problem)> ReadAnyAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, ct);
        if (buffer.Length >= 4 && buffer.GetBuffer() is [0x50, 0x4B, 0x03, 0x04, ..])
        {
            buffer.Position = 0;
            return Jikimi.Reports.Assets.AssetXlsx.Read(buffer);
        }

        buffer.Position = 0;
        return (await ReadAsync(buffer, ct), null);
    }

    /// <summary>Null for an empty body; throws <see cref="DecoderFallbackException"/> when the file is not UTF-8.</summary>
    public static async Task<AssetSheet?> ReadAsync(Stream body, CancellationToken ct)
    {
        // Buffered (bounded): a partial read must import nothing anyway. Strict UTF-8, so a file saved as CP949
        // ("CSV (쉼표로 분리)" in Korean Excel) is refused instead of importing garbled names.
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, ct);
        var text = StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true, HasHeader = true }).FromText(text);
        var columns = reader.Header.ColNames.ToList();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var row in reader)
        {
            var cells = new string[row.ColCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = Jikimi.Reports.Xlsx.FormulaGuard.Restore(row[i].ToString()); // undoes the export's guard
            }

            rows.Add(cells);
        }

        return new AssetSheet(columns, rows);
    }

    public static string Write(AssetSheet sheet)
    {
        var sb = new StringBuilder();
        using (var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(new StringWriter(sb)))
        {
            foreach (var cells in sheet.Rows)
            {
                using var row = writer.NewRow();
                for (var i = 0; i < sheet.Columns.Count; i++)
                {
                    row[sheet.Columns[i]].Set(Jikimi.Reports.Xlsx.FormulaGuard.Neutralize(i < cells.Count ? cells[i] : string.Empty));
                }
            }

            if (sheet.Rows.Count == 0)
            {
                // Sep writes the header with the first row; an empty inventory still gets the template header.
                return string.Join(',', sheet.Columns) + "\r\n";
            }
        }

        return sb.ToString();
    }

    /// <summary>Reads at most a given number of bytes, then throws.</summary>
    private sealed class LimitedStream(Stream inner, long max) : Stream
    {
        private long _read;

        public sealed class TooLongException : Exception;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int n)
        {
            _read += n;
            return _read > max ? throw new TooLongException() : n;
        }
    }
}
