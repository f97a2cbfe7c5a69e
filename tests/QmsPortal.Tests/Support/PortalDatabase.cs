using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using QmsPortal.Web.Data;

namespace QmsPortal.Tests.Support;

/// <summary>
/// A fresh, empty database for real portal processes (<see cref="PortalProcess"/>): a SQLite file in the temp
/// folder, or a PostgreSQL database on <c>QMS_TEST_PG</c>. The engine follows <c>QMS_TEST_DB</c> unless a test
/// names one. Dropped or deleted on dispose, with the SQLite lock file beside it.
/// </summary>
public sealed class PortalDatabase : IAsyncDisposable
{
    private PortalDatabase(bool postgres)
    {
        IsPostgres = postgres;
        Name = "qms_p_" + Guid.NewGuid().ToString("N")[..12];
        if (postgres)
        {
            ConnectionString = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("QMS_TEST_PG")
                ?? throw new InvalidOperationException("QMS_TEST_PG must hold the PostgreSQL connection string.")) { Database = Name }.ToString();
        }
        else
        {
            var folder = Path.Combine(Path.GetTempPath(), "qms-tests");
            Directory.CreateDirectory(folder);
            SqliteFile = Path.Combine(folder, Name + ".db");
            ConnectionString = $"Data Source={SqliteFile}";
        }
    }

    /// <summary>On the engine of this test run (<c>QMS_TEST_DB</c>).</summary>
    public static PortalDatabase Create() => new(PortalFactory.UsesPostgres);

    /// <summary>Always SQLite, whatever the run's engine: for behaviour only SQLite has.</summary>
    public static PortalDatabase CreateSqlite() => new(postgres: false);

    /// <summary>Always PostgreSQL on <c>QMS_TEST_PG</c>.</summary>
    public static PortalDatabase CreatePostgres() => new(postgres: true);

    public bool IsPostgres { get; }

    /// <summary>The value of <c>Database:Provider</c>.</summary>
    public string Provider => IsPostgres ? "Postgres" : "Sqlite";

    /// <summary>The PostgreSQL database name, or the SQLite file name without its folder and extension.</summary>
    public string Name { get; }

    /// <summary>The value of <c>Database:ConnectionString</c>.</summary>
    public string ConnectionString { get; }

    /// <summary>The SQLite file (null on PostgreSQL).</summary>
    public string? SqliteFile { get; }

    /// <summary>Applies every migration from this test process (quicker than starting a portal for it).</summary>
    public async Task MigrateAsync()
    {
        await using var db = CreateContext();
        await db.Database.MigrateAsync();
    }

    /// <summary>Migrations not applied yet (all of them on a database that does not exist yet).</summary>
    public async Task<int> PendingMigrationCountAsync()
    {
        await using var db = CreateContext();
        if (IsPostgres && !await ExistsOnServerAsync())
        {
            return db.Database.GetMigrations().Count();
        }

        return (await db.Database.GetPendingMigrationsAsync()).Count();
    }

    /// <summary>A connection of this test to the database, not pooled, so nothing stays open behind the test's back.</summary>
    public async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = IsPostgres
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false, ApplicationName = "qms-test" }.ToString())
            : new SqliteConnection(new SqliteConnectionStringBuilder(ConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Creates the PostgreSQL database when it does not exist yet (SQLite creates its file on first open).</summary>
    public async Task EnsureCreatedOnServerAsync()
    {
        if (IsPostgres && !await ExistsOnServerAsync())
        {
            await using var server = await OpenServerAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Name}\"", server);
            await create.ExecuteNonQueryAsync();
        }
    }

    /// <summary>One scalar from the database, on a fresh connection.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private async Task<bool> ExistsOnServerAsync()
    {
        await using var server = await OpenServerAsync();
        await using var exists = new NpgsqlCommand("SELECT COUNT(*) FROM pg_database WHERE datname = @name", server);
        exists.Parameters.AddWithValue("name", Name);
        return (long)(await exists.ExecuteScalarAsync())! > 0;
    }

    private async Task<NpgsqlConnection> OpenServerAsync()
    {
        var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ToString());
        await server.OpenAsync();
        return server;
    }

    /// <summary>A context of this test on the database, as the portal's own (to queue mail or read its state).</summary>
    public QmsDbContext CreateContext() => IsPostgres
        ? new PostgresQmsDbContext(new DbContextOptionsBuilder<PostgresQmsDbContext>().UseNpgsql(ConnectionString).Options)
        : new SqliteQmsDbContext(new DbContextOptionsBuilder<SqliteQmsDbContext>().UseSqlite(ConnectionString).Options);

    public async ValueTask DisposeAsync()
    {
        if (IsPostgres)
        {
            NpgsqlConnection.ClearAllPools();
            await using var server = await OpenServerAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", server);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal", ".migrating" })
            {
                File.Delete(SqliteFile + suffix);
            }
        }
    }
}
