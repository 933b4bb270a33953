using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jikimi.Privacy.AccessRecords.Inspection;

/// <summary>One public holiday; <see cref="Substitute"/> marks a 대체공휴일.</summary>
public sealed record Holiday(DateOnly Date, string NameKo, string NameEn, bool Substitute);

/// <summary>
/// Korea's public holidays per year (<c>rules/holidays/kr-YYYY.json</c>, embedded, each with its source). A year without a
/// file has no holidays known: the inspection then says so rather than treating every day as a working day silently.
/// </summary>
public static class KoreanHolidays
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip };

    public static string ResourceName(int year) => $"rules/holidays/kr-{year}.json";

    /// <summary>The holidays of <paramref name="year"/>, or null when no file for that year is shipped.</summary>
    public static IReadOnlyList<Holiday>? For(int year)
    {
        using var stream = typeof(KoreanHolidays).Assembly.GetManifestResourceStream(ResourceName(year));
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        var file = JsonSerializer.Deserialize<FileDto>(reader.ReadToEnd(), Json) ?? throw new InvalidDataException($"holidays {year}: empty file");
        if (file.Year != year || string.IsNullOrWhiteSpace(file.Source))
        {
            throw new InvalidDataException($"holidays {year}: the file must name its year and its source");
        }

        var list = (file.Holidays ?? []).Select(h => new Holiday(h.Date, h.NameKo ?? string.Empty, h.NameEn ?? string.Empty, h.Substitute)).ToList();
        if (list.Any(h => h.Date.Year != year || h.NameKo.Length == 0 || h.NameEn.Length == 0))
        {
            throw new InvalidDataException($"holidays {year}: every date must be in {year} and have Korean and English names");
        }

        return list;
    }

    private sealed record FileDto(int Year, string? Source, HolidayDto[]? Holidays);

    private sealed record HolidayDto(DateOnly Date, string? NameKo, string? NameEn, bool Substitute);
}
