using System.Text;

namespace Jikimi.Checks.Inputs;

/// <summary>A small RFC 4180 reader for the AWS IAM credential report. A local seam: it will give way to
/// Jikimi.Input's CSV reader once that lands (docs/adr/0045-check-inputs.md).</summary>
internal static class CsvRows
{
    /// <summary>Rows of fields; throws <see cref="InputException"/> naming the row on an unclosed quote.</summary>
    public static IEnumerable<(int Row, string[] Fields)> Read(TextReader text, string file)
    {
        var row = 0;
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var any = false;
        int c;
        while ((c = text.Read()) >= 0)
        {
            any = true;
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (text.Peek() == '"')
                    {
                        text.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    field.Append((char)c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inQuotes = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    row++;
                    yield return (row, fields.ToArray());
                    fields.Clear();
                    any = false;
                    break;
                default:
                    field.Append((char)c);
                    break;
            }
        }

        if (inQuotes)
        {
            throw new InputException(file, $"row {row + 1}", "a quoted field is not closed (truncated?)");
        }

        if (any)
        {
            fields.Add(field.ToString());
            yield return (row + 1, fields.ToArray());
        }
    }
}
