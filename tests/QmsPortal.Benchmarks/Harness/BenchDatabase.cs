using Microsoft.Data.Sqlite;
using Npgsql;

namespace QmsPortal.Benchmarks.Harness;

/// <summary>
/// The database a benchmark runs on: by default a fresh temporary SQLite file (the portal switches it to WAL
/// at start-up), or a fresh database on a PostgreSQL server. Deleted afterwards unless kept.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _sqlitePath;
    private readonly string? _postgresName;
    private readonly bool _keep;

    private BenchDatabase(string provider, string connectionString, string? sqlitePath, string? postgresName, bool keep)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqlitePath = sqlitePath;
        _postgresName = postgresName;
        _keep = keep;
    }

    /// <summary><c>Sqlite</c> or <c>Postgres</c>, as in the portal's <c>Database:Provider</c>.</summary>
    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>Where to find the data afterwards (the SQLite file or the PostgreSQL database name).</summary>
    public string Location => _sqlitePath ?? _postgresName ?? ConnectionString;

    /// <summary>
    /// SQLite: <paramref name="connection"/> names a file that must not exist yet (default: a temporary one).
    /// PostgreSQL: <paramref name="connection"/> reaches a server; a new database with a unique name is created on it.
    /// </summary>
    public static async Task<BenchDatabase> CreateFreshAsync(string provider, string? connection, bool keep)
    {
        if (provider == "Postgres")
        {
            if (string.IsNullOrWhiteSpace(connection))
            {
                throw new UsageException("--provider Postgres needs --connection \"Host=127.0.0.1;Port=...;Username=...\".");
            }

            var name = "qms_bench_" + Guid.NewGuid().ToString("N")[..10];
            await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { Database = "postgres" }.ToString()))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
                await create.ExecuteNonQueryAsync();
            }

            return new BenchDatabase(provider, new NpgsqlConnectionStringBuilder(connection) { Database = name }.ToString(), null, name, keep);
        }

        string path;
        if (string.IsNullOrWhiteSpace(connection))
        {
            var folder = Path.Combine(Path.GetTempPath(), "qms-bench");
            Directory.CreateDirectory(folder);
            path = Path.Combine(folder, "qms_bench_" + Guid.NewGuid().ToString("N")[..10] + ".db");
        }
        else
        {
            path = Path.GetFullPath(new SqliteConnectionStringBuilder(connection).DataSource);
            if (File.Exists(path))
            {
                throw new UsageException($"{path} already exists; a benchmark starts from a fresh database.");
            }

            // A file the user named is theirs to keep.
            keep = true;
        }

        return new BenchDatabase("Sqlite", $"Data Source={path}", path, null, keep);
    }

    /// <summary>A database that already holds the data (e.g. handed to a child process); never deleted by it.</summary>
    public static BenchDatabase Existing(string provider, string connectionString) =>
        new(provider, connectionString, null, null, keep: true);

    /// <summary>True when the data stays after the benchmark (<c>--keep</c>, or a SQLite file the user named).</summary>
    public bool Kept => _keep;

    /// <summary>Bytes on disk: the SQLite file and its WAL, or <c>pg_database_size</c>.</summary>
    public long SizeBytes()
    {
        if (Provider == "Sqlite")
        {
            var path = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            return new[] { path, path + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
        }

        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var size = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
        return (long)size.ExecuteScalar()!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_keep)
        {
            return;
        }

        if (_sqlitePath is not null)
        {
            SqliteConnection.ClearAllPools();
            // .migrating: the lock file the portal keeps beside a SQLite database it migrated (Data/StartupMigrations.cs).
            foreach (var file in new[] { _sqlitePath, _sqlitePath + "-wal", _sqlitePath + "-shm", _sqlitePath + ".migrating" })
            {
                File.Delete(file);
            }
        }
        else if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres" }.ToString());
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
