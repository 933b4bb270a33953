using System.Diagnostics;
using BenchmarkDotNet.Running;
using Jikimi.Bench.Pii;

// `quick <file>`: a stopwatch pass over one corpus file (MB/s per detector mix); otherwise BenchmarkDotNet.
if (args is ["quick", var file, ..])
{
    var text = File.ReadAllBytes(file);
    foreach (var (name, sink) in DetectorBench.Mixes())
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
