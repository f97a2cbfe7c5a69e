using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Benchmarks.Harness;

/// <summary>Benchmark users: one account holding a role in many communes, signed in through the real form.</summary>
internal static partial class BenchUsers
{
    public static Task<string> CreateAsync(BenchPortal portal, string email, string fullName, string password, CommuneRole role, IEnumerable<int> tenantIds) =>
        portal.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = email, Email = email, FullName = fullName, EmailConfirmed = true };
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
            }

            var db = sp.GetRequiredService<QmsDbContext>();
            foreach (var id in tenantIds)
            {
                db.Memberships.Add(new TenantMembership { TenantId = id, UserId = user.Id, Role = role });
            }

            await db.SaveChangesAsync();
            return email;
        });

    /// <summary>Through the real sign-in form, antiforgery token included, so the auth cookie is the one users get.</summary>
    public static async Task SignInAsync(HttpClient client, string email, string password)
    {
        const string page = "/tai-khoan/dang-nhap";
        var form = await client.GetStringAsync(page);
        var token = AntiforgeryToken().Match(form);
        if (!token.Success)
        {
            throw new InvalidOperationException("The sign-in page has no __qms_af field.");
        }

        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__qms_af"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        });
        using var response = await client.PostAsync(page, body);
        if (response.StatusCode != HttpStatusCode.Redirect && response.StatusCode != HttpStatusCode.Found)
        {
            throw new InvalidOperationException($"Sign-in answered HTTP {(int)response.StatusCode}, not a redirect: wrong form fields or password.");
        }
    }

    [GeneratedRegex(@"name=""__qms_af""[^>]*value=""([^""]+)""")]
    private static partial Regex AntiforgeryToken();
}
