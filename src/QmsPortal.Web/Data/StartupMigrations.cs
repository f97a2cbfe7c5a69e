using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Data;

/// <summary>
/// Applies pending migrations without ever hanging silently on EF Core's migration lock.
/// <list type="bullet">
/// <item>Nothing pending (every normal start and verb): the lock is never touched.</item>
/// <item>SQLite: EF Core's lock is a row in <c>__EFMigrationsLock</c>, inserted outside any transaction and deleted
/// when migrating ends; a process killed in between leaves it, and every later migration polls it forever. So a
/// migration here first takes an OS lock on <c>&lt;database&gt;.migrating</c>, which the OS releases when its holder
/// dies, even by kill -9. Holding that, a row in <c>__EFMigrationsLock</c> can belong to no live QmsPortal process and
/// is removed with a warning.</item>
/// <item>PostgreSQL: EF Core's lock is <c>LOCK TABLE "__EFMigrationsHistory"</c> inside the migration transaction,
/// released by the server when its session ends, so it is never stale; but reading the history or migrating waits
/// behind a live holder up to the command timeout. Each attempt here runs with a short <c>lock_timeout</c> and is
/// retried, saying who holds the lock, until <see cref="DatabaseOptions.MigrationLockTimeoutSeconds"/>.</item>
/// </list>
/// Waiting uses the real clock, not the injected <see cref="TimeProvider"/>: tests freeze that one.
/// </summary>
internal sealed class StartupMigrations(QmsDbContext db, DatabaseOptions options, ILogger logger)
{
    private const string SqliteLockTable = "__EFMigrationsLock";
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan SqliteRetry = TimeSpan.FromMilliseconds(250);

