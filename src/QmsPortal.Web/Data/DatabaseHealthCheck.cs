using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace QmsPortal.Web.Data;

/// <summary>Readiness: the database answers (PostgreSQL: a round trip; SQLite: its file is there).</summary>
internal sealed class DatabaseHealthCheck(QmsDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"Không kết nối được cơ sở dữ liệu {DatabaseTarget.Of(db.Database.GetDbConnection()).Name}.");
}
