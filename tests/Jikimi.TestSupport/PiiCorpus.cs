using System.Text;

namespace Jikimi.TestSupport;

/// <summary>
/// A labelled corpus of synthetic Korean personal identifiers and their look-alikes, from a fixed seed. Check
/// digits are computed here independently of the scanner. Types are the scanner's wire names; a look-alike has
/// type null (nothing may be reported at the default confidence).
/// </summary>
public sealed class PiiCorpus
{
    private static readonly string[] Filler =
    [
        "고객 정보를 확인하였습니다", "담당자에게 전달 바랍니다", "the customer asked for a refund", "처리 결과를 회신합니다",
        "please see the attached note", "배송지가 변경되었습니다", "회의록 초안입니다", "status updated by the system",
        "민원 접수 건", "see ticket history", "문의 내용:", "비고", "remarks:", "요청 사항", "note:",
    ];

    private readonly Random _rng;

    public PiiCorpus(int seed = 20261127) => _rng = new Random(seed);

    public sealed record Sample(string? Type, string Value, string Line);

    /// <summary>Well-formed identifiers (each must be found) and look-alikes (none may be), shuffled.</summary>
    public List<Sample> Generate(int perKind = 40)
    {
        var list = new List<Sample>();
        for (var i = 0; i < perKind; i++)
        {
            list.Add(Id("KR_RRN", Rrn(valid: true), ""));
            list.Add(Id("KR_RRN", Rrn(valid: false), "")); // issued since October 2020: random digits
            list.Add(Id("KR_RRN", Rrn(valid: false, post2020Birth: true), ""));
            list.Add(Id("KR_RRN", Rrn(valid: _rng.Next(2) == 0).Replace("-", "", StringComparison.Ordinal), Pick("주민등록번호 ", "주민번호: ", "RRN ")));
            list.Add(Id("KR_FRN", Frn(valid: true), ""));
            list.Add(Id("KR_FRN", Frn(valid: false), "외국인등록번호 "));
            list.Add(Id("KR_PASSPORT", Passport(current: true), Pick("여권번호 ", "passport no. ")));
            list.Add(Id("KR_PASSPORT", Passport(current: false), Pick("여권 ", "Passport: ")));
            list.Add(Id("KR_DRIVER_LICENSE", Driver(), Pick("", "운전면허 ")));
            list.Add(Id("KR_BRN", Brn(valid: true), Pick("", "사업자등록번호 ")));
            list.Add(Id("CARD", Card(), Pick("", "카드 ", "card ")));
            list.Add(Id("BANK_ACCOUNT", Account(), Pick("국민은행 ", "입금 계좌 ", "bank account ")));
            list.Add(Id("PHONE", Mobile(), Pick("", "연락처 ", "mobile ")));
            list.Add(Id("PHONE", Landline(), Pick("", "전화 ")));
            list.Add(Id("EMAIL", Email(), Pick("", "이메일 ")));
            list.Add(Id("KR_CRN", Crn(), Pick("법인등록번호 ", "법인등록번호: ", "corporate registration no. ")));
            list.Add(Id("KR_PASSPORT", Passport(current: _rng.Next(2) == 0).ToLowerInvariant(), Pick("여권번호 ", "passport no. "))); // typed in lower case
            list.Add(Id("KR_BRN", Brn(valid: true).Replace("-", " - ", StringComparison.Ordinal), Pick("", "사업자등록번호 "))); // spaces around the hyphens

            list.Add(Look($"{Year()}-{D2(1, 12)}-{D2(1, 28)}"));
            list.Add(Look($"{Year()}.{D2(1, 12)}.{D2(1, 28)}"));
            list.Add(Look($"{Year()}{D2(1, 12)}{D2(1, 28)}"));
            list.Add(Look($"{Year()}-{D2(1, 12)}-{D2(1, 28)}T{D2(0, 23)}:{D2(0, 59)}:{D2(0, 59)}Z"));
            list.Add(Look($"[{Year()}-{D2(1, 12)}-{D2(1, 28)} {D2(0, 23)}:{D2(0, 59)}:{D2(0, 59)}.{_rng.Next(1000):000}] INFO"));
            list.Add(Look($"ts={(long)(_rng.NextDouble() * 1e12) + 1_000_000_000_000L}"));
            list.Add(Look($"\"timestamp\": {(long)(_rng.NextDouble() * 1e12) + 1_000_000_000_000L},"));
            list.Add(Look($"주문번호 {Year()}{D2(1, 12)}{D2(1, 28)}-{_rng.Next(1_000_000):000000}"));
            list.Add(Look($"ORD{Year()}{D2(1, 12)}{D2(1, 28)}{_rng.Next(1_000_000):000000}"));
            list.Add(Look($"주문 {_rng.Next(1000, 9999)}-{_rng.Next(1000, 9999)}-{_rng.Next(1000, 9999)}"));
            list.Add(Look("ORD-" + Mobile()));
            list.Add(Look("12" + Rrn(valid: true).Replace("-", "", StringComparison.Ordinal) + "34"));
            list.Add(Look(_rng.Next(10, 99) + Rrn(valid: true)));
            list.Add(Look(Rrn(valid: true) + _rng.Next(0, 9)));
            list.Add(Look("9" + Card().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal) + "1"));
            list.Add(Look(Rrn(valid: true, badDate: true)));
            list.Add(Look(Brn(valid: false)));
            list.Add(Look(BadCard()));
            list.Add(Look($"192.168.{_rng.Next(256)}.{_rng.Next(256)}"));
            list.Add(Look($"{_rng.Next(1, 999)},{_rng.Next(100, 999)},{_rng.Next(100, 999)}원"));
            list.Add(Look($"978-89-{_rng.Next(1000, 9999)}-{_rng.Next(100, 999)}-{_rng.Next(10)}"));
            list.Add(Look($"v{_rng.Next(10)}.{_rng.Next(100)}.{_rng.Next(1000)}"));
            list.Add(Look($"{_rng.Next(100, 999)}-{_rng.Next(100, 999)}-{_rng.Next(100000, 999999)}")); // account shape, no context
            list.Add(Look($"1588-{_rng.Next(1000, 9999)}"));
            list.Add(Look("logo@2x.png"));
        }

