using System.Text;
using Jikimi.Privacy.Detection;

namespace Jikimi.Privacy.Tests.Detection;

/// <summary>The vectorised context-word search agrees with a plain substring search of the same windows.</summary>
public class ContextWordsTests
{
    private static readonly string[] Fillers =
    [
        "고객 상담 내용을 정리하여", "전달하였습니다", "부서에", "Please review", "the report", "담당자", "하나 둘", "ts=", "x", " ", "-", "12",
        "전화", "휴대폰", "계좌", "국민", "PHONE", "Tel", "Contact", "여권", "Passport", "사업자", "Card", "카드", "licence", "면허", "mail", "이메일",
    ];

    /// <summary>The reference: lower-case ASCII, then look for each word wholly inside each window.</summary>
    private static bool Reference(byte[] text, int start, int end, PiiType type)
    {
        var words = ContextWords.Words(type).Select(Encoding.UTF8.GetBytes).ToArray();
        var lower = text.Select(b => b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b).ToArray();
        var before = lower.AsSpan(Math.Max(0, start - ContextWords.Before), Math.Min(start, ContextWords.Before));
        var after = lower.AsSpan(end, Math.Min(text.Length, end + ContextWords.After) - end);
        foreach (var w in words)
        {
            if (before.IndexOf(w) >= 0 || after.IndexOf(w) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    [Fact]
    public void Near_matches_a_plain_substring_search_on_random_text()
    {
        var rng = new Random(20261128);
        var checkedHits = 0;
        for (var round = 0; round < 3000; round++)
        {
            var sb = new StringBuilder();
            var parts = rng.Next(1, 30);
            for (var i = 0; i < parts; i++)
            {
                sb.Append(Fillers[rng.Next(Fillers.Length)]);
            }

            var text = Encoding.UTF8.GetBytes(sb.ToString());
            var start = rng.Next(0, text.Length + 1);
            var end = Math.Min(text.Length, start + rng.Next(0, 15));
            foreach (var type in PiiTypeNames.All)
            {
                var expected = Reference(text, start, end, type);
                Assert.True(expected == ContextWords.Near(text, start, end, type), $"{type} at {start}..{end} in \"{sb}\": expected {expected}");
                checkedHits += expected ? 1 : 0;
            }
        }

        Assert.True(checkedHits > 1000, $"the random texts should contain context words often ({checkedHits})");
    }

    [Theory]
    [InlineData("연락처 ", "PHONE", true)]
    [InlineData("TEL: ", "PHONE", true)]
    [InlineData("고객 상담 내용을 정리하여 담당 부서에 전달하였습니다 ", "PHONE", false)]
    [InlineData("국민은행 ", "BANK_ACCOUNT", true)]
    [InlineData("전달하였습니다 ", "BANK_ACCOUNT", false)]
    [InlineData("주민", "KR_RRN", true)]
    public void Words_before_a_match_count(string before, string type, bool expected)
    {
        var text = Encoding.UTF8.GetBytes(before + "0000000000 끝");
        var start = Encoding.UTF8.GetByteCount(before);
        Assert.True(PiiTypeNames.TryParse(type, out var t));
        Assert.Equal(expected, ContextWords.Near(text, start, start + 10, t));
    }
}
