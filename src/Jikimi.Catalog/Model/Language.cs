namespace Jikimi.Catalog.Model;

/// <summary>The two languages every catalog text is written in.</summary>
public enum Language
{
    Ko,
    En,
}

public static class LanguageParser
{
    public static bool TryParse(string? value, out Language language)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "ko" or "kr" or "korean" or "ko-kr":
                language = Language.Ko;
                return true;
            case "en" or "english" or "en-us" or "en-gb":
                language = Language.En;
                return true;
            default:
                language = Language.Ko;
                return false;
        }
    }
}

/// <summary>A text in Korean and English. Both are required by the loader.</summary>
public sealed record LocalizedText(string Ko, string En)
{
    public static readonly LocalizedText Empty = new(string.Empty, string.Empty);

    public string this[Language language] => language == Language.Ko ? Ko : En;

    public bool IsComplete => !string.IsNullOrWhiteSpace(Ko) && !string.IsNullOrWhiteSpace(En);

    public override string ToString() => Ko;
}
