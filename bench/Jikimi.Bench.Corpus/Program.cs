using System.Globalization;
using System.Text;

// Writes a mixed Korean/English corpus for the PII benchmark: Korean and English prose, application logs
// (digit-dense: timestamps, ids, durations), CSV exports, with identifiers sprinkled in: at density 1 (the default)
// about one per 550 bytes, a dense worst case for the validators (a customer-database export); density 0.02 gives
// about one per 27 KB, closer to a file server of documents and logs; 0 plants none (the cost of the text alone).
// Usage: jikimi-bench-corpus <dir> [total-MB=1100] [file-MB=64] [seed=1] [density=1]
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: jikimi-bench-corpus <dir> [total-MB] [file-MB] [seed]");
    return 2;
}

var dir = args[0];
var totalMb = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1100;
var fileMb = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 64;
var seed = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1;
var density = args.Length > 4 ? double.Parse(args[4], CultureInfo.InvariantCulture) : 1.0;
Directory.CreateDirectory(dir);
var files = (totalMb + fileMb - 1) / fileMb;
var counts = new long[files];
Parallel.For(0, files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
{
    var g = new Gen(seed * 1000 + i, density);
    using var w = new StreamWriter(Path.Combine(dir, $"part-{i:000}.{(i % 4 == 0 ? "csv" : i % 4 == 1 ? "log" : "txt")}"), false, new UTF8Encoding(false), 1 << 20);
    long written = 0;
    var limit = (long)fileMb << 20;
    var sb = new StringBuilder(1 << 20);
    while (written < limit)
    {
        sb.Clear();
        while (sb.Length < 256 * 1024)
        {
            counts[i] += g.Line(sb);
        }

        w.Write(sb);
        written += Encoding.UTF8.GetByteCount(sb.ToString());
    }
});
Console.WriteLine($"{files} files, about {totalMb} MB, {counts.Sum():N0} identifiers planted, in {dir}");
return 0;

internal sealed class Gen(int seed, double density)
{
    private static readonly string[] Ko =
    [
        "고객 상담 내용을 정리하여 담당 부서에 전달하였습니다", "개인정보 처리방침에 따라 보관 기간이 지난 자료는 파기합니다",
        "배송 주소가 변경되어 재발송을 요청하셨습니다", "회원 가입 시 본인 확인 절차를 거쳤습니다", "접속기록은 월 1회 이상 점검합니다",
        "민원 처리 결과를 문자로 안내하였습니다", "계약서 사본을 첨부합니다", "담당자 부재로 회신이 늦어졌습니다",
    ];

    private static readonly string[] En =
    [
        "The customer requested a copy of the signed agreement", "Please review the attached access report before Friday",
        "Shipment delayed due to weather conditions in the region", "Account verification completed without issues",
        "Quarterly review of privileged accounts is scheduled", "Refund processed and confirmation sent by e-mail",
    ];

    private static readonly string[] Names = ["홍길동", "김철수", "이영희", "박민수", "최지우", "정하늘", "강서연", "윤도현"];
    private static readonly string[] Cities = ["서울시 강남구", "부산시 해운대구", "대구시 수성구", "인천시 연수구", "경기도 성남시", "대전시 유성구"];

    private readonly Random _r = new(seed);

    /// <summary>Appends one line; returns the number of identifiers in it.</summary>
    public int Line(StringBuilder sb)
    {
        var k = _r.Next(100);
        var ids = 0;
        if (k < 35)
        {
            sb.Append(Ko[_r.Next(Ko.Length)]).Append(". ").Append(Ko[_r.Next(Ko.Length)]);
            if (Plant(6))
            {
                sb.Append(' ').Append(Id(out _));
                ids++;
            }
        }
        else if (k < 60)
        {
            sb.Append(CultureInfo.InvariantCulture, $"2026-{_r.Next(1, 13):00}-{_r.Next(1, 29):00} {_r.Next(24):00}:{_r.Next(60):00}:{_r.Next(60):00}.{_r.Next(1000):000} INFO [worker-{_r.Next(16)}] req={_r.Next():x8} user=u{_r.Next(100000)} status={(_r.Next(10) == 0 ? 500 : 200)} took={_r.Next(2000)}ms");
            if (Plant(10))
            {
                sb.Append(" contact=").Append(Id(out _));
                ids++;
            }
        }
        else if (k < 80)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{_r.Next(1000000)},{Names[_r.Next(Names.Length)]},{Cities[_r.Next(Cities.Length)]},{_r.Next(1, 100000) * 100},");
            sb.Append(Plant(3) ? Id(out _) : "-");
            ids += sb[^1] == '-' ? 0 : 1;
        }
        else
        {
            sb.Append(En[_r.Next(En.Length)]).Append(". ").Append(En[_r.Next(En.Length)]);
            if (Plant(8))
            {
                sb.Append(' ').Append(Id(out _));
                ids++;
            }
        }

        sb.Append('\n');
        return ids;
    }

    /// <summary>True for about one line in n at density 1 (density × 1/n in general).</summary>
    private bool Plant(int n) => _r.NextDouble() * n < density;

    private string Id(out string type)
    {
        switch (_r.Next(8))
        {
            case 0: type = "rrn"; return Rrn();
            case 1: type = "phone"; return $"010-{_r.Next(2000, 9999)}-{_r.Next(10000):0000}";
            case 2: type = "email"; return $"user{_r.Next(100000)}@{(_r.Next(2) == 0 ? "naver.com" : "example.co.kr")}";
            case 3: type = "card"; return Card();
            case 4: type = "brn"; return Brn();
            case 5: type = "landline"; return $"02-{_r.Next(200, 999)}-{_r.Next(10000):0000}";
            case 6: type = "passport"; return $"여권번호 M{_r.Next(100, 999)}{(char)('A' + _r.Next(26))}{_r.Next(10000):0000}";
            default: type = "account"; return $"계좌 {_r.Next(100, 999)}-{_r.Next(100, 999)}-{_r.Next(100000, 999999)}";
        }
    }

    private string Rrn()
    {
        var birth = new DateTime(1950, 1, 1).AddDays(_r.Next(25000));
        var g = (birth.Year >= 2000 ? 3 : 1) + _r.Next(2);
        var head = $"{birth:yyMMdd}{g}{_r.Next(100000):00000}";
        int[] w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (head[i] - '0') * w[i];
        }

        return $"{head[..6]}-{head[6..]}{(11 - (sum % 11)) % 10}";
    }

    private string Brn()
    {
        var head = $"{_r.Next(101, 999)}{_r.Next(1, 99):00}{_r.Next(10000):0000}";
        int[] k = [1, 3, 7, 1, 3, 7, 1, 3, 5];
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (head[i] - '0') * k[i];
        }

        var p = (head[8] - '0') * 5;
        sum += p + (p / 10);
        return $"{head[..3]}-{head[3..5]}-{head[5..]}{(10 - (sum % 10)) % 10}";
    }

    private string Card()
    {
        var body = "4" + string.Concat(Enumerable.Range(0, 14).Select(_ => (char)('0' + _r.Next(10))));
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var v = body[body.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                v = v * 2 > 9 ? (v * 2) - 9 : v * 2;
            }

            sum += v;
        }

        var n = body + ((10 - (sum % 10)) % 10);
        return $"{n[..4]}-{n[4..8]}-{n[8..12]}-{n[12..]}";
    }
}
