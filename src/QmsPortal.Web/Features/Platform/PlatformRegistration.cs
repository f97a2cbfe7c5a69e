using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Platform;

public static class PlatformRegistration
{
    public static IServiceCollection AddPlatform(this IServiceCollection services) => services;

    /// <summary>Public JSON: health and the list of active communes.</summary>
    public static WebApplication MapPlatform(this WebApplication app)
    {
        app.MapGet("/healthz", async (QmsDbContext db, CancellationToken cancellationToken) =>
            await db.Database.CanConnectAsync(cancellationToken)
                ? Results.Text("ok")
                : Results.Problem("Không kết nối được cơ sở dữ liệu.", statusCode: StatusCodes.Status503ServiceUnavailable));

        app.MapGet("/api/tenants", async (QmsDbContext db, CancellationToken cancellationToken) =>
            Results.Ok(await db.Tenants.AsNoTracking()
                .Where(t => t.Status == TenantStatus.Active)
                .OrderBy(t => t.ProvinceCode).ThenBy(t => t.Name)
                .Select(t => new TenantListItem(t.Slug, t.Name, t.Code, new ProvinceItem(t.ProvinceCode, t.Province!.Name)))
                .ToListAsync(cancellationToken)));
        return app;
    }

    public sealed record TenantListItem(string Slug, string Name, string Code, ProvinceItem Province);

    public sealed record ProvinceItem(string Code, string Name);
}
