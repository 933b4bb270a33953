using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Jikimi.Web.Ui;

/// <summary>
/// The UI's CSS, scripts and icons, embedded in the assembly and served from /static/… with a content hash in the
/// URL, so browsers may cache them for a year and still see a new version at once.
/// </summary>
public sealed class StaticAssets
{
    private const string Prefix = "assets/";
    private readonly FrozenDictionary<string, (byte[] Bytes, string Hash, string ContentType)> _files;

    public StaticAssets()
    {
        var asm = typeof(StaticAssets).Assembly;
        var types = new FileExtensionContentTypeProvider();
        _files = asm.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).ToFrozenDictionary(
            n => n[Prefix.Length..].Replace('\\', '/'),
            n =>
            {
                using var s = asm.GetManifestResourceStream(n)!;
                using var ms = new MemoryStream();
                s.CopyTo(ms);
                var bytes = ms.ToArray();
                var type = types.TryGetContentType(n, out var t) ? t : "application/octet-stream";
                if (type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("javascript", StringComparison.Ordinal))
                {
                    type += "; charset=utf-8";
                }

                return (bytes, Convert.ToHexStringLower(SHA256.HashData(bytes))[..12], type);
            });
    }

    /// <summary>The versioned URL of an asset; throws for a missing one so a typo fails the first test that renders it.</summary>
    public string Url(string path) =>
        _files.TryGetValue(path, out var f) ? $"/static/{path}?v={f.Hash}" : throw new InvalidOperationException($"no embedded asset '{path}'");

    public IResult Serve(HttpContext http, string path)
    {
        if (!_files.TryGetValue(path, out var f))
        {
            return TypedResults.NotFound();
        }

        var etag = new EntityTagHeaderValue($"\"{f.Hash}\"");
        http.Response.Headers.ETag = etag.ToString();
        http.Response.Headers.CacheControl = http.Request.Query["v"] == f.Hash ? "public, max-age=31536000, immutable" : "no-cache";
        if (http.Request.Headers.IfNoneMatch.ToString() == etag.ToString())
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(f.Bytes, f.ContentType);
    }

    internal IEnumerable<string> Paths => _files.Keys;
}
