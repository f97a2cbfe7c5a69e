using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Npgsql;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Text;
using Xunit.Abstractions;

namespace QmsPortal.Tests.Security;

/// <summary>
/// Review of issue 7, findings 2 and 9, against real portal processes (<see cref="PortalProcess"/>): a kill -9
/// while migrating, a migration lock held by a live process, a read-only or unreachable database, a file store
/// that cannot be written. Start-up must never hang without a word, and never answer with a stack trace.
/// Tests marked <c>Engine=Fixed</c> choose their engine themselves (SQLite behaviour, or a PostgreSQL server that
/// is not there); build/test.sh runs them once, in the SQLite leg, and the PostgreSQL leg leaves them out.
/// </summary>
public sealed class StartupRobustnessTests(ITestOutputHelper log)
{
    private const string LockTimeoutSetting = "Database:MigrationLockTimeoutSeconds";

    [Fact]
    public async Task Kill_9_during_a_migration_then_the_next_start_completes_it_and_removes_a_stale_lock()
    {
        var (database, staleLock) = await KillDuringAMigrationAsync();
        await using var _ = database;

        // The precondition, not assumed: the kill interrupted the migration, and on SQLite EF Core's lock row
        // survived it (PostgreSQL releases its lock with the session, so there is nothing to leave).
        Assert.True(await database.PendingMigrationCountAsync() > 0, "The kill came after the migration had finished.");
        if (!database.IsPostgres)
        {
            Assert.NotNull(staleLock);
        }

        await using var restarted = await PortalProcess.StartAsync(database);

        Assert.Equal(HttpStatusCode.OK, (await restarted.GetAsync("/healthz")).StatusCode);
        Assert.Equal(0, await database.PendingMigrationCountAsync());
        if (!database.IsPostgres)
        {
            var warning = restarted.Output;
            Assert.Contains("Removed a stale migration lock from table __EFMigrationsLock of " + database.SqliteFile, warning);
            Assert.Contains("(taken at " + Vietnam(staleLock!), warning);
            Assert.Equal(0L, await database.ScalarAsync("SELECT COUNT(*) FROM \"__EFMigrationsLock\""));
        }

        AssertNoStackTrace(restarted.Output + restarted.Error);
    }

    [Fact]
    public async Task A_start_that_finds_the_migration_lock_held_by_a_live_process_says_so_then_gives_up_with_one_line()
    {
        await using var database = PortalDatabase.Create();
        await using var holder = await HoldMigrationLockAsync(database);

        await using var portal = await PortalProcess.StartAsync(database, new PortalProcessOptions
        {
            Settings = new Dictionary<string, string?> { [LockTimeoutSetting] = "3" },
            WaitFor = PortalReadiness.None,
        });
        var exitCode = await portal.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Contains("Waiting for the migration lock", portal.Output);
        var line = Assert.Single(Lines(portal.Error));
        Assert.StartsWith("Đã chờ 3 giây mà khóa nâng cấp cơ sở dữ liệu", line);
        Assert.Contains("Gave up after 3 s waiting for the migration lock", line);
        Assert.Contains(holder.Names, line);
        Assert.Contains(LockTimeoutSetting, line);
        AssertNoStackTrace(portal.Output + portal.Error);
        Assert.True(await holder.StillHeldAsync(), "A live process's lock was taken from it.");
    }

    [Fact]
    [Trait("Engine", "Fixed")]
    public async Task On_an_up_to_date_SQLite_database_verbs_and_the_web_app_run_while_another_process_holds_the_migration_lock()
    {
        await using var database = PortalDatabase.CreateSqlite();
        await database.MigrateAsync();
        await using var holder = await HoldMigrationLockAsync(database);

        var verb = await PortalProcess.RunVerbAsync(database, ["tenant", "list"], timeout: TimeSpan.FromSeconds(60));
        await using var portal = await PortalProcess.StartAsync(database);
        var healthz = await portal.GetAsync("/healthz");
        var stopped = await portal.StopAsync();

        Assert.Equal(0, verb.ExitCode);
        Assert.Contains("0 xã, phường.", verb.Output);
        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
        Assert.Equal(0, stopped);
        Assert.DoesNotContain("Waiting for the migration lock", verb.Output + portal.Output);
        Assert.True(await holder.StillHeldAsync(), "A process with nothing to migrate touched the migration lock.");
    }

