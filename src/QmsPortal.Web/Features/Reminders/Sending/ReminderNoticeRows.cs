using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using QmsPortal.Web.Data;

namespace QmsPortal.Web.Features.Reminders.Sending;

/// <summary>
/// Inserts a pass's notices many rows per command, in the caller's transaction: a pass over every commune decides
/// tens of thousands, which EF Core would insert one command each. A row whose key (rule, item, step, recipient)
/// exists is skipped (ON CONFLICT, which SQLite and PostgreSQL both speak), and the count tells the caller.
/// </summary>
internal static class ReminderNoticeRows
{
    private const int RowsPerCommand = 500;

    private static readonly string[] Columns =
        ["Rule", "ItemKey", "Step", "RecipientUserId", "TenantId", "Channel", "Title", "DueDate", "PassDate", "CreatedAt", "OutboxMessageId"];

    public static async Task<int> InsertNewAsync(QmsDbContext db, IReadOnlyList<ReminderNotice> notices, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var inserted = 0;
        foreach (var chunk in notices.Chunk(RowsPerCommand))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder("INSERT INTO \"ReminderNotices\" (")
                .AppendJoin(", ", Columns.Select(c => $"\"{c}\"")).Append(") VALUES ");
            for (var row = 0; row < chunk.Length; row++)
            {
                var n = chunk[row];
                sql.Append(row == 0 ? "(" : ", (");
                object?[] values = [n.Rule, n.ItemKey, n.Step, n.RecipientUserId, n.TenantId, n.Channel.ToString(), n.Title, n.DueDate, n.PassDate,
                    DateTime.SpecifyKind(n.CreatedAt, DateTimeKind.Utc), n.OutboxMessageId];
                for (var column = 0; column < values.Length; column++)
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"@p{row}_{column}");
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = name;
                    parameter.Value = values[column] ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                    sql.Append(column == 0 ? "" : ", ").Append(name);
                }

                sql.Append(')');
            }

            sql.Append(" ON CONFLICT (\"Rule\", \"ItemKey\", \"Step\", \"RecipientUserId\") DO NOTHING");
            command.CommandText = sql.ToString();
            inserted += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return inserted;
    }
}
