using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace QmsPortal.Web.Features.Documents.Signatures;

/// <summary>
/// The database itself refuses to change or delete a signature, so not even raw SQL through the application's
/// connection (or a script run with it) rewrites evidence. Called from the migration that creates the table; kept
/// here so a regenerated migration can call it again.
/// </summary>
public static class SignatureTriggers
{
    public const string Table = "DocumentSignature";
    public const string Message = "Chữ ký điện tử là bằng chứng: không được sửa hoặc xóa.";

    public static void Create(MigrationBuilder migration)
    {
        if (migration.IsNpgsql())
        {
            migration.Sql($"""
                CREATE FUNCTION document_signature_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '{Message}' USING ERRCODE = 'integrity_constraint_violation';
                END;
                $$;
                CREATE TRIGGER document_signature_no_update_or_delete BEFORE UPDATE OR DELETE ON "{Table}"
                    FOR EACH ROW EXECUTE FUNCTION document_signature_refuse_change();
                CREATE TRIGGER document_signature_no_truncate BEFORE TRUNCATE ON "{Table}"
                    FOR EACH STATEMENT EXECUTE FUNCTION document_signature_refuse_change();
                """);
        }
        else if (migration.IsSqlite())
        {
            migration.Sql($"""
                CREATE TRIGGER document_signature_no_update BEFORE UPDATE ON "{Table}"
                BEGIN SELECT RAISE(ABORT, '{Message}'); END;
                """);
            migration.Sql($"""
                CREATE TRIGGER document_signature_no_delete BEFORE DELETE ON "{Table}"
                BEGIN SELECT RAISE(ABORT, '{Message}'); END;
                """);
        }
        else
        {
            throw new NotSupportedException($"No signature triggers for {migration.ActiveProvider}.");
        }
    }

    public static void Drop(MigrationBuilder migration)
    {
        if (migration.IsNpgsql())
        {
            migration.Sql($"""
                DROP TRIGGER IF EXISTS document_signature_no_truncate ON "{Table}";
                DROP TRIGGER IF EXISTS document_signature_no_update_or_delete ON "{Table}";
                DROP FUNCTION IF EXISTS document_signature_refuse_change();
                """);
        }
        else if (migration.IsSqlite())
        {
            migration.Sql("DROP TRIGGER IF EXISTS document_signature_no_update;");
            migration.Sql("DROP TRIGGER IF EXISTS document_signature_no_delete;");
        }
    }
}

/// <summary>
/// Fills <see cref="DocumentRevision.ContributorIds"/> for revisions written before it existed: the author and everyone
/// whose edit of the revision is in its history. Called from the migration that adds the column.
/// </summary>
public static class RevisionContributorsBackfill
{
    public static void Run(MigrationBuilder migration)
    {
        var edited = (int)DocumentAction.Edited;
        migration.Sql(migration.IsNpgsql()
            ? $"""
              UPDATE "DocumentRevision" r SET "ContributorIds" = r."AuthorId" || COALESCE((SELECT ' ' || string_agg(DISTINCT e."ActorId", ' ')
                  FROM "DocumentEvent" e WHERE e."RevisionId" = r."Id" AND e."Action" = {edited} AND e."ActorId" <> r."AuthorId"), '');
              """
            : $"""
              UPDATE "DocumentRevision" SET "ContributorIds" = "AuthorId" || COALESCE((SELECT ' ' || group_concat("ActorId", ' ') FROM (SELECT DISTINCT e."ActorId"
                  FROM "DocumentEvent" e WHERE e."RevisionId" = "DocumentRevision"."Id" AND e."Action" = {edited} AND e."ActorId" <> "DocumentRevision"."AuthorId")), '');
              """);
    }
}