    [Fact]
    [Trait("Engine", "Fixed")]
    public async Task A_read_only_SQLite_database_stops_start_up_and_verbs_with_one_line_naming_the_file_and_the_fix()
    {
        await using var database = PortalDatabase.CreateSqlite();
        await database.MigrateAsync();
        var readOnly = new Dictionary<string, string?> { ["Database:ConnectionString"] = database.ConnectionString + ";Mode=ReadOnly" };

        await using var portal = await PortalProcess.StartAsync(database, new PortalProcessOptions { Settings = readOnly, WaitFor = PortalReadiness.None });
        var exitCode = await portal.WaitForExitAsync(TimeSpan.FromSeconds(60));
        var verb = await PortalProcess.RunVerbAsync(database, ["tenant", "list"], readOnly);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(Lines(portal.Error));
        Assert.Equal($"Cơ sở dữ liệu SQLite {database.SqliteFile} chỉ mở được để đọc, nhưng cổng cần ghi vào đó. "
            + "Bỏ Mode=ReadOnly khỏi Database:ConnectionString và cho phép ghi vào tệp cùng thư mục chứa nó rồi chạy lại. "
            + $"/ The SQLite database {database.SqliteFile} opened read-only, but the portal must write to it. "
            + "Remove Mode=ReadOnly from Database:ConnectionString and make the file and its folder writable, then start again.", line);
        Assert.Equal(1, verb.ExitCode);
        Assert.Equal("Lỗi: " + line, Assert.Single(Lines(verb.Error)));
        AssertNoStackTrace(portal.Output + portal.Error + verb.Output + verb.Error);
    }

    [Fact]
    [Trait("Engine", "Fixed")]
    public async Task A_SQLite_database_whose_folder_cannot_be_created_stops_start_up_with_one_line_naming_the_obstacle()
    {
        await using var database = PortalDatabase.CreateSqlite();
        var obstacle = database.SqliteFile + ".not-a-folder";
        await File.WriteAllTextAsync(obstacle, "");
        try
        {
            var file = Path.Combine(obstacle, "data", "qms.db");
            await using var portal = await PortalProcess.StartAsync(database, new PortalProcessOptions
            {
                Settings = new Dictionary<string, string?> { ["Database:ConnectionString"] = "Data Source=" + file },
                WaitFor = PortalReadiness.None,
            });
            var exitCode = await portal.WaitForExitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(1, exitCode);
            var line = Assert.Single(Lines(portal.Error));
            Assert.StartsWith($"Không tạo được thư mục {Path.GetDirectoryName(file)} để chứa cơ sở dữ liệu SQLite {file} ({obstacle} là một tệp, không phải thư mục).", line);
            Assert.Contains("Database:ConnectionString", line);
            AssertNoStackTrace(portal.Output + portal.Error);
        }
        finally
        {
            File.Delete(obstacle);
        }
    }

    [Fact]
    [Trait("Engine", "Fixed")]
    public async Task An_unreachable_PostgreSQL_server_stops_start_up_with_one_line_naming_host_and_port()
    {
        await using var unused = PortalDatabase.CreateSqlite();
        var port = PortalProcess.FreePort();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = $"Host=127.0.0.1;Port={port};Database=qms;Username=qms;Timeout=5",
        };

