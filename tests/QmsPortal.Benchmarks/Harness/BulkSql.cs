using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace QmsPortal.Benchmarks.Harness;

/// <summary>
/// The loaders' way of writing many rows fast on either engine: one unpooled connection, INSERT commands with
/// parameters in column order (prepared once on SQLite), explicit ids taken after the current maximum.
/// </summary>
internal static class BulkSql
{
    public static DbConnection Open(BenchDatabase database) => database.Provider == "Postgres"
        ? new NpgsqlConnection(database.ConnectionString)
        : new SqliteConnection(new SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ToString());

    public static DbCommand Command(DbConnection connection, DbTransaction transaction, string table, params string[] columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)))})";
        for (var i = 0; i < columns.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            command.Parameters.Add(parameter);
        }

        if (connection is SqliteConnection)
        {
            // Npgsql would need every parameter's type before preparing; it sends the same text each time anyway.
            command.Prepare();
        }

        return command;
    }

    public static void Set(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    public static async Task<int> MaxId(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{table}\"";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public static async Task Exec(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Only this loading connection (not pooled, see <see cref="Open"/>): a crash mid-load loses a benchmark database, nothing else.</summary>
    public static async Task StartLoadAsync(DbConnection connection)
    {
        if (connection is SqliteConnection)
        {
            await Exec(connection, "PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;");
        }
    }

    /// <summary>Statistics for the planner, and on PostgreSQL identity sequences moved past the explicit ids so a later insert by the portal does not collide.</summary>
    public static async Task FinishLoadAsync(DbConnection connection, IEnumerable<string> tables)
    {
        if (connection is NpgsqlConnection)
        {
            foreach (var table in tables)
            {
                await Exec(connection, $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT max(\"Id\") FROM \"{table}\"))");
            }

            await Exec(connection, "ANALYZE");
        }
        else
        {
            await Exec(connection, "PRAGMA synchronous=NORMAL; ANALYZE;");
        }
    }
}
