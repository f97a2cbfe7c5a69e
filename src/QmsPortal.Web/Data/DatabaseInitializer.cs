using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Data;

/// <summary>Brings the database to the current schema and reference data at start-up.</summary>
public sealed class DatabaseInitializer(QmsDbContext db, IOptions<DatabaseOptions> options, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (options.Value.MigrateOnStartup)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            // WAL lets readers continue while a writer commits; the setting persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await SeedProvincesAsync(cancellationToken);
        await SeedPlatformRolesAsync(cancellationToken);
    }

    private async Task SeedPlatformRolesAsync(CancellationToken cancellationToken)
    {
        foreach (var role in PlatformRoles.All)
        {
            if (!await db.Roles.AnyAsync(r => r.Name == role, cancellationToken))
            {
                db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedProvincesAsync(CancellationToken cancellationToken)
    {
        await using var stream = typeof(DatabaseInitializer).Assembly.GetManifestResourceStream("provinces.json")
            ?? throw new InvalidOperationException("Embedded provinces.json is missing.");
        var list = await JsonSerializer.DeserializeAsync<ProvinceList>(stream, JsonSerializerOptions.Web, cancellationToken)
            ?? throw new InvalidOperationException("provinces.json is empty.");

        var existing = await db.Provinces.ToDictionaryAsync(p => p.Code, cancellationToken);
        foreach (var item in list.Provinces)
        {
            if (existing.TryGetValue(item.Code, out var province))
            {
                province.Name = item.Name;
                province.Source = list.Source;
            }
            else
            {
                db.Provinces.Add(new Province { Code = item.Code, Name = item.Name, Source = list.Source });
            }
        }

        var changed = await db.SaveChangesAsync(cancellationToken);
        if (changed > 0)
        {
            logger.LogInformation("Province list updated ({Count} rows) from {Source}", changed, list.Source);
        }
    }

    private sealed record ProvinceList(string Source, List<ProvinceItem> Provinces);

    private sealed record ProvinceItem(string Code, string Name);
}

public static class DatabaseInitializerExtensions
{
    public static async Task InitializeDatabaseAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    }
}
