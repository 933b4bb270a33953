using System.Text;
using System.Text.Json;
using Jikimi.Checks.Conditions;
using Jikimi.Checks.Inputs;
using Jikimi.Checks.Rules;

namespace Jikimi.Checks.Engine;

/// <summary>Options of one run.</summary>
public sealed class CheckOptions
{
    /// <summary>The evaluation time (dates such as "key last rotated" are measured against it).</summary>
    public DateTimeOffset Now { get; init; } = DateTimeOffset.UtcNow;

    public RuleParameters Parameters { get; init; } = RuleParameters.None;

    public long MaxInputBytes { get; init; } = ExportReader.DefaultMaxInputBytes;

    /// <summary>Called after each input file with (files done, files total, resources so far).</summary>
    public Action<int, int, long>? Progress { get; init; }
}

/// <summary>Evaluates a rule set over export files. A bad input throws <see cref="InputException"/> before anything
/// is returned; a rule that cannot decide on a resource gives that resource <c>error</c>.</summary>
public sealed class CheckEngine(RuleSet rules, CheckOptions options)
{
    public long ResourceCount { get; private set; }

    /// <summary>Expands folders (every file, recursively, in name order) and runs; the whole result in memory.</summary>
    public CheckRun Run(IEnumerable<string> paths)
    {
        var results = new List<CheckResult>();
        var inputs = Run(paths, results.Add);
        return new CheckRun(rules.Version, inputs, results);
    }

    /// <summary>Streams results to <paramref name="sink"/>; returns the inputs.</summary>
    public IReadOnlyList<CheckInput> Run(IEnumerable<string> paths, Action<CheckResult> sink)
    {
        var files = ExpandPaths(paths);
        var context = new ReaderContext();
        var reader = new ExportReader(context, options.MaxInputBytes);
        var inputs = new List<CheckInput>();
        var done = 0;
        foreach (var file in files)
        {
            inputs.Add(reader.Read(file, r => Evaluate(r, sink)));
            options.Progress?.Invoke(++done, files.Count, ResourceCount);
        }

        context.Finish(r => Evaluate(r, sink));
        return inputs;
    }

    public static List<string> ExpandPaths(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var p in paths)
        {
            if (Directory.Exists(p))
            {
                files.AddRange(Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                files.Add(p);
            }
        }

        return files;
    }

    /// <summary>Every rule of the resource's type, on one resource.</summary>
    public void Evaluate(Resource resource, Action<CheckResult> sink)
    {
        ResourceCount++;
        foreach (var rule in rules.ForType(resource.Type))
        {
            sink(EvaluateRule(rule, resource, options.Parameters, options.Now));
        }
    }

    /// <summary>One rule on one resource (the fixture test calls this directly).</summary>
    public static CheckResult EvaluateRule(Rule rule, Resource resource, RuleParameters parameters, DateTimeOffset now)
    {
        CheckResult Result(string status, string detail) =>
            new(rule.Id, rule.TitleKo, rule.TitleEn, rule.Severity, resource.Type, resource.Id, status, detail, rule.Mappings);

        var (values, invalid) = parameters.For(rule);
        if (invalid is not null)
        {
            return Result(CheckStatus.Fail, "configuration not valid / 설정이 유효하지 않음: " + invalid);
        }

        if (rule.Manual)
        {
            return Result(CheckStatus.Manual, "a person must decide this item / 담당자 확인 필요");
        }

        var ctx = new EvaluationContext(resource.Data, values, now);
        try
        {
            if (rule.Applies is not null && !rule.Applies.Evaluate(resource.Data, ctx))
            {
                return Result(CheckStatus.NotApplicable, "");
            }

            var ok = rule.Condition!.Evaluate(resource.Data, ctx);
            return Result(ok ? CheckStatus.Pass : CheckStatus.Fail, Detail(rule, resource.Data));
        }
        catch (EvaluationException ex)
        {
            return Result(CheckStatus.Error, "cannot evaluate / 평가할 수 없음: " + ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            // JsonElement accessors throw this on an unexpected value kind: that resource, not the run.
            return Result(CheckStatus.Error, "cannot evaluate / 평가할 수 없음: " + ex.Message);
        }
    }

    private static string Detail(Rule rule, JsonElement data)
    {
        if (rule.Detail.Count == 0)
        {
            return "";
        }

        var sb = new StringBuilder();
        foreach (var path in rule.Detail)
        {
            if (sb.Length > 0)
            {
                sb.Append("; ");
            }

            sb.Append(path.Text).Append('=');
            if (!path.TryResolve(data, data, out var v))
            {
                sb.Append("(absent)");
            }
            else
            {
                var text = v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText();
                sb.Append(text.Length > 200 ? text[..200] + "…" : text);
            }
        }

        return sb.ToString();
    }
}
