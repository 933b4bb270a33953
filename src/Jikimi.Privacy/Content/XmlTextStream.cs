using System.Text;
using System.Xml;

namespace Jikimi.Privacy.Content;

/// <summary>
/// The text of an Office Open XML or OWPML (.hwpx) part as a UTF-8 stream, pulled node by node: runs of one
/// paragraph are joined (an identifier split over two runs is found), paragraphs and rows end with '\n', cells
/// with '\t'. Spreadsheet cells that only point into the shared-string table and formulas are left out.
/// DTDs are refused (no entity expansion, no external resolution).
/// </summary>
internal sealed class XmlTextStream : Stream
{
    private readonly XmlReader _reader;
    private byte[] _pending = new byte[16 * 1024];
    private int _start;
    private int _end;
    private bool _sharedStringCell;
    private int _skipDepth = -1;

    public XmlTextStream(Stream xml)
    {
        _reader = XmlReader.Create(xml, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        });
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (_start == _end)
        {
            _start = _end = 0;
            if (!_reader.Read())
            {
                return 0;
            }

            Pull();
        }

        var n = Math.Min(buffer.Length, _end - _start);
        _pending.AsSpan(_start, n).CopyTo(buffer);
        _start += n;
        return n;
    }

    private void Pull()
    {
        switch (_reader.NodeType)
        {
            case XmlNodeType.Element:
                var name = _reader.LocalName;
                if (name == "c")
                {
                    _sharedStringCell = _reader.GetAttribute("t") == "s";
                }
                else if ((name == "v" && _sharedStringCell) || name is "f" or "instrText")
                {
                    _skipDepth = _reader.IsEmptyElement ? -1 : _reader.Depth;
                }
                else if (name is "tab")
                {
                    Append("\t");
                }
                else if (name is "br" or "cr" || (name == "p" && _reader.IsEmptyElement))
                {
                    Append("\n");
                }

                break;
            case XmlNodeType.EndElement:
                if (_reader.Depth == _skipDepth)
                {
                    _skipDepth = -1;
                }

                switch (_reader.LocalName)
                {
                    case "p" or "row" or "tr" or "si":
                        Append("\n");
                        break;
                    case "c" or "tc":
                        Append("\t");
                        break;
                }

                break;
            case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                if (_skipDepth < 0)
                {
                    Append(_reader.Value);
                }

                break;
        }
    }

    private void Append(string s)
    {
        var max = Encoding.UTF8.GetMaxByteCount(s.Length);
        if (_end + max > _pending.Length)
        {
            Array.Resize(ref _pending, Math.Max(_pending.Length * 2, _end + max));
        }

        _end += Encoding.UTF8.GetBytes(s, _pending.AsSpan(_end));
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _reader.Dispose();
        }

        base.Dispose(disposing);
    }
}
