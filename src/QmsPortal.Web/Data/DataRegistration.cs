using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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
                .UseNpgsql(options.ConnectionString, npgsql => npgsql.CommandTimeout(options.CommandTimeoutSeconds))
                .AddInterceptors(sp.GetRequiredService<AuditStampInterceptor>(), sp.GetRequiredService<MembershipHistoryInterceptor>()));
        }
        else
        {
            var connectionString = SqliteConnectionString(options.ConnectionString, environment.ContentRootPath);
            services.AddDbContext<QmsDbContext, SqliteQmsDbContext>((sp, db) => db
                .UseSqlite(connectionString, sqlite => sqlite.CommandTimeout(options.CommandTimeoutSeconds))
                .AddInterceptors(sp.GetRequiredService<AuditStampInterceptor>(), sp.GetRequiredService<MembershipHistoryInterceptor>()));
        }

        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<CommuneCounters>();
        return services;
    }

    /// <summary>Relative SQLite paths are taken from the content root, and their folder is created.</summary>
    internal static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? "Data Source=App_Data/qms.db" : configured);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        }

        var folder = Path.GetDirectoryName(builder.DataSource);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        builder.Pooling = true;
        return builder.ToString();
    }
}