    private TimeSpan Timeout => TimeSpan.FromSeconds(options.MigrationLockTimeoutSeconds);

    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await ApplyOnPostgresAsync(cancellationToken);
        }
        else if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await ApplyOnSqliteAsync(cancellationToken);
        }
    }

    private async Task ApplyOnSqliteAsync(CancellationToken cancellationToken)
    {
        var file = DatabaseTarget.SqliteFile(db.Database.GetDbConnection().ConnectionString);
        if (file is null)
        {
            // An in-memory database lives in this process only: nobody else can migrate it.
            await db.Database.MigrateAsync(cancellationToken);
            return;
        }

        var lockFile = file + ".migrating";
        await using var held = await AcquireFileLockAsync(file, lockFile, cancellationToken);
        if (await ReadSqliteLockRowAsync(cancellationToken) is { } stale)
        {
            await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{SqliteLockTable}\";", cancellationToken);
            logger.LogWarning(
                "Đã xóa khóa nâng cấp bị bỏ lại trong bảng {Table} của {Database} (lấy lúc {Since}): không tiến trình QmsPortal nào giữ {LockFile}, "
                + "nên tiến trình đã lấy khóa đã dừng giữa chừng khi nâng cấp. / Removed a stale migration lock from table {Table} of {Database} "
                + "(taken at {Since}): no QmsPortal process holds {LockFile}, so the process that took it died while migrating.",
                SqliteLockTable, file, stale, lockFile, SqliteLockTable, file, stale, lockFile);
        }

        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>
    /// FileShare.None is an exclusive flock on Linux (LockFileEx on Windows). The file stays after use: deleting a
    /// lock file while another process opens it would let two processes each lock a different file.
    /// </summary>
    private async Task<FileStream> AcquireFileLockAsync(string file, string lockFile, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        var nextReport = TimeSpan.Zero;
        while (true)
        {
            try
            {
                return new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e) when (IsHeldElsewhere(e))
            {
                if (waited.Elapsed >= Timeout)
                {
                    var since = await ReadSqliteLockRowAsync(cancellationToken);
                    throw DatabaseStartupException.SqliteLockTimeout(file, lockFile, options.MigrationLockTimeoutSeconds, since);
                }

                if (waited.Elapsed >= nextReport)
                {
                    // The holder inserts EF Core's row right after taking the file lock: its timestamp says since when.
                    var since = await ReadSqliteLockRowAsync(cancellationToken);
                    logger.LogWarning(
                        "Đang chờ khóa nâng cấp cơ sở dữ liệu {LockFile} (bảng {Table} của {Database}) do tiến trình khác giữ từ {Since}; "
                        + "đã chờ {Waited} giây, tối đa {Timeout} giây. / Waiting for the migration lock {LockFile} (table {Table} of {Database}), "
                        + "held by another process since {Since}; waited {Waited} s of at most {Timeout} s.",
                        lockFile, SqliteLockTable, file, since ?? "không rõ", (int)waited.Elapsed.TotalSeconds, options.MigrationLockTimeoutSeconds,
                        lockFile, SqliteLockTable, file, since ?? "unknown", (int)waited.Elapsed.TotalSeconds, options.MigrationLockTimeoutSeconds);
                    nextReport += ReportEvery;
                }

                await Task.Delay(SqliteRetry, cancellationToken);
            }
        }
    }

    // "Someone else holds it": EWOULDBLOCK from flock (11 on Linux, 35 on macOS), ERROR_SHARING_VIOLATION (32) on Windows.
    private static bool IsHeldElsewhere(IOException e) => e.HResult is 11 or 35 || (e.HResult & 0xFFFF) == 32;

    /// <summary>When the lock row was taken, as Vietnam time; null when the table or the row is absent.</summary>
    private async Task<string?> ReadSqliteLockRowAsync(CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var exists = connection.CreateCommand();
            exists.CommandText = $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{SqliteLockTable}';";
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
            {
                return null;
            }

            await using var row = connection.CreateCommand();
            row.CommandText = $"SELECT \"Timestamp\" FROM \"{SqliteLockTable}\" LIMIT 1;";
            return await row.ExecuteScalarAsync(cancellationToken) is string text ? When(text) : null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Each attempt runs with a short <c>lock_timeout</c>. It first reads the history table with plain ADO (a read
    /// waits behind EF Core's lock, and a read that times out is not logged as a failed EF command); nothing pending
    /// means no lock is taken. Otherwise it migrates. A lock held elsewhere fails the attempt (a migration's
    /// transaction rolls back whole), is reported with its holder, and is tried again until the deadline. The
    /// timeout also bounds a migration's own statements waiting behind long queries, instead of queueing every
    /// request behind them. The setting is per session and reset afterwards.
    /// </summary>
    private async Task ApplyOnPostgresAsync(CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            try
            {
                await creator.CreateAsync(cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Another process created it a moment ago.
            }
        }

        var connection = db.Database.GetDbConnection();
        var target = DatabaseTarget.Of(connection).Name;
        var waited = Stopwatch.StartNew();
        var longest = TimeSpan.FromMilliseconds(Math.Min(ReportEvery.TotalMilliseconds, options.CommandTimeoutSeconds * 750));
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                // The first attempt gives up after a second, so a wait is reported at once.
                var wait = attempt == 0 ? TimeSpan.FromSeconds(1) : longest;
                var remaining = Timeout - waited.Elapsed;
                wait = remaining < wait ? remaining : wait;
                await ExecuteAsync(connection, $"SET lock_timeout = {Math.Max(100, (int)wait.TotalMilliseconds)};", cancellationToken);
                try
                {
                    var historyExists = await ExecuteAsync(connection, "SELECT to_regclass('\"__EFMigrationsHistory\"') IS NOT NULL;", cancellationToken) is true;
                    if (historyExists)
                    {
                        await ExecuteAsync(connection, "SELECT 1 FROM \"__EFMigrationsHistory\" LIMIT 0;", cancellationToken);
                    }

                    if (!historyExists)
                    {
                        // Npgsql's migrator reads the history before creating it, which logs a failed command on
                        // every first start: an operator's first line would be "fail:". Create it first.
                        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
                    }

                    if (!historyExists || (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
                    {
                        await db.Database.MigrateAsync(cancellationToken);
                    }

                    return;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
                {
                    var (holderVi, holderEn) = await DescribePostgresHolderAsync(connection, cancellationToken);
                    if (waited.Elapsed >= Timeout)
                    {
                        throw DatabaseStartupException.PostgresLockTimeout(target, options.MigrationLockTimeoutSeconds, holderVi, holderEn);
                    }

                    logger.LogWarning(
                        "Đang chờ khóa nâng cấp cơ sở dữ liệu PostgreSQL {Database}: {HolderVi}; đã chờ {Waited} giây, tối đa {Timeout} giây. "
                        + "/ Waiting for the migration lock of PostgreSQL {Database}: {HolderEn}; waited {Waited} s of at most {Timeout} s.",
                        target, holderVi, (int)waited.Elapsed.TotalSeconds, options.MigrationLockTimeoutSeconds,
                        target, holderEn, (int)waited.Elapsed.TotalSeconds, options.MigrationLockTimeoutSeconds);
                }
            }
        }
        finally
        {
            await ResetLockTimeoutAsync(connection);
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<object?> ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task ResetLockTimeoutAsync(DbConnection connection)
    {
        try
        {
            await ExecuteAsync(connection, "RESET lock_timeout;", CancellationToken.None);
        }
        catch (DbException)
        {
            // The session is broken and will not be reused as it is; the error that matters is already on its way.
        }
    }

    /// <summary>Who holds EF Core's lock (the history table), from pg_locks and pg_stat_activity, in Vietnamese and English.</summary>
    private static async Task<(string Vi, string En)> DescribePostgresHolderAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT a.pid, coalesce(nullif(a.application_name, ''), '?'), coalesce(host(a.client_addr), 'local'), a.xact_start
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'relation' AND l.granted AND l.mode = 'AccessExclusiveLock'
              AND l.relation = to_regclass('"__EFMigrationsHistory"') AND a.pid <> pg_backend_pid()
            LIMIT 1;
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return ("một phiên khác giữ khóa mà việc nâng cấp cần", "another session holds a lock the migration needs");
        }

        var since = await reader.IsDBNullAsync(3, cancellationToken) ? "?" : When(new DateTimeOffset(reader.GetDateTime(3), TimeSpan.Zero));
        var who = $"pid {reader.GetInt32(0)} ({reader.GetString(1)}, {reader.GetString(2)})";
        return ($"phiên {who} giữ khóa bảng __EFMigrationsHistory từ {since}", $"session {who} holds the lock on table __EFMigrationsHistory since {since}");
    }

    private static string When(string stored) =>
        DateTimeOffset.TryParse(stored, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) ? When(instant) : stored;

    private static string When(DateTimeOffset instant) =>
        VietnameseFormat.Local(instant).ToString("HH:mm:ss dd/MM/yyyy", CultureInfo.InvariantCulture) + " (UTC+7)";
}
