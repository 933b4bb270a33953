using Jikimi.Fuzz;
using SharpFuzz;

// jikimi-fuzz TARGET            run under afl-fuzz (input on stdin, instrumented assemblies)
// jikimi-fuzz TARGET FILE...    run the reader once per file and report (no AFL)
if (args.Length == 0 || !Targets.All.ContainsKey(args[0]))
{
    Console.Error.WriteLine("usage: Jikimi.Fuzz TARGET [FILE...]; targets: " + string.Join(", ", Targets.All.Keys));
    return 2;
}

var target = args[0];
if (args.Length > 1)
{
    foreach (var file in args[1..])
    {
        Targets.Run(target, File.ReadAllBytes(file));
    }

    return 0;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var copy = new MemoryStream();
    stream.CopyTo(copy);
    Targets.Run(target, copy.ToArray());
});
return 0;
