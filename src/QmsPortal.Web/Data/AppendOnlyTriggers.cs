using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace QmsPortal.Web.Data;

/// <summary>
/// Makes the database itself refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL) of an <see cref="IAppendOnly"/>
/// table, so not even raw SQL through the application's connection rewrites evidence. Called from the migration that
/// creates the table. SQLite drops a table's triggers when a later migration rebuilds the table: such a migration must
/// call <see cref="Create"/> again.
/// </summary>
public static class AppendOnlyTriggers
{
    public static void Create(MigrationBuilder migration, string table, string message)
    {
        var name = Name(table);
        if (migration.IsNpgsql())
        {
            migration.Sql($"""
                CREATE FUNCTION {name}_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '{message}' USING ERRCODE = 'integrity_constraint_violation';
                END;
                $$;
                CREATE TRIGGER {name}_no_update_or_delete BEFORE UPDATE OR DELETE ON "{table}"
                    FOR EACH ROW EXECUTE FUNCTION {name}_refuse_change();
                CREATE TRIGGER {name}_no_truncate BEFORE TRUNCATE ON "{table}"
                    FOR EACH STATEMENT EXECUTE FUNCTION {name}_refuse_change();
                """);
        }
        else if (migration.IsSqlite())
        {
            migration.Sql($"""CREATE TRIGGER {name}_no_update BEFORE UPDATE ON "{table}" BEGIN SELECT RAISE(ABORT, '{message}'); END;""");
            migration.Sql($"""CREATE TRIGGER {name}_no_delete BEFORE DELETE ON "{table}" BEGIN SELECT RAISE(ABORT, '{message}'); END;""");
        }
        else
        {
            throw new NotSupportedException($"No append-only triggers for {migration.ActiveProvider}.");
        }
    }

    public static void Drop(MigrationBuilder migration, string table)
    {
        var name = Name(table);
        if (migration.IsNpgsql())
        {
            migration.Sql($"""
                DROP TRIGGER IF EXISTS {name}_no_truncate ON "{table}";
                DROP TRIGGER IF EXISTS {name}_no_update_or_delete ON "{table}";
                DROP FUNCTION IF EXISTS {name}_refuse_change();
                """);
        }
        else if (migration.IsSqlite())
        {
            migration.Sql($"DROP TRIGGER IF EXISTS {name}_no_update;");
            migration.Sql($"DROP TRIGGER IF EXISTS {name}_no_delete;");
        }
    }

    /// <summary>"DocumentSignature" → "document_signature".</summary>
    private static string Name(string table) =>
        string.Concat(table.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
