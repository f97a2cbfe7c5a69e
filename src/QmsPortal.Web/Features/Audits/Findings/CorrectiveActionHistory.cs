using Microsoft.EntityFrameworkCore.Migrations;
using QmsPortal.Web.Data;

namespace QmsPortal.Web.Features.Audits.Findings;

/// <summary>
/// The history of corrective actions is evidence (ISO 9001 10.2.2): beyond EF Core's append-only check, the database
/// refuses raw UPDATE and DELETE of its rows. Called from the migration that protects the table; a later migration that
/// rebuilds the table on SQLite (which drops its triggers) calls <see cref="Protect"/> again.
/// </summary>
public static class CorrectiveActionHistory
{
    public const string Table = "CorrectiveActionEvents";
    public const string ImmutableMessage = "Lịch sử hành động khắc phục là bằng chứng: không được sửa hoặc xóa.";

    public static void Protect(MigrationBuilder migration) => AppendOnlyTriggers.Create(migration, Table, ImmutableMessage);

    public static void Unprotect(MigrationBuilder migration) => AppendOnlyTriggers.Drop(migration, Table);
}
