using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace QmsPortal.Web.Data;

/// <summary>
/// The database cannot be used, for a reason an operator can fix. The message is one line, Vietnamese then
/// English, naming the file or server and what to do; start-up and the command-line verbs print it instead of a
/// stack trace and exit 1.
/// </summary>
public sealed class DatabaseStartupException : Exception
{
    private DatabaseStartupException(string vietnamese, string english, Exception? inner = null)
        : base(vietnamese + " / " + english, inner)
    {
    }

    public static DatabaseStartupException InvalidSettings(string failures, Exception inner) => new(
        $"Cấu hình Database không hợp lệ: {failures}",
        $"Invalid Database settings: {failures}", inner);

    public static DatabaseStartupException SqliteFolder(string file, string folder, Exception inner) => new(
        $"Không tạo được thư mục {folder} để chứa cơ sở dữ liệu SQLite {file} ({FolderReason(folder, inner, vietnamese: true)}). "
        + "Sửa đường dẫn trong Database:ConnectionString hoặc tạo thư mục đó rồi chạy lại.",
        $"Cannot create the folder {folder} for the SQLite database {file} ({FolderReason(folder, inner, vietnamese: false)}). "
        + "Fix the path in Database:ConnectionString or create the folder, then start again.", inner);

    public static DatabaseStartupException SqliteReadOnly(string file) => new(
        $"Cơ sở dữ liệu SQLite {file} chỉ mở được để đọc, nhưng cổng cần ghi vào đó. "
        + "Bỏ Mode=ReadOnly khỏi Database:ConnectionString và cho phép ghi vào tệp cùng thư mục chứa nó rồi chạy lại.",
        $"The SQLite database {file} opened read-only, but the portal must write to it. "
        + "Remove Mode=ReadOnly from Database:ConnectionString and make the file and its folder writable, then start again.");

    public static DatabaseStartupException SqliteLockTimeout(string file, string lockFile, int seconds, string? since) => new(
        $"Đã chờ {seconds} giây mà khóa nâng cấp cơ sở dữ liệu vẫn do một tiến trình QmsPortal khác giữ: tệp khóa {lockFile} "
        + $"(bảng __EFMigrationsLock của {file}{(since is null ? "" : ", từ " + since)}). "
        + $"Chờ tiến trình đó nâng cấp xong, hoặc dừng nó (fuser -v {lockFile} cho biết tiến trình nào) rồi chạy lại; "
        + "tăng Database:MigrationLockTimeoutSeconds nếu việc nâng cấp cần lâu hơn.",
        $"Gave up after {seconds} s waiting for the migration lock held by another QmsPortal process: lock file {lockFile} "
        + $"(table __EFMigrationsLock of {file}{(since is null ? "" : ", since " + since)}). "
        + $"Let that process finish, or stop it (fuser -v {lockFile} names it) and start again; "
        + "raise Database:MigrationLockTimeoutSeconds if migrations need longer.");

    public static DatabaseStartupException PostgresLockTimeout(string target, int seconds, string holderVi, string holderEn) => new(
        $"Đã chờ {seconds} giây mà khóa nâng cấp cơ sở dữ liệu PostgreSQL {target} vẫn bị giữ: {holderVi}. "
        + "Chờ phiên đó nâng cấp xong, hoặc dừng nó (SELECT pg_terminate_backend(pid)) rồi chạy lại; "
        + "tăng Database:MigrationLockTimeoutSeconds nếu việc nâng cấp cần lâu hơn.",
        $"Gave up after {seconds} s waiting for the migration lock of PostgreSQL {target}: {holderEn}. "
        + "Let that session finish, or end it (SELECT pg_terminate_backend(pid)) and start again; "
        + "raise Database:MigrationLockTimeoutSeconds if migrations need longer.");

    /// <summary>
    /// The one line an operator needs for what the engine threw, or null for an exception that is not about the
    /// database being usable (a bug keeps its stack trace). Providers wrap the cause (Npgsql's execution strategy
    /// reports a refused connection as a "transient failure"), so the whole chain is searched.
    /// </summary>
    public static DatabaseStartupException? Explain(Exception e, DatabaseTarget target)
    {
        for (var cause = e; cause is not null && cause is not DatabaseStartupException; cause = cause.InnerException)
        {
            if (cause is DbException or IOException or UnauthorizedAccessException or TimeoutException)
            {
                return From(cause, target);
            }
        }

        return null;
    }

