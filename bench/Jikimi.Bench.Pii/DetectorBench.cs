using System.Text;
using BenchmarkDotNet.Attributes;
using Jikimi.Privacy;
using Jikimi.Privacy.Detection;
using Jikimi.Privacy.Scanning;

namespace Jikimi.Bench.Pii;

/// <summary>The detector core over 8 MB of text already in memory: no I/O, single thread.</summary>
[MemoryDiagnoser]
public class DetectorBench
{
    private byte[] _mixed = [];
    private byte[] _prose = [];
    private byte[] _logs = [];
    private readonly Runner _all = new(new PiiDetector(), withFindings: false);
    private readonly Runner _findings = new(new PiiDetector(), withFindings: true);

    [GlobalSetup]
    public void Setup()
    {
        _mixed = Build(i => (i % 4) switch
        {
            0 => "개인정보 처리방침에 따라 보관 기간이 지난 자료는 파기합니다. 고객 상담 내용을 정리하였습니다\n",
            1 => $"2026-11-{i % 28 + 1:00} 12:{i % 60:00}:05.123 INFO [worker-3] req=4c2a9fe7 user=u{i} status=200 took={i % 900}ms\n",
            2 => $"{i},홍길동,서울시 강남구,{i * 100},{(i % 3 == 0 ? "010-1234-5678" : "-")}\n",
            _ => "Please review the attached access report before Friday. Refund processed.\n",
        });
        _prose = Build(_ => "개인정보 처리방침에 따라 보관 기간이 지난 자료는 파기합니다. The customer requested a copy.\n");
        _logs = Build(i => $"2026-11-27 12:{i % 60:00}:{i % 60:00}.{i % 1000:000} INFO [worker-{i % 16}] req={i:x8} user=u{i} status=200 took={i % 2000}ms\n");
    }

    private static byte[] Build(Func<int, string> line)
    {
        var sb = new StringBuilder();
        for (var i = 0; sb.Length < 4 << 20; i++)
        {
            sb.Append(line(i));
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    [Benchmark(Baseline = true)]
    public long Mixed_8MB() => _all.Run(_mixed);

    [Benchmark]
    public long KoreanEnglishProse_8MB() => _all.Run(_prose);

    [Benchmark]
    public long DigitDenseLogs_8MB() => _all.Run(_logs);

    [Benchmark]
    public long Mixed_with_findings_8MB() => _findings.Run(_mixed);

    public static IEnumerable<(string, Runner)> Mixes()
    {
        yield return ("all detectors, count only", new Runner(new PiiDetector(), withFindings: false));
        yield return ("all detectors, findings", new Runner(new PiiDetector(), withFindings: true));
        yield return ("e-mail only", new Runner(new PiiDetector(new DetectorOptions { Types = new HashSet<PiiType> { PiiType.Email } }), false));
        yield return ("RRN only", new Runner(new PiiDetector(new DetectorOptions { Types = new HashSet<PiiType> { PiiType.KrRrn } }), false));
    }

    /// <summary>Counts matches; with findings it also masks and fingerprints each (what the engine does).</summary>
    public sealed class Runner(PiiDetector detector, bool withFindings) : IMatchSink
    {
        private readonly FindingFactory _factory = new(Fingerprinter.WithRandomKey());
        private readonly Location _where = new() { Path = "bench" };

        public long Count { get; private set; }

        public long Run(byte[] text)
        {
            detector.ScanAll(text, this);
            return Count;
        }

        public void OnMatch(in PiiMatch match, ReadOnlySpan<byte> value)
        {
            Count++;
            if (withFindings)
            {
                _factory.Create(match.Type, match.Confidence, _where, value);
            }
        }
    }
}
