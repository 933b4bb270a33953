namespace Jikimi.Catalog.Model;

/// <summary>
/// A criteria edition. Control ids are only meaningful together with their edition: 별표 7의2 "2.1.1" (보안 서약)
/// is not 별표 7 "2.1.1" (정책의 유지관리), so the model never looks a control up by a bare id.
/// </summary>
public readonly record struct EditionId(string Value)
{
    public static readonly EditionId IsmsP2023 = new("isms-p-2023");
    public static readonly EditionId IsmsP2018 = new("isms-p-2018");
    public static readonly EditionId Simplified72 = new("simplified-7-2");
    public static readonly EditionId Simplified73 = new("simplified-7-3");

    /// <summary>The legacy K-ISMS criteria (2013 notice, until the 2018 merger into ISMS-P): 12 + 92 = 104 items.</summary>
    public static readonly EditionId KIsms2013 = new("k-isms-2013");

    public static IReadOnlyList<EditionId> All { get; } = [IsmsP2023, IsmsP2018, Simplified72, Simplified73, KIsms2013];

    /// <summary>Editions from before ISMS-P (their domains are not the three ISMS-P domains).</summary>
    public bool IsLegacy => this == KIsms2013;

    /// <summary>The short names users type: 2023, 2018, 7-2, 7-3 (and the full ids).</summary>
    public string ShortName => Value switch
    {
        "isms-p-2023" => "2023",
        "isms-p-2018" => "2018",
        "simplified-7-2" => "7-2",
        "simplified-7-3" => "7-3",
        "k-isms-2013" => "k-isms",
        _ => Value,
    };

    public static bool TryParse(string? text, out EditionId edition)
    {
        var t = text?.Trim().ToLowerInvariant();
        foreach (var e in All)
        {
            if (t == e.Value || t == e.ShortName || t == "7의" + e.ShortName[^1..] && e.ShortName.StartsWith("7-", StringComparison.Ordinal))
            {
                edition = e;
                return true;
            }
        }

        edition = default;
        return false;
    }

    public override string ToString() => Value;
}

/// <summary>A control id qualified by its edition, e.g. <c>7-2:2.1.1</c>.</summary>
public readonly record struct ControlRef(EditionId Edition, string Id)
{
    public override string ToString() => $"{Edition.ShortName}:{Id}";
}
