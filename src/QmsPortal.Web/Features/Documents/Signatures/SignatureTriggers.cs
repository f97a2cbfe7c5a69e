using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using QmsPortal.Web.Data;

namespace QmsPortal.Web.Features.Documents.Signatures;

/// <summary>
/// The database itself refuses to change or delete a signature (<see cref="AppendOnlyTriggers"/>). Called from the
/// migration that creates the table.
/// </summary>
public static class SignatureTriggers
{
    public const string Table = "DocumentSignature";
    public const string Message = "Chữ ký điện tử là bằng chứng: không được sửa hoặc xóa.";

    public static void Create(MigrationBuilder migration) => AppendOnlyTriggers.Create(migration, Table, Message);

    public static void Drop(MigrationBuilder migration) => AppendOnlyTriggers.Drop(migration, Table);
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
