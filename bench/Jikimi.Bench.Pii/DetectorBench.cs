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

    public int Bytes(string kind) => kind switch { "prose" => _prose.Length, "logs" => _logs.Length, _ => _mixed.Length };

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

    public static IEnumerable<(string, IRunner)> Mixes()
    {
        yield return ("engine, summary", new EngineRunner(records: false));
        yield return ("engine, records", new EngineRunner(records: true));
        yield return ("all detectors, count only", new Runner(new PiiDetector(), withFindings: false));
        yield return ("e-mail only", new Runner(new PiiDetector(new DetectorOptions { Types = new HashSet<PiiType> { PiiType.Email } }), false));
        yield return ("RRN only", new Runner(new PiiDetector(new DetectorOptions { Types = new HashSet<PiiType> { PiiType.KrRrn } }), false));
    }

    public interface IRunner
    {
        long Count { get; }

        long Run(byte[] text);
    }

    /// <summary>
    /// What `jikimi pii scan` does per file, minus the disk: the stream scanner over 1 MB reads, tallies (distinct
    /// keys) and, with records, a Finding (location, mask, HMAC) per match.
    /// </summary>
    public sealed class EngineRunner(bool records) : IRunner, IScanObserver
    {
        private readonly TextStreamScanner _scanner = new(new PiiDetector(), new FindingFactory(Fingerprinter.WithRandomKey()), new Observer(records));
        private readonly byte[] _buffer = new byte[1 << 20];
        private readonly Location _where = new() { Path = "bench" };

        public long Count { get; private set; }

        public Confidence? FindingsFrom => null;

        public long Run(byte[] text)
        {
            _scanner.Scan(new MemoryStream(text, writable: false), _where, _buffer);
            return Count += _scanner.Found;
        }

        public void OnFinding(Finding finding)
        {
        }

        public void OnSkipped(string path, string reason)
        {
        }

        public void OnFileScanned(string path, long bytes)
        {
        }

        private sealed class Observer(bool records) : IScanObserver
        {
            private readonly ScanReport _report = new(Confidence.Medium, records ? _ => { } : null);

            public Confidence? FindingsFrom => _report.FindingsFrom;

            public void OnTally(string place, TallyBatch batch) => _report.OnTally(place, batch);

            public void OnFinding(Finding finding) => _report.OnFinding(finding);

            public void OnFindings(IReadOnlyList<Finding> findings) => _report.OnFindings(findings);

            public void OnSkipped(string path, string reason)
            {
            }

            public void OnFileScanned(string path, long bytes)
            {
            }
        }
    }

    /// <summary>Counts matches; with findings it also masks and fingerprints each.</summary>
    public sealed class Runner(PiiDetector detector, bool withFindings) : IMatchSink, IRunner
    {
        private readonly FindingFactory _factory = new(Fingerprinter.WithRandomKey());
        private readonly Location _where = new() { Path = "bench" };

        public long Count { get; private set; }

        public long Run(byte[] text)
        {
            // Like the engine: the detector sees at most 1 MB at a time (a tiered-up method, not one long call).
            for (var at = 0; at < text.Length; at += 1 << 20)
            {
                var to = Math.Min(text.Length, at + (1 << 20));
                detector.Scan(text, at, to, final: to == text.Length, 0, this);
            }

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