        return list.OrderBy(_ => _rng.Next()).ToList();
    }

    /// <summary>The corpus as text, one sample per line, with its labels.</summary>
    public (string Text, List<Sample> Samples) Document(int perKind = 40)
    {
        var samples = Generate(perKind);
        var sb = new StringBuilder();
        foreach (var s in samples)
        {
            sb.Append(s.Line).Append('\n');
        }

        return (sb.ToString(), samples);
    }

    private Sample Id(string type, string value, string context) => new(type, value, $"{Pick(Filler)} {context}{value} {Pick(Filler)}");

    private Sample Look(string value) => new(null, value, $"{Pick(Filler)} {value} {Pick(Filler)}");

    private string Pick(params string[] options) => options[_rng.Next(options.Length)];

    private string Year() => _rng.Next(1990, 2030).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string D2(int min, int max) => _rng.Next(min, max + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    private string Digits(int n)
    {
        var sb = new StringBuilder(n);
        for (var i = 0; i < n; i++)
        {
            sb.Append((char)('0' + _rng.Next(10)));
        }

        return sb.ToString();
    }

    public string Rrn(bool valid, bool post2020Birth = false, bool badDate = false) => Registration(valid, foreign: false, post2020Birth, badDate);

    public string Frn(bool valid) => Registration(valid, foreign: true, false, false);

    private string Registration(bool valid, bool foreign, bool post2020Birth, bool badDate)
    {
        var birth = post2020Birth ? new DateTime(2020, 10, 5).AddDays(_rng.Next(1500)) : new DateTime(1940, 1, 1).AddDays(_rng.Next(29_000));
        var female = _rng.Next(2);
        var g = (birth.Year >= 2000 ? 3 : 1) + female + (foreign ? 4 : 0);
        var month = badDate ? 13 + _rng.Next(7) : birth.Month;
        var head = $"{birth.Year % 100:00}{month:00}{birth.Day:00}{g}{Digits(5)}";
        var sum = 0;
        int[] w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
        for (var i = 0; i < 12; i++)
        {
            sum += (head[i] - '0') * w[i];
        }

        var check = ((foreign ? 13 : 11) - (sum % 11)) % 10;

        // An invalid one fails the corporate check digit too: a number passing only that one is reported as KR_CRN.
        var corporate = CrnCheckDigit(head);
        var digit = check;
        while (!valid && (digit == check || digit == corporate))
        {
            digit = _rng.Next(10);
        }

        return $"{head[..6]}-{head[6..]}{digit}";
    }

    /// <summary>법인등록번호: registry office (4) + kind of corporation (2) + serial (6) + check digit (weights 1,2,1,2,…).</summary>
    public string Crn()
    {
        var head = Pick("1101", "1144", "1201", "1301", "1345", "1501", "1601", "2841") + Pick("11", "12", "13", "14", "21", "22", "31", "71") + Digits(6);
        return $"{head[..6]}-{head[6..]}{CrnCheckDigit(head)}";
    }

    private static int CrnCheckDigit(string twelve)
    {
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (twelve[i] - '0') * ((i % 2) + 1);
        }

        return (10 - (sum % 10)) % 10;
    }

    public string Passport(bool current) =>
        "MSROD"[_rng.Next(5)] + (current ? $"{Digits(3)}{(char)('A' + _rng.Next(26))}{Digits(4)}" : Digits(8));

    public string Driver()
    {
        int[] regions = [11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 28];
        return $"{regions[_rng.Next(regions.Length)]}-{Digits(2)}-{Digits(6)}-{Digits(2)}";
    }

    public string Brn(bool valid)
    {
        var head = $"{_rng.Next(101, 999)}{_rng.Next(1, 99):00}{Digits(4)}";
        int[] k = [1, 3, 7, 1, 3, 7, 1, 3, 5];
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (head[i] - '0') * k[i];
        }

        var p = (head[8] - '0') * 5;
        sum += p + (p / 10);
        var check = (10 - (sum % 10)) % 10;
        var digit = valid ? check : (check + 1 + _rng.Next(9)) % 10;
        return $"{head[..3]}-{head[3..5]}-{head[5..]}{digit}";
    }

    public string Card()
    {
        var prefix = Pick("4", "51", "55", "2221", "3530", "6011", "62");
        var body = prefix + Digits(15 - prefix.Length);
        var number = body + LuhnDigit(body);
        var sep = Pick("-", " ");
        return $"{number[..4]}{sep}{number[4..8]}{sep}{number[8..12]}{sep}{number[12..]}";
    }

    private string BadCard()
    {
        var good = Card();
        var last = good[^1] - '0';
        return good[..^1] + (char)('0' + ((last + 1 + _rng.Next(9)) % 10));
    }

    private static int LuhnDigit(string body)
    {
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var v = body[body.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                v *= 2;
                if (v > 9)
                {
                    v -= 9;
                }
            }

            sum += v;
        }

        return (10 - (sum % 10)) % 10;
    }

    public string Account() => Pick($"{Digits(6)}-{Digits(2)}-{Digits(6)}", $"{Digits(3)}-{Digits(3)}-{Digits(6)}", $"1002-{Digits(3)}-{Digits(6)}", Digits(12));

    public string Mobile() => $"010-{_rng.Next(2000, 9999)}-{Digits(4)}";

    public string Landline() => Pick($"02-{_rng.Next(200, 999)}-{Digits(4)}", $"031-{_rng.Next(200, 999)}-{Digits(4)}", $"051-{_rng.Next(2000, 9999)}-{Digits(4)}", $"070-{_rng.Next(2000, 9999)}-{Digits(4)}");

    public string Email() => $"{Pick("hong", "kim.minsu", "lee_01", "park+news", "choi")}{_rng.Next(1000)}@{Pick("naver.com", "daum.net", "gmail.com", "example.co.kr", "korea.ac.kr")}";
}
