namespace QmsPortal.Web.Features.Audits;

public static class AuditsRegistration
{
    public static IServiceCollection AddAudits(this IServiceCollection services)
    {
        services.AddScoped<AuditDueItems>();
        services.AddScoped<Findings.AuditDesk>();
        services.AddScoped<Findings.FindingLookup>();
        return services;
    }
}
