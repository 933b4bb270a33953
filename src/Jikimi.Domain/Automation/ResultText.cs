using System.Text;
using System.Text.RegularExpressions;

namespace Jikimi.Domain.Automation;

/// <summary>
/// Cleans text from a tool's output before it becomes evidence: control characters go, values that look like
/// secrets (AWS access keys, "password=…", bearer tokens, private keys) and like personal data (e-mail addresses,
/// 주민등록번호, mobile numbers) are masked, and the text is cut to a maximum length.
/// </summary>
public static partial class ResultText
{
    public const string Mask = "[masked]";

    public static string? Clean(string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var sb = new StringBuilder(Math.Min(text.Length, max + 16));
        foreach (var ch in text.Trim())
        {
            sb.Append(char.IsControl(ch) ? ' ' : ch);
        }

        var t = sb.ToString();
        t = PrivateKey().Replace(t, Mask);
        t = AccessKey().Replace(t, Mask);
        t = SecretAssignment().Replace(t, m => m.Groups["key"].Value + m.Groups["sep"].Value + Mask);
        t = Bearer().Replace(t, "Bearer " + Mask);
        t = Email().Replace(t, Mask);
        t = ResidentNumber().Replace(t, Mask);
        t = Mobile().Replace(t, Mask);
        return t.Length <= max ? t : t[..(max - 1)] + "…";
    }

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(-----END [A-Z ]*PRIVATE KEY-----|$)", RegexOptions.Singleline, 1000)]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"\b(AKIA|ASIA)[0-9A-Z]{16}\b", RegexOptions.None, 1000)]
    private static partial Regex AccessKey();

    [GeneratedRegex(@"(?<key>\b(password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|secret[_-]?key|connection[_-]?string)\b[""']?)(?<sep>\s*[:=]\s*[""']?)[^\s""',;]+", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex SecretAssignment();

    [GeneratedRegex(@"\bBearer\s+[A-Za-z0-9\-._~+/]+=*", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex Bearer();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}", RegexOptions.None, 1000)]
    private static partial Regex Email();

    [GeneratedRegex(@"\b\d{6}-?[1-4]\d{6}\b", RegexOptions.None, 1000)]
    private static partial Regex ResidentNumber();

    [GeneratedRegex(@"\b01[016789]-?\d{3,4}-?\d{4}\b", RegexOptions.None, 1000)]
    private static partial Regex Mobile();
}
