using System.Text.Json;
using System.Text.Json.Serialization;
using Jikimi.Catalog.Model;

namespace Jikimi.Catalog.Prowler;

/// <summary>
/// Keeps imported official-wording layers as files under the data directory, one per language, written
/// atomically (temp file, flush to disk, rename) so a crash leaves either the old layer or the new one.
/// </summary>
public sealed class OverlayStore(string dataDirectory)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public string Directory { get; } = Path.Combine(dataDirectory, "catalog-overlays");

    public string PathFor(Language language) => Path.Combine(Directory, $"prowler-isms-p-2023-{language.ToString().ToLowerInvariant()}.json");

    public void Save(OfficialWordingLayer layer)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var target = PathFor(layer.Language);
        var temp = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (var fs = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(fs, layer, Json);
                fs.Flush(flushToDisk: true);
            }

            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>The stored layers; a damaged file is reported, not silently dropped.</summary>
    public IReadOnlyList<OfficialWordingLayer> LoadAll(out IReadOnlyList<string> problems)
    {
        var layers = new List<OfficialWordingLayer>();
        var errs = new List<string>();
        foreach (var language in Enum.GetValues<Language>())
        {
            var path = PathFor(language);
            if (!File.Exists(path))
            {
                continue;
            }

            try
            {
                using var fs = File.OpenRead(path);
                var layer = JsonSerializer.Deserialize<OfficialWordingLayer>(fs, Json);
                if (layer is not null)
                {
                    layers.Add(layer);
                }
            }
            catch (JsonException ex)
            {
                errs.Add($"{path}: unreadable overlay ({ex.Message}); import the Prowler file again");
            }
        }

        problems = errs;
        return layers;
    }
}
