using System.Diagnostics;
using BenchmarkDotNet.Running;
using Jikimi.Bench.Pii;

// `ids [count|records]`: nanoseconds per identifier by type, through the engine's summary path (or the detector
// alone, or with records): Korean prose lines with one identifier each, minus the same prose without them.
if (args is ["ids", ..])
{
    var corpus = new Jikimi.TestSupport.PiiCorpus(7);
    var kinds = new (string, Func<string>)[]
    {
        ("none", () => string.Empty), ("rrn", () => corpus.Rrn(true)), ("rrn-bare", () => corpus.Rrn(true).Replace("-", "", StringComparison.Ordinal)),
        ("passport", () => "여권 " + corpus.Passport(true)), ("brn", () => corpus.Brn(true)), ("card", corpus.Card), ("account", () => "계좌 " + corpus.Account()),
        ("mobile", corpus.Mobile), ("landline", corpus.Landline), ("email", corpus.Email),
    };
    double? baseNs = null;
    var onlyKind = args.Length > 2 ? args[2] : null; // e.g. `ids count card`
    foreach (var (name, id) in kinds.Prepend(("warm-up", corpus.Mobile)).Where(k => onlyKind is null || k.Item1 is "warm-up" or "none" || k.Item1 == onlyKind))
    {
        var sb = new System.Text.StringBuilder();
        var lines = 0;
        while (sb.Length < 16 << 20)
        {
            sb.Append("고객 상담 내용을 정리하여 담당 부서에 전달하였습니다. Refund processed ").Append(id()).Append('\n');
            lines++;
        }

        var text = System.Text.Encoding.UTF8.GetBytes(sb.ToString());
        DetectorBench.IRunner runner = args.Length > 1 && args[1] == "count"
            ? new DetectorBench.Runner(new Jikimi.Privacy.Detection.PiiDetector(), withFindings: false)
            : new DetectorBench.EngineRunner(records: args.Length > 1 && args[1] == "records");
        runner.Run(text);
        var sw = Stopwatch.StartNew();
        var rounds = 0;
        while (sw.Elapsed.TotalSeconds < 1.5)
        {
            runner.Run(text);
            rounds++;
        }

        var perLine = sw.Elapsed.TotalNanoseconds / rounds / lines;
        if (name == "warm-up")
        {
            continue;
        }

        baseNs ??= perLine;
        Console.WriteLine($"{name,-10} {perLine - baseNs.Value,6:F0} ns per identifier ({runner.Count / (rounds + 1) / (double)lines:F2} found per line)");
    }

    return;
}

// `near`: nanoseconds per context-word lookup (a miss over a full Korean/English window, and a hit).
if (args is ["near", ..])
{
    var t = System.Text.Encoding.UTF8.GetBytes("고객 상담 내용을 정리하여 담당 부서에 전달하였습니다. Please review the report 02-123-4567 배송 주소가 변경되어 재발송을 요청하셨습니다");
    var at = System.Text.Encoding.UTF8.GetByteCount("고객 상담 내용을 정리하여 담당 부서에 전달하였습니다. Please review the report ");
    var near = new[] { ("phone (miss)", Jikimi.Privacy.PiiType.Phone), ("bank (miss)", Jikimi.Privacy.PiiType.BankAccount), ("brn (miss)", Jikimi.Privacy.PiiType.KrBrn) };
    for (var i = 0; i < 500_000; i++)
    {
        Jikimi.Privacy.Detection.ContextWords.Near(t, at, at + 11, near[i % 3].Item2); // warm up (tier-up) first
    }

    foreach (var (name, type) in near)
    {
        var hits = 0;
        var sw = Stopwatch.StartNew();
        const int n = 2_000_000;
        for (var i = 0; i < n; i++)
        {
            hits += Jikimi.Privacy.Detection.ContextWords.Near(t, at, at + 11, type) ? 1 : 0;
        }

        Console.WriteLine($"{name,-14} {sw.Elapsed.TotalNanoseconds / n:F0} ns ({hits} hits)");
    }

    return;
}

// `kinds`: count-only GB/s on synthetic prose, logs and a mix (what each kind of text costs).
if (args is ["kinds", ..])
{
    var b = new DetectorBench();
    b.Setup();
    foreach (var (name, run) in new (string, Func<long>)[] { ("prose", b.KoreanEnglishProse_8MB), ("logs", b.DigitDenseLogs_8MB), ("mixed", b.Mixed_8MB) })
    {
        var sw = Stopwatch.StartNew();
        var rounds = 0;
        while (sw.Elapsed.TotalSeconds < 2)
        {
            run();
            rounds++;
        }

        Console.WriteLine($"{name,-8} {b.Bytes(name) * (double)rounds / sw.Elapsed.TotalSeconds / 1e9:F2} GB/s");
    }

    return;
}

// `quick <file> [mix]`: a stopwatch pass over one corpus file (MB/s per detector mix); otherwise BenchmarkDotNet.
if (args is ["quick", var file, ..])
{
    var text = File.ReadAllBytes(file);
    var only = args.Length > 2 ? args[2] : null; // a mix name prefix, e.g. "all detectors, count"
    foreach (var (name, sink) in DetectorBench.Mixes().Where(m => only is null || m.Item1.StartsWith(only, StringComparison.Ordinal)))
    {
        var sw = Stopwatch.StartNew();
        var rounds = 0;
        while (sw.Elapsed.TotalSeconds < 2 || rounds < 2)
        {
            sink.Run(text);
            rounds++;
        }

        Console.WriteLine($"{name,-28} {text.Length * (double)rounds / sw.Elapsed.TotalSeconds / 1e9:F2} GB/s  ({sink.Count / rounds:N0} matches)");
    }

    var trig = System.Buffers.SearchValues.Create("0123456789@"u8);
    var sw2 = Stopwatch.StartNew();
    long n = 0;
    for (var round = 0; round < 10; round++)
    {
        var span = text.AsSpan();
        var pos = 0;
        while (true)
        {
            var rel = span[pos..].IndexOfAny(trig);
            if (rel < 0)
            {
                break;
            }

            pos += rel + 1;
            while (pos < span.Length && (uint)(span[pos] - '0') <= 9)
            {
                pos++;
            }

            n++;
        }
    }

    Console.WriteLine($"{"trigger floor",-28} {text.Length * 10.0 / sw2.Elapsed.TotalSeconds / 1e9:F2} GB/s  ({n / 10:N0} tokens)");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(DetectorBench).Assembly).Run(args);
