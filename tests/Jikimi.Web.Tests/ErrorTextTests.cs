using System.Reflection;
using Jikimi.Domain.Common;
using Jikimi.Web.Infrastructure;

namespace Jikimi.Web.Tests;

/// <summary>Every error code has Korean and English text; a new error type without them fails here.</summary>
public class ErrorTextTests
{
    private static readonly Assembly[] Assemblies =
    [
        typeof(DomainError).Assembly,                                   // Jikimi.Domain
        typeof(Jikimi.Application.Common.SignInFailed).Assembly,        // Jikimi.Application
        typeof(Jikimi.Reports.Common.ReportFile).Assembly,              // Jikimi.Reports
        typeof(Problems).Assembly,                                      // Jikimi.Web
    ];

    public static TheoryData<string> ErrorTypes()
    {
        var data = new TheoryData<string>();
        foreach (var t in ConcreteErrorTypes())
        {
            data.Add(t.FullName!);
        }

        return data;
    }

    [Fact]
    public void The_enumeration_finds_the_error_types_of_every_layer()
    {
        var types = ConcreteErrorTypes().ToList();
        Assert.True(types.Count >= 60, $"only {types.Count} error types found");
        Assert.All(Assemblies, a => Assert.Contains(types, t => t.Assembly == a));
    }

    /// <summary>The cell-level codes of an imported workbook (<c>new SheetProblem(cell, "code", …)</c>) as written in the sources.</summary>
    public static TheoryData<string> SheetProblemCodes() => new(ScanSheetProblemCodes());

    private static List<string> ScanSheetProblemCodes()
    {
        var src = Path.Combine(Jikimi.TestSupport.RepoPaths.Root, "src");
        var codes = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), @"SheetProblem\([^;]*?""((?:sheet|statement)\.[a-z_]+)""").Select(m => m.Groups[1].Value))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return codes.ToList();
    }

    [Fact]
    public void The_scan_finds_the_sheet_and_statement_problem_codes()
    {
        var codes = ScanSheetProblemCodes();
        Assert.Contains("sheet.too_many_rows", codes);
        Assert.Contains("statement.reason_required", codes);
    }

    [Theory]
    [MemberData(nameof(SheetProblemCodes))]
    public void Every_sheet_and_statement_problem_code_has_korean_and_english_text(string code)
    {
        var text = ErrorTexts.Find(code);
        Assert.True(text is { Ko.Length: > 0, En.Length: > 0 }, $"{code} has no Korean and English text in ErrorTexts");
    }

    [Theory]
    [MemberData(nameof(ErrorTypes))]
    public void Every_error_code_has_korean_and_english_text(string typeName)
    {
        var type = ConcreteErrorTypes().Single(t => t.FullName == typeName);
        var error = Sample(type);
        var text = ErrorTexts.Find(error.Code);
        Assert.True(text is not null, $"{type.Name} ({error.Code}) has no entry in ErrorTexts");
        Assert.False(string.IsNullOrWhiteSpace(text.Value.En), $"{error.Code}: no English text");
        Assert.True(text.Value.Ko.Any(c => c is >= '\uAC00' and <= '\uD7A3'), $"{error.Code}: the Korean text has no Hangul: {text.Value.Ko}");
    }

    public static TheoryData<string> InputCodes() => new(Jikimi.Input.InputError.Codes);

    [Theory]
    [MemberData(nameof(InputCodes))]
    public void Every_input_code_has_korean_and_english_text(string code)
    {
        var text = ErrorTexts.Find(code);
        Assert.True(text is not null, $"{code} has no entry in ErrorTexts");
        Assert.Contains(text.Value.Ko, c => c is >= '\uAC00' and <= '\uD7A3');
    }

    [Fact]
    public void Korean_detail_of_an_input_error_keeps_its_place()
    {
        var e = Jikimi.Input.InputError.Malformed(new Jikimi.Input.InputPlace("assets.csv", 4, 3, 2), "a quoted field is not closed.").ToDomainError();
        Assert.Equal(422, Problems.StatusOf(e));
        Assert.Equal("파일 형식이 올바르지 않습니다. (assets.csv, line 4, row 3, column 2)", ErrorTexts.Detail(e, korean: true));
        Assert.Equal(413, Problems.StatusOf(Jikimi.Input.InputError.TooLarge("a.csv", 10).ToDomainError()));
    }

    [Fact]
    public void A_code_the_catalog_does_not_know_is_reported_as_missing()
    {
        Assert.Null(ErrorTexts.Find("no.such_code"));
        Assert.Null(ErrorTexts.Find("validation."));
    }

    [Fact]
    public void Korean_detail_replaces_the_english_message_and_english_keeps_the_specifics()
    {
        var e = new Invalid("severity", "severity must be low, medium or high.");
        Assert.Equal("severity must be low, medium or high.", ErrorTexts.Detail(e, korean: false));
        Assert.StartsWith("입력값이 올바르지 않습니다", ErrorTexts.Detail(e, korean: true));
    }

    private static IEnumerable<Type> ConcreteErrorTypes() =>
        Assemblies.SelectMany(a => a.GetTypes())
            .Where(t => typeof(DomainError).IsAssignableFrom(t) && !t.IsAbstract && !t.IsGenericTypeDefinition)
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    /// <summary>An instance built from its widest constructor with plain sample values (codes never depend on them, or only on a name).</summary>
    private static DomainError Sample(Type t)
    {
        var ctor = t.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var args = ctor.GetParameters().Select(p => SampleValue(p.ParameterType, p.Name ?? "x")).ToArray();
        return (DomainError)ctor.Invoke(args);
    }

    private static object? SampleValue(Type t, string name)
    {
        var u = Nullable.GetUnderlyingType(t) ?? t;
        if (u == typeof(string))
        {
            return name switch { "Entity" => "audit", "Field" => "name", "SheetCode" => "sheet.formula", _ => "sample" };
        }

        if (u.IsValueType)
        {
            return u == typeof(int) ? 413 : Activator.CreateInstance(u);
        }

        if (u.IsGenericType && u.GetGenericTypeDefinition() is var g && (g == typeof(IReadOnlyList<>) || g == typeof(IEnumerable<>) || g == typeof(IReadOnlyCollection<>)))
        {
            return Array.CreateInstance(u.GetGenericArguments()[0], 0);
        }

        return null;
    }
}
