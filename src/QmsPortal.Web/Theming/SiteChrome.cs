using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Theming;

/// <summary>A link a feature adds to every commune's main navigation (e.g. "Thủ tục hành chính" → thu-tuc).</summary>
public sealed record CommuneNavItem(string Text, string RelativePath, int Order);

public sealed class CommuneNavigationOptions
{
    public List<CommuneNavItem> Items { get; } = [];
}

/// <summary>
/// Fills the layout contract of themes/README.md (title, site name, navigation, footer) for the current
/// request and picks the commune's theme. Called from Features/_ViewStart.cshtml.
/// </summary>
public sealed class SiteChrome(TenantContext tenant, ThemeCatalog themes, IOptions<CommuneNavigationOptions> navigation, StaffNavigation staff)
{
    public const string PlatformName = "Cổng quản lý chất lượng ISO cấp xã";

    public ThemeManifest Theme => themes.For(tenant.Current?.Theme);

    public string Layout => Theme.Layout;

    /// <summary>Everything <see cref="Fill"/> sets, plus the signed-in person's staff navigation (<c>ViewData["StaffNav"]</c>).</summary>
    public async Task FillAsync(ViewDataDictionary viewData, HttpContext http)
    {
        var pathBase = http.Request.PathBase.Value ?? "";
        Fill(viewData, pathBase);
        var links = await staff.LinksAsync(http.User, tenant.Current, pathBase, http.RequestAborted);
        if (links.Count > 0)
        {
            viewData["StaffNav"] = links;
        }
    }

    public void Fill(ViewDataDictionary viewData, string pathBase)
    {
        if (tenant.Current is { } commune)
        {
            var home = $"{pathBase}/{commune.Slug}";
            viewData["SiteName"] = "UBND " + commune.Name;
            viewData["SiteSubtitle"] = commune.ProvinceName;
            viewData["SiteHome"] = home;
            var nav = new List<KeyValuePair<string, string>> { new("Trang chủ", home) };
            nav.AddRange(navigation.Value.Items.OrderBy(i => i.Order).Select(i => new KeyValuePair<string, string>(i.Text, $"{home}/{i.RelativePath}")));
            viewData["Nav"] = nav;
            viewData["Footer"] = string.Join(" · ", new[] { "UBND " + commune.Name, commune.Address, commune.Phone is null ? null : "ĐT: " + commune.Phone, commune.OfficeHours }
                .Where(s => !string.IsNullOrWhiteSpace(s)));
        }
        else
        {
            viewData["SiteName"] = PlatformName;
            viewData["SiteSubtitle"] = "TCVN ISO 9001:2015 trong giải quyết thủ tục hành chính";
            viewData["SiteHome"] = pathBase + "/";
            viewData["Nav"] = new List<KeyValuePair<string, string>> { new("Danh sách xã, phường", pathBase + "/") };
            viewData["Footer"] = PlatformName;
        }
    }
}
