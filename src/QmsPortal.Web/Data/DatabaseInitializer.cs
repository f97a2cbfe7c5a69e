using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Data;

/// <summary>
/// Brings the database to the current schema and reference data at start-up. A database that cannot be used for
/// a reason an operator can fix (unreachable, read-only, its folder not creatable, the migration lock held too long)
/// ends in a <see cref="DatabaseStartupException"/> whose one-line message says what to do.
/// </summary>
public sealed class DatabaseInitializer(QmsDbContext db, IOptions<DatabaseOptions> options, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        DatabaseOptions settings;
        try
        {
            settings = options.Value;
        }
        catch (OptionsValidationException e)
        {
            throw DatabaseStartupException.InvalidSettings(string.Join(" ", e.Failures), e);
        }

        var target = DatabaseTarget.Of(db.Database.GetDbConnection());
        try
        {
            if (db.Database.IsSqlite())
            {
                await CheckSqliteFileAsync(cancellationToken);
            }

            if (settings.MigrateOnStartup)
            {
                await new StartupMigrations(db, settings, logger).ApplyAsync(cancellationToken);
            }

            if (db.Database.IsSqlite())
            {
                // WAL lets readers continue while a writer commits; the setting persists in the file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            await SeedProvincesAsync(cancellationToken);
            await SeedPlatformRolesAsync(cancellationToken);
        }
        catch (Exception e) when (DatabaseStartupException.Explain(e, target) is { } explained)
        {
            throw explained;
        }
    }

    /// <summary>
    /// Creates the file's folder, then opens it once: SQLite opens a file it may not write read-only without a
    /// word (Mode=ReadOnly, a read-only mount), and the first write would fail much later.
    /// </summary>
    private async Task CheckSqliteFileAsync(CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        if (DatabaseTarget.SqliteFile(connection.ConnectionString) is not { } file)
        {
            return;
        }

        var folder = Path.GetDirectoryName(file)!;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw DatabaseStartupException.SqliteFolder(file, folder, e);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1)
            {
                throw DatabaseStartupException.SqliteReadOnly(file);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
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
