using System.ComponentModel.DataAnnotations;

namespace QmsPortal.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Section <c>Database</c>: which engine and where. Overridable by environment variables (<c>Database__Provider</c>).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite, when empty: <c>Data Source=App_Data/qms.db</c> under the content root.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations at start-up (on by default; a deployment may run them separately).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    [Range(1, 600)]
    public int CommandTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// How long a start-up or command waits for another process that is applying migrations before it gives up
    /// with a message naming the lock. Only a start that has migrations to apply waits.
    /// </summary>
    [Range(1, 3600)]
    public int MigrationLockTimeoutSeconds { get; set; } = 60;
}
