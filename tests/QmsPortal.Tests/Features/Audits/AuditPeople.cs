using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Audits;

/// <summary>What every audit records test seeds with: a user as the actor the entities expect, and reads inside a commune.</summary>
internal static class AuditPeople
{
    public static async Task<AuditPerson> PersonAsync(IServiceProvider sp, string email)
    {
        var user = await sp.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        return new AuditPerson(user.Id, user.FullName, user.JobTitle);
    }

    public static Task<AuditPerson> PersonAsync(this PortalFactory portal, string email) => portal.InScopeAsync(sp => PersonAsync(sp, email));

    public static Task<string> UserIdAsync(PortalFactory portal, string email) =>
        portal.InScopeAsync(async sp => (await PersonAsync(sp, email)).UserId);

    public static Task<T> ReadAsync<T>(this PortalFactory portal, TenantInfo commune, Func<QmsDbContext, Task<T>> read) =>
        portal.InScopeAsync(sp => read(sp.GetRequiredService<QmsDbContext>()), commune);
}
