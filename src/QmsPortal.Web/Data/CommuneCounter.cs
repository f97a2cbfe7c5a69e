using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace QmsPortal.Web.Data;

/// <summary>A running number of one commune, e.g. the reference numbers of citizens' reports in a year ("PA-2026").</summary>
public sealed class CommuneCounter : ITenantOwned
{
    public int TenantId { get; set; }
    public string Name { get; set; } = "";
    public long Value { get; set; }
}

/// <summary>
/// Hands out numbers that never collide, however many requests ask at once: one atomic
/// <c>UPDATE … RETURNING</c> per number (both engines). Call it outside a longer transaction where you can: inside one,
/// the counter row stays locked until the commit and parallel callers queue behind it. A new counter starts after the
/// highest number already used, which the caller supplies.
/// </summary>
public sealed class CommuneCounters(QmsDbContext db)
{
    public async Task<long> NextAsync(string name, Func<CancellationToken, Task<long>> highestUsed, CancellationToken cancellationToken = default)
    {
        var tenantId = db.CurrentTenantId ?? throw new InvalidOperationException("A commune counter needs a current commune.");
        if (await IncrementAsync(tenantId, name, cancellationToken) is { } next)
        {
            return next;
        }

        var start = await highestUsed(cancellationToken);
        // Two first requests may both get here: one row wins, the other insert does nothing, and both then increment it.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "CommuneCounters" ("TenantId", "Name", "Value") VALUES ({tenantId}, {name}, {start}) ON CONFLICT DO NOTHING""", cancellationToken);
        return await IncrementAsync(tenantId, name, cancellationToken) ?? throw new InvalidOperationException($"Counter {name} could not be created.");
    }

    /// <summary>Moves the counter up to <paramref name="value"/> when it is below it (numbers a recipe wrote itself); a counter not yet used is left to start from the highest number in use.</summary>
    public async Task RaiseToAsync(string name, long value, CancellationToken cancellationToken = default)
    {
        var tenantId = db.CurrentTenantId ?? throw new InvalidOperationException("A commune counter needs a current commune.");
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""UPDATE "CommuneCounters" SET "Value" = {value} WHERE "TenantId" = {tenantId} AND "Name" = {name} AND "Value" < {value}""", cancellationToken);
    }

    private async Task<long?> IncrementAsync(int tenantId, string name, CancellationToken cancellationToken)
    {
        var values = await db.Database.SqlQuery<long>(
                $"""UPDATE "CommuneCounters" SET "Value" = "Value" + 1 WHERE "TenantId" = {tenantId} AND "Name" = {name} RETURNING "Value" AS "Value" """)
            .ToListAsync(cancellationToken);
        return values.Count == 0 ? null : values[0];
    }
}

internal sealed class CommuneCounterConfiguration : IEntityTypeConfiguration<CommuneCounter>
{
    public void Configure(EntityTypeBuilder<CommuneCounter> builder)
    {
        builder.ToTable("CommuneCounters");
        builder.HasKey(c => new { c.TenantId, c.Name });
        builder.Property(c => c.Name).HasMaxLength(40);
    }
}
