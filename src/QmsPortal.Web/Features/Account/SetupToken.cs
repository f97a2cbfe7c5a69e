using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Account;

/// <summary>
/// The one-time secret that guards /setup while no PlatformAdmin exists. It is printed on the server's
/// console only, so whoever can read the console (the operator) creates the first administrator.
/// </summary>
public sealed class SetupToken
{
    public string Value { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    public bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(candidate), System.Text.Encoding.UTF8.GetBytes(Value));

    public bool IsOpen(IServiceProvider services) => !AnyPlatformAdminAsync(services.GetRequiredService<QmsDbContext>()).GetAwaiter().GetResult();

    public static Task<bool> AnyPlatformAdminAsync(QmsDbContext db) =>
        db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).AnyAsync(n => n == PlatformRoles.PlatformAdmin);
}

/// <summary>Creates a PlatformAdmin; shared by the setup page and the <c>admin create</c> verb.</summary>
public sealed class PlatformAdminCreator(UserManager<PortalUser> users)
{
    public async Task<IdentityResult> CreateAsync(string email, string fullName, string password)
    {
        email = email.Trim();
        var user = new PortalUser { UserName = email, Email = email, FullName = fullName.Trim(), EmailConfirmed = true };
        var result = await users.CreateAsync(user, password);
        return result.Succeeded ? await users.AddToRoleAsync(user, PlatformRoles.PlatformAdmin) : result;
    }
}