    private static DatabaseStartupException From(Exception e, DatabaseTarget target) => e switch
    {
        SqliteException { SqliteErrorCode: 14 } => new(
            $"Không mở được cơ sở dữ liệu SQLite {target.Name} ({Innermost(e)}). "
            + "Kiểm tra đường dẫn trong Database:ConnectionString và quyền đọc ghi tệp cùng thư mục chứa nó.",
            $"Cannot open the SQLite database {target.Name} ({Innermost(e)}). "
            + "Check the path in Database:ConnectionString and the permissions of the file and its folder.", e),
        SqliteException { SqliteErrorCode: 8 } => SqliteReadOnly(target.Name),
        SqliteException => new(
            $"Lỗi cơ sở dữ liệu SQLite {target.Name}: {Innermost(e)}. Kiểm tra tệp đó (có đúng là cơ sở dữ liệu của cổng, còn chỗ trống trên đĩa).",
            $"SQLite error on {target.Name}: {Innermost(e)}. Check that file (is it the portal's database, is the disk full).", e),
        PostgresException pg => new(
            $"PostgreSQL {target.Name} từ chối: {pg.MessageText} ({pg.SqlState}). "
            + "Kiểm tra tên đăng nhập, mật khẩu, tên cơ sở dữ liệu và quyền trong Database:ConnectionString.",
            $"PostgreSQL {target.Name} refused: {pg.MessageText} ({pg.SqlState}). "
            + "Check the user name, password, database name and rights in Database:ConnectionString.", e),
        NpgsqlException => new(
            $"Không kết nối được PostgreSQL {target.Name} ({Innermost(e)}). "
            + "Kiểm tra máy chủ PostgreSQL đang chạy, tường lửa, và Host/Port trong Database:ConnectionString.",
            $"Cannot connect to PostgreSQL {target.Name} ({Innermost(e)}). "
            + "Check that the PostgreSQL server is running, the firewall, and Host/Port in Database:ConnectionString.", e),
        _ => new(
            $"Lỗi cơ sở dữ liệu {target.Name}: {Innermost(e)}.",
            $"Database error on {target.Name}: {Innermost(e)}.", e),
    };

    private static string Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e.Message.TrimEnd('.');
    }

    /// <summary>"Could not find a part of the path" hides the usual cause: a part of the path is a file.</summary>
    private static string FolderReason(string folder, Exception inner, bool vietnamese)
    {
        for (var part = Path.GetDirectoryName(folder); !string.IsNullOrEmpty(part); part = Path.GetDirectoryName(part))
        {
            if (File.Exists(part))
            {
                return vietnamese ? $"{part} là một tệp, không phải thư mục" : $"{part} is a file, not a folder";
            }
        }

        return File.Exists(folder)
            ? (vietnamese ? $"{folder} là một tệp, không phải thư mục" : $"{folder} is a file, not a folder")
            : inner.Message.TrimEnd('.');
    }
}

/// <summary>How messages name the database: the SQLite file, or PostgreSQL's host, port and database.</summary>
public sealed record DatabaseTarget(string Name)
{
    public static DatabaseTarget Of(DbConnection connection) => connection switch
    {
        SqliteConnection sqlite => new(SqliteFile(sqlite.ConnectionString) ?? ":memory:"),
        NpgsqlConnection => Postgres(new NpgsqlConnectionStringBuilder(connection.ConnectionString)),
        _ => new(connection.DataSource),
    };

    /// <summary>The file of a SQLite connection string, or null for an in-memory database.</summary>
    public static string? SqliteFile(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:" ? null : Path.GetFullPath(builder.DataSource);
    }

    private static DatabaseTarget Postgres(NpgsqlConnectionStringBuilder builder) =>
        new($"{builder.Host}:{builder.Port}/{builder.Database}");
}
