using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Data;

public static class DataRegistration
{
    public static IServiceCollection AddQmsData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.Provider == DatabaseProvider.Sqlite || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Database:ConnectionString is required when Database:Provider is Postgres.")
            .ValidateOnStart();

        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<TenantContext>();
        services.AddScoped<CurrentActor>();
        services.AddScoped<AuditStampInterceptor>();
        services.AddScoped<MembershipHistoryInterceptor>();
        services.AddScoped<Reauthentication>();
        services.AddOptions<SignInLimitOptions>().BindConfiguration(SignInLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PasswordAttempts>();

        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<QmsDbContext, PostgresQmsDbContext>((sp, db) => db
                .UseNpgsql(PostgresConnectionString(options.ConnectionString!), npgsql => npgsql.CommandTimeout(options.CommandTimeoutSeconds))
                .AddInterceptors(
                    sp.GetRequiredService<AuditStampInterceptor>(),
                    sp.GetRequiredService<MembershipHistoryInterceptor>(),
                    sp.GetRequiredService<Search.SearchFeedInterceptor>()));
        }
        else
        {
            var connectionString = SqliteConnectionString(options.ConnectionString, environment.ContentRootPath);
            services.AddDbContext<QmsDbContext, SqliteQmsDbContext>((sp, db) => db
                .UseSqlite(connectionString, sqlite => sqlite.CommandTimeout(options.CommandTimeoutSeconds))
                .AddInterceptors(
                    sp.GetRequiredService<AuditStampInterceptor>(),
                    sp.GetRequiredService<MembershipHistoryInterceptor>(),
                    sp.GetRequiredService<Search.SearchFeedInterceptor>()));
        }

        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<CommuneCounters>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    /// <summary>Sessions name themselves, so a lock held by a portal process is recognisable in pg_stat_activity.</summary>
    internal static string PostgresConnectionString(string configured)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(configured);
            builder.ApplicationName ??= "QmsPortal";
            return builder.ToString();
        }
        catch (ArgumentException)
        {
            // Npgsql names the bad keyword itself when the first connection opens.
            return configured;
        }
    }

    /// <summary>
    /// Relative SQLite paths are taken from the content root. Their folder is created by the start-up
    /// (<see cref="DatabaseInitializer"/>), which can say clearly why it cannot be.
    /// </summary>
    internal static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? "Data Source=App_Data/qms.db" : configured);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        }

        builder.Pooling = true;
        return builder.ToString();
    }
}
