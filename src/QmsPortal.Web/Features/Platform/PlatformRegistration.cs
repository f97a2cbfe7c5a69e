using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Platform;

public static class PlatformRegistration
{
    /// <summary>The checks themselves are registered by the mechanisms they watch (database, file store).</summary>
    public static IServiceCollection AddPlatform(this IServiceCollection services)
    {
        services.AddHealthChecks();
        return services;
    }

    /// <summary>Public: readiness, and JSON with the list of active communes.</summary>
    public static WebApplication MapPlatform(this WebApplication app)
    {
        // Unhealthy answers 503; the health-check service also logs each failed check with its reason.
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResponseWriter = WriteReadiness,
            Predicate = check => !check.Tags.Contains(QmsPortal.Web.Search.SearchRegistration.ReadinessTag),
        });
        // Everything, including what a fresh process is still preparing (the search index): for load balancers.
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { ResponseWriter = WriteReadiness });

        app.MapGet("/api/tenants", async (QmsDbContext db, CancellationToken cancellationToken) =>
            Results.Ok(await db.Tenants.AsNoTracking()
                .Where(t => t.Status == TenantStatus.Active)
                .OrderBy(t => t.ProvinceCode).ThenBy(t => t.Name)
                .Select(t => new TenantListItem(t.Slug, t.Name, t.Code, new ProvinceItem(t.ProvinceCode, t.Province!.Name)))
                .ToListAsync(cancellationToken)));
        return app;
    }

    /// <summary>"ok", or one short line per failed check: a load balancer shows it, an operator reads it.</summary>
    private static Task WriteReadiness(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(report.Status == HealthStatus.Healthy
            ? "ok"
            : string.Join('\n', report.Entries.Values.Where(e => e.Status != HealthStatus.Healthy).Select(e => e.Description ?? "")));
    }

    public sealed record TenantListItem(string Slug, string Name, string Code, ProvinceItem Province);

    public sealed record ProvinceItem(string Code, string Name);
}
