using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace QmsPortal.Web.Search;

/// <summary>Readiness only: a process whose index is still being built answers, but should not take searches yet.</summary>
public sealed class SearchHealthCheck(ISearchIndex index) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(index.IsReady
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("Chỉ mục tìm kiếm đang được dựng (search index building)."));
}
