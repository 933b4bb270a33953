using System.Buffers;
using System.Text.Json;

namespace Jikimi.Checks.Inputs;

/// <summary>Streams a JSON export without holding it whole: every element of a top-level array (the document's own
/// array, or an array under a top-level property such as <c>Users</c>, <c>items</c>, <c>data</c>) is handed over
/// one at a time; any other top-level property is handed over as one value. Memory is bounded by the largest
/// single element (<see cref="MaxElementBytes"/>), not by the file.</summary>
internal sealed class JsonTopLevelScanner(string file)
{
    /// <summary>The largest single element accepted (a pod, a user, a security group is kilobytes).</summary>
    public const int MaxElementBytes = 64 * 1024 * 1024;

    private enum Mode { Start, InObject, InArray, Done }

    /// <summary>Receives (property name or null for a root array, value, came-from-array, index in array).</summary>
    public delegate void ValueHandler(string? property, JsonElement value, bool fromArray, long index);

    public void Scan(Stream stream, ValueHandler onValue)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(256 * 1024);
        try
        {
            ScanCore(stream, onValue, ref buffer);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void ScanCore(Stream stream, ValueHandler onValue, ref byte[] buffer)
    {
        var len = 0;
        var final = false;
        var state = new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var mode = Mode.Start;
        string? property = null;
        long index = 0;
        var sawAnything = false;
        long fileOffset = 0;

        while (true)
        {
            // Fill the free tail of the buffer.
            while (!final && len < buffer.Length)
            {
                var n = stream.Read(buffer, len, buffer.Length - len);
                if (n == 0)
                {
                    final = true;
                    break;
                }

                len += n;
            }

            if (fileOffset == 0 && !sawAnything && len >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
            {
                // A UTF-8 byte order mark (PowerShell and some editors write one): skip it.
                Buffer.BlockCopy(buffer, 3, buffer, 0, len - 3);
                len -= 3;
                fileOffset = 3;
            }

            if (final && len == 0 && !sawAnything)
            {
                throw new InputException(file, "", "the file is empty");
            }

            var reader = new Utf8JsonReader(buffer.AsSpan(0, len), final, state);
            var consumed = 0L;
            var stalled = false;
            try
            {
                while (true)
                {
                    var saved = reader.CurrentState;
                    var savedConsumed = reader.BytesConsumed;
                    if (!reader.Read())
                    {
                        if (final)
                        {
                            if (mode != Mode.Done)
                            {
                                throw new InputException(file, Place(reader, fileOffset), "the file ends in the middle of the JSON (truncated?)");
                            }

                            return;
                        }

                        stalled = true;
                        state = saved;
                        consumed = savedConsumed;
                        break;
                    }

                    sawAnything = true;
                    switch (mode)
                    {
                        case Mode.Start:
                            if (reader.TokenType == JsonTokenType.StartObject)
                            {
                                mode = Mode.InObject;
                            }
                            else if (reader.TokenType == JsonTokenType.StartArray)
                            {
                                mode = Mode.InArray;
                                property = null;
                                index = 0;
                            }
                            else
                            {
                                throw new InputException(file, Place(reader, fileOffset), "expected a JSON object or array at the top");
                            }

                            break;

                        case Mode.InObject:
                            if (reader.TokenType == JsonTokenType.EndObject)
                            {
                                mode = Mode.Done;
                                break;
                            }

                            var name = reader.GetString()!;
                            if (!reader.Read())
                            {
                                if (final)
                                {
                                    throw new InputException(file, Place(reader, fileOffset), "the file ends in the middle of the JSON (truncated?)");
                                }

                                stalled = true;
                                state = saved;
                                consumed = savedConsumed;
                                goto Refill;
                            }

                            if (reader.TokenType == JsonTokenType.StartArray)
                            {
                                mode = Mode.InArray;
                                property = name;
                                index = 0;
                                break;
                            }

                            if (!TryTakeValue(ref reader, buffer, name, false, 0, onValue))
                            {
                                stalled = true;
                                state = saved;
                                consumed = savedConsumed;
                                goto Refill;
                            }

                            break;

                        case Mode.InArray:
                            if (reader.TokenType == JsonTokenType.EndArray)
                            {
                                mode = property is null ? Mode.Done : Mode.InObject;
                                break;
                            }

                            if (!TryTakeValue(ref reader, buffer, property, true, index, onValue))
                            {
                                stalled = true;
                                state = saved;
                                consumed = savedConsumed;
                                goto Refill;
                            }

                            index++;
                            break;

                        case Mode.Done:
                            throw new InputException(file, Place(reader, fileOffset), "unexpected content after the end of the JSON document");
                    }
                }
            }
            catch (JsonException ex)
            {
                throw new InputException(file, $"line {(ex.LineNumber ?? 0) + 1}, column {(ex.BytePositionInLine ?? 0) + 1}", "not valid JSON (" + Short(ex.Message) + ")");
            }

        Refill:
            if (!stalled)
            {
                continue;
            }

            var keep = len - (int)consumed;
            if (consumed == 0)
            {
                // One element fills the whole buffer: grow it, up to the limit.
                if (buffer.Length >= MaxElementBytes)
                {
                    throw new InputException(file, $"byte {fileOffset}", $"a single element is larger than {MaxElementBytes / (1024 * 1024)} MB");
                }

                var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                Buffer.BlockCopy(buffer, 0, bigger, 0, len);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = bigger;
            }
            else
            {
                Buffer.BlockCopy(buffer, (int)consumed, buffer, 0, keep);
                len = keep;
                fileOffset += consumed;
            }
        }
    }

    private bool TryTakeValue(ref Utf8JsonReader reader, byte[] buffer, string? property, bool fromArray, long index, ValueHandler onValue)
    {
        var start = (int)reader.TokenStartIndex;
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            if (!reader.TrySkip())
            {
                return false;
            }
        }

        var end = (int)reader.BytesConsumed;
        var slice = new Utf8JsonReader(buffer.AsSpan(start, end - start), isFinalBlock: true, default);
        using var doc = JsonDocument.ParseValue(ref slice);
        try
        {
            onValue(property, doc.RootElement, fromArray, index);
        }
        catch (InputException)
        {
            throw;
        }

        return true;
    }

    private static string Place(Utf8JsonReader reader, long fileOffset) => $"byte {fileOffset + reader.BytesConsumed}";

    private static string Short(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut].TrimEnd('.', ' ') : message;
    }
}
