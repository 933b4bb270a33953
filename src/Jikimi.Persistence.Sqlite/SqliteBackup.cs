using Microsoft.Data.Sqlite;

namespace Jikimi.Persistence.Sqlite;

/// <summary>`jikimi backup`/`restore` on SQLite: SQLite's online backup API gives a consistent copy while the server writes.</summary>
public static class SqliteBackup
{
    /// <summary>The database file a connection string names (full path).</summary>
    public static string FileOf(string connectionString) => Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);

    /// <summary>Copies the live database page by page into a new file (readers and writers carry on meanwhile).</summary>
    public static void BackupTo(string connectionString, string destinationFile)
    {
        using var source = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        source.Open();
        using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destinationFile, Pooling = false }.ToString());
        destination.Open();
        source.BackupDatabase(destination);
    }

    /// <summary>Restores a backup file as the database of an empty instance (the target file must not exist).</summary>
    public static void RestoreTo(string backupFile, string connectionString)
    {
        var target = FileOf(connectionString);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = target + ".restoring";
        File.Copy(backupFile, temp, overwrite: true);
        using (var fs = new FileStream(temp, FileMode.Open, FileAccess.ReadWrite))
        {
            fs.Flush(flushToDisk: true);
        }

        File.Move(temp, target, overwrite: false);
    }
}
