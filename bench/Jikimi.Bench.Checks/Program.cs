using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jikimi.Checks;
using Jikimi.Checks.Engine;
using Jikimi.Checks.Rules;

// bench/checks-vs-jq.sh drives this: generate → parse (the floor) → jikimi (parse + evaluate, streamed).
return args switch
{
    ["generate", var n, var dir] => Bench.Generate(long.Parse(n, System.Globalization.CultureInfo.InvariantCulture), dir),
    ["parse", var file] => Bench.Parse(file),
    ["jikimi", var file, var rules] => Bench.Jikimi(file, rules),
    _ => Bench.Usage(),
};

internal static class Bench
{
    public const int RuleCount = 200;

    public static int Usage()
    {
        Console.Error.WriteLine("usage: jikimi-bench-checks generate N DIR | parse FILE | jikimi FILE RULES-DIR");
        return 2;
    }

    /// <summary>DIR/inventory.json (Azure Resource Graph shape, N resources cycling over the fixtures of the
    /// built-in Azure rules, so every type and both outcomes occur), DIR/rules (200 rules: the built-in Azure rules
    /// jq can express, repeated under new ids) and DIR/rules.jq (the same conditions for jq).</summary>
    public static int Generate(long n, string dir)
    {
        var assembly = typeof(RuleLoader).Assembly;
        var sources = assembly.GetManifestResourceNames().Where(n => n.StartsWith("rules/azure/", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(n => JsonNode.Parse(assembly.GetManifestResourceStream(n)!)!.AsObject())
            .Where(r => r["parameters"] is null && JqTranslation.CanTranslate(r)).ToList();
        var rulesDir = Path.Combine(dir, "rules");
        Directory.CreateDirectory(rulesDir);
        var chosen = new List<JsonObject>();
        for (var i = 0; chosen.Count < RuleCount; i++)
        {
            var r = (JsonObject)sources[i % sources.Count].DeepClone();
            r["id"] = $"BENCH-{chosen.Count + 1:000}-{r["id"]}";
            File.WriteAllText(Path.Combine(rulesDir, r["id"] + ".json"), r.ToJsonString());
            chosen.Add(r);
        }

        File.WriteAllText(Path.Combine(dir, "rules.jq"), JqTranslation.Program(chosen));
        var fixtures = sources.SelectMany(r => new[] { "pass", "fail" }.SelectMany(k => r["fixtures"]![k]!.AsArray().Select(f => f!.AsObject()))).ToList();
        using var out_ = new StreamWriter(Path.Combine(dir, "inventory.json"), false, new System.Text.UTF8Encoding(false), 1 << 20);
        out_.Write("{\"totalRecords\":");
        out_.Write(n);
        out_.Write(",\"count\":");
        out_.Write(n);
        out_.Write(",\"data\":[");
        for (long i = 0; i < n; i++)
        {
            var r = (JsonObject)fixtures[(int)(i % fixtures.Count)].DeepClone();
            r["id"] = $"{r["id"]}-{i}";
            r["name"] = $"res{i}";
            r["location"] = "koreacentral";
            r["tags"] = new JsonObject { ["owner"] = "team-" + (i % 17), ["env"] = i % 3 == 0 ? "prod" : "dev" };
            out_.Write(i == 0 ? "\n" : ",\n");
            out_.Write(r.ToJsonString());
        }

        out_.Write("\n]}\n");
        Console.WriteLine($"{n} resources of {fixtures.Select(f => f["type"]!.GetValue<string>().ToLowerInvariant()).Distinct().Count()} types, {RuleCount} rules ({sources.Count} distinct conditions) in {dir}");
        return 0;
    }

    /// <summary>The floor: System.Text.Json's Utf8JsonReader over the whole file (every token read and validated).</summary>
    public static int Parse(string file)
    {
        var sw = Stopwatch.StartNew();
        using var fs = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        var state = new JsonReaderState();
        long tokens = 0;
        var len = 0;
        while (true)
        {
            var read = fs.Read(buffer, len, buffer.Length - len);
            var final = read == 0;
            len += read;
            var reader = new Utf8JsonReader(buffer.AsSpan(0, len), final, state);
            while (reader.Read())
            {
                tokens++;
            }

            if (final)
            {
                break;
            }

            state = reader.CurrentState;
            var consumed = (int)reader.BytesConsumed;
            Buffer.BlockCopy(buffer, consumed, buffer, 0, len - consumed);
            len -= consumed;
            if (len == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }

        Console.WriteLine($"parse: {tokens} tokens in {sw.Elapsed.TotalSeconds:F2} s");
        return 0;
    }

    /// <summary>Jikimi's engine over the file with the bench rules only; results counted as they stream, none kept.</summary>
    public static int Jikimi(string file, string rulesDir)
    {
        var sw = Stopwatch.StartNew();
        var rules = RuleLoader.Load(includeBuiltin: false, userDirectory: rulesDir);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var engine = new CheckEngine(rules, new CheckOptions());
        engine.Run([file], r => counts[r.Status] = counts.GetValueOrDefault(r.Status) + 1);
        Console.WriteLine($"jikimi: {engine.ResourceCount} resources, {rules.Rules.Count} rules in {sw.Elapsed.TotalSeconds:F2} s");
        Console.WriteLine("counts " + string.Join(" ", counts.Select(kv => $"{kv.Key}={kv.Value}")));
        return 0;
    }
}
