using Jikimi.Catalog.Model;
using Jikimi.Cli.Catalog;

namespace Jikimi.Cli.Infrastructure;

/// <summary>
/// An `--out` file, checked before any work is done and written atomically: bytes go to a temporary file beside
/// the target, which <see cref="Commit"/> renames into place. Disposing without a commit deletes the temporary
/// file, so a failed run leaves neither half a file nor a stray temporary one.
/// </summary>
public sealed class OutputFile : IDisposable
{
    private readonly string _temp;
    private bool _committed;

    private OutputFile(string path, string temp, FileStream stream)
    {
        Path = path;
        _temp = temp;
        Stream = stream;
    }

    /// <summary>The full path of the target.</summary>
    public string Path { get; }

    /// <summary>The temporary file's stream; write here, then <see cref="Commit"/>.</summary>
    public FileStream Stream { get; }

    /// <summary>
    /// Checks that <paramref name="path"/> names a file in an existing, writable folder and opens the temporary
    /// file. Problems are <see cref="CliFailureException"/>s (exit 1) with a Korean and an English line.
    /// </summary>
    public static OutputFile Prepare(string path, Language lang, string option = "--out")
    {
        string full;
        try
        {
            full = System.IO.Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new CliFailureException(lang.T($"{option}: 쓸 수 없는 경로입니다: {path}", $"{option}: not a usable path: {path}"));
        }

        if (Directory.Exists(full))
        {
            throw new CliFailureException(lang.T($"{option}: 파일이 아니라 폴더입니다: {full}", $"{option} names a folder, not a file: {full}"));
        }

        var folder = System.IO.Path.GetDirectoryName(full);
        if (folder is null || !Directory.Exists(folder))
        {
            throw new CliFailureException(lang.T($"{option}: 폴더가 없습니다: {folder ?? full}", $"{option}: the folder does not exist: {folder ?? full}"));
        }

        var temp = full + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            return new OutputFile(full, temp, new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliFailureException(lang.T($"{option}: 이 폴더에 쓸 수 없습니다: {folder}", $"{option}: cannot write in the folder {folder}"));
        }
    }

    /// <summary>Closes the temporary file and renames it over the target.</summary>
    public void Commit()
    {
        Stream.Flush();
        Stream.Dispose();
        File.Move(_temp, Path, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        Stream.Dispose();
        if (!_committed)
        {
            try
            {
                File.Delete(_temp);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Best effort: the temporary name is unique and says what it is.
            }
        }
    }
}
