using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Theming;

/// <summary>Where a staff link points: inside the commune of the request (path after the slug), or a platform page (path from the site root).</summary>
public enum StaffNavArea
{
    Commune,
    Platform,
}

/// <summary>
/// A link of the staff navigation (themes/README.md, <c>ViewData["StaffNav"]</c>). It is shown only to a signed-in person
/// whom <see cref="Policy"/> (the authorization policy of the page it opens) admits; commune links only on the pages of a
/// commune. <see cref="Counter"/>, when set, is an <see cref="IStaffNavCounter"/> whose text is appended ("Việc của tôi (3)").
/// </summary>
public sealed record StaffNavItem(string Text, string Path, int Order, string Policy, StaffNavArea Area = StaffNavArea.Commune, Type? Counter = null);

public sealed class StaffNavigationOptions
{
    public List<StaffNavItem> Items { get; } = [];
}

/// <summary>A short figure added to a staff link for the signed-in person (cheap: cached by the implementation).</summary>
public interface IStaffNavCounter
{
    /// <summary>Text appended to the link, e.g. "(3)"; null for nothing.</summary>
    Task<string?> SuffixAsync(TenantInfo commune, ClaimsPrincipal user, CancellationToken cancellationToken = default);
}

/// <summary>The staff links the signed-in person may open on this request, in order, as text → href.</summary>
public sealed class StaffNavigation(IOptions<StaffNavigationOptions> options, IAuthorizationService authorization, IServiceProvider services)
{
    public async Task<IReadOnlyList<KeyValuePair<string, string>>> LinksAsync(ClaimsPrincipal user, TenantInfo? commune, string pathBase,
        CancellationToken cancellationToken = default)
    {
        var links = new List<KeyValuePair<string, string>>();
        if (user.Identity?.IsAuthenticated != true)
        {
            return links;
        }

        // Commune links first (the work of this commune), then the platform's; each group in the order the features gave.
        foreach (var item in options.Value.Items.OrderBy(i => i.Area).ThenBy(i => i.Order))
        {
            if (item.Area == StaffNavArea.Commune && commune is null)
            {
                continue;
            }

            if (!(await authorization.AuthorizeAsync(user, item.Policy)).Succeeded)
            {
                continue;
            }

            var text = item.Text;
            if (item.Counter is not null && commune is not null
                && await ((IStaffNavCounter)services.GetRequiredService(item.Counter)).SuffixAsync(commune, user, cancellationToken) is { } suffix)
            {
                text += " " + suffix;
            }

            var href = item.Area == StaffNavArea.Commune ? $"{pathBase}/{commune!.Slug}/{item.Path}" : pathBase + item.Path;
            links.Add(new KeyValuePair<string, string>(text, href));
        }

        return links;
    }
}