        await using var portal = await PortalProcess.StartAsync(unused, new PortalProcessOptions { Settings = settings, WaitFor = PortalReadiness.None });
        var exitCode = await portal.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        var line = Assert.Single(Lines(portal.Error));
        Assert.StartsWith($"Không kết nối được PostgreSQL 127.0.0.1:{port}/qms (", line);
        Assert.Contains($"/ Cannot connect to PostgreSQL 127.0.0.1:{port}/qms (", line);
        Assert.Contains("Database:ConnectionString", line);
        AssertNoStackTrace(portal.Output + portal.Error);
    }

    [Fact]
    public async Task An_invalid_migration_lock_timeout_is_refused_at_start_naming_the_setting()
    {
        await using var database = PortalDatabase.Create();

        var verb = await PortalProcess.RunVerbAsync(database, ["tenant", "list"], new Dictionary<string, string?> { [LockTimeoutSetting] = "0" });

        Assert.Equal(1, verb.ExitCode);
        var line = Assert.Single(Lines(verb.Error));
        Assert.StartsWith("Lỗi: Cấu hình Database không hợp lệ:", line);
        Assert.Contains("MigrationLockTimeoutSeconds", line);
        AssertNoStackTrace(verb.Output + verb.Error);
    }

    [Fact]
    public async Task Healthz_answers_503_naming_the_file_store_folder_when_it_cannot_be_written_and_start_up_warns()
    {
        await using var database = PortalDatabase.Create();
        await database.MigrateAsync();
        var obstacle = Path.Combine(Path.GetTempPath(), "qms-tests", database.Name + ".not-a-folder");
        await File.WriteAllTextAsync(obstacle, "");
        try
        {
            var root = Path.Combine(obstacle, "files");
            await using var portal = await PortalProcess.StartAsync(database, new PortalProcessOptions
            {
                Settings = new Dictionary<string, string?> { ["Files:Root"] = root },
                WaitFor = PortalReadiness.Listening,
            });

            var response = await portal.GetAsync("/healthz");
            var body = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal($"Không ghi được vào thư mục lưu tệp {root} ({obstacle} là một tệp, không phải thư mục); sửa Files:Root hoặc quyền ghi thư mục đó.", body);
            Assert.Contains("The file store cannot be written", portal.Output);
            Assert.True(await portal.WaitForOutputAsync("Health check files with status Unhealthy", TimeSpan.FromSeconds(10)), portal.Output);
            AssertNoStackTrace(body + portal.Output + portal.Error);
        }
        finally
        {
            File.Delete(obstacle);
        }
    }

    /// <summary>
    /// Starts a portal on an empty database and kills it (SIGKILL) the moment it holds EF Core's migration lock:
    /// on SQLite when the <c>__EFMigrationsLock</c> row appears, on PostgreSQL when a migration transaction holds an
    /// exclusive lock. A migration that finished before the kill landed is tried again on a fresh database.
    /// Returns the database and, on SQLite, the timestamp of the lock row the kill left behind.
    /// </summary>
    private async Task<(PortalDatabase Database, string? StaleLock)> KillDuringAMigrationAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var database = PortalDatabase.Create();
            var killed = false;
            await using (var portal = await PortalProcess.StartAsync(database, new PortalProcessOptions { WaitFor = PortalReadiness.None }))
            {
                var clock = Stopwatch.StartNew();
                while (!portal.HasExited && clock.Elapsed < TimeSpan.FromSeconds(90))
                {
                    if (await MigrationLockHeldAsync(database))
                    {
                        portal.Kill();
                        killed = true;
                        break;
                    }

                    await Task.Delay(5);
                }
            }

            var staleLock = database.IsPostgres ? null : await SqliteLockRowAsync(database);
            if (killed && await database.PendingMigrationCountAsync() > 0 && (database.IsPostgres || staleLock is not null))
            {
                log.WriteLine($"Killed while migrating on attempt {attempt}; lock row left: {staleLock ?? "none (PostgreSQL)"}.");
                return (database, staleLock);
            }

            log.WriteLine($"Attempt {attempt}: the portal finished migrating before the kill landed; again on a fresh database.");

            await database.DisposeAsync();
            if (attempt == 5)
            {
                throw new InvalidOperationException("Five portals finished migrating before the kill landed.");
            }
        }
    }

    private static async Task<bool> MigrationLockHeldAsync(PortalDatabase database)
    {
        if (!database.IsPostgres)
        {
            return File.Exists(database.SqliteFile) && await SqliteLockRowAsync(database) is not null;
        }

        await using var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "postgres", Pooling = false }.ToString());
        await server.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT COUNT(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database
            WHERE d.datname = @name AND l.locktype = 'relation' AND l.mode = 'AccessExclusiveLock' AND l.granted
            """, server);
        command.Parameters.AddWithValue("name", database.Name);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    /// <summary>The Timestamp of EF Core's SQLite lock row, or null (no row, no table yet, file busy).</summary>
    private static async Task<string?> SqliteLockRowAsync(PortalDatabase database)
    {
        try
        {
            return await database.ScalarAsync("SELECT \"Timestamp\" FROM \"__EFMigrationsLock\" LIMIT 1") as string;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return null;
        }
    }

    /// <summary>
    /// What another live process migrating the same database holds. SQLite: the OS lock on
    /// <c>&lt;file&gt;.migrating</c> and the row in <c>__EFMigrationsLock</c>. PostgreSQL: an open transaction
    /// holding <c>LOCK TABLE "__EFMigrationsHistory" IN ACCESS EXCLUSIVE MODE</c>, as EF Core takes it.
    /// </summary>
    private static async Task<LockHolder> HoldMigrationLockAsync(PortalDatabase database)
    {
        await database.EnsureCreatedOnServerAsync();
        var connection = await database.OpenAsync();
        if (database.IsPostgres)
        {
            await Execute(connection, """
                CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" ("MigrationId" character varying(150) NOT NULL,
                    "ProductVersion" character varying(32) NOT NULL, CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY ("MigrationId"));
                """);
            var transaction = await connection.BeginTransactionAsync();
            await Execute(connection, "LOCK TABLE \"__EFMigrationsHistory\" IN ACCESS EXCLUSIVE MODE", transaction);
            return new LockHolder(connection, transaction, null, $"pid {((NpgsqlConnection)connection).ProcessID} ", database);
        }

        await Execute(connection, """
            CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
            INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2026-11-30 22:15:00.0000000+00:00');
            """);
        await connection.DisposeAsync();
        var lockFile = database.SqliteFile + ".migrating";
        var held = new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        return new LockHolder(null, null, held, $"tệp khóa {lockFile} (bảng __EFMigrationsLock của {database.SqliteFile}", database);
    }

    private sealed class LockHolder(DbConnection? connection, DbTransaction? transaction, FileStream? lockFile, string names, PortalDatabase database) : IAsyncDisposable
    {
        /// <summary>How the portal's message must name the lock and its holder.</summary>
        public string Names { get; } = names;

        public async Task<bool> StillHeldAsync()
        {
            if (connection is not null)
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "SELECT COUNT(*) FROM pg_locks WHERE pid = pg_backend_pid() AND mode = 'AccessExclusiveLock' AND granted";
                return (long)(await command.ExecuteScalarAsync())! > 0;
            }

            return lockFile!.CanWrite && await SqliteLockRowAsync(database) == "2026-11-30 22:15:00.0000000+00:00";
        }

        public async ValueTask DisposeAsync()
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            if (lockFile is not null)
            {
                await lockFile.DisposeAsync();
            }
        }
    }

    private static async Task Execute(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>How the portal writes a lock's timestamp: Vietnam time.</summary>
    private static string Vietnam(string stored) =>
        VietnameseFormat.Local(DateTimeOffset.Parse(stored, CultureInfo.InvariantCulture)).ToString("HH:mm:ss dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void AssertNoStackTrace(string text)
    {
        Assert.DoesNotContain("Unhandled exception", text);
        Assert.DoesNotContain("   at ", text);
    }
}
