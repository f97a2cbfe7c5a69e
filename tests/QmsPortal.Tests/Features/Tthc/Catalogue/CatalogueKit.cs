using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Tthc;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Tthc.Catalogue;

/// <summary>Province catalogue test helpers: editors, the catalogue's addresses and what the database holds.</summary>
internal static class CatalogueKit
{
    public const string Page = "/quan-tri/danh-muc-tthc";

    public static string EditPage(string province, string? code = null) =>
        $"{Page}/sua?province={province}" + (code is null ? "" : "&code=" + Uri.EscapeDataString(code));

    public static string ExportPage(string province) => $"{Page}/xuat?province={province}";

    /// <summary>A ProvinceEditor of <paramref name="province"/> (the role and its province column, as the admin page gives them).</summary>
    public static async Task<string> CreateEditorAsync(this PortalFactory portal, string province)
    {
        var email = await portal.CreateUserAsync(platformRole: PlatformRoles.ProvinceEditor);
        await portal.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            user.EditedProvinceCode = province;
            await users.UpdateAsync(user);
        });
        return email;
    }

    public static Task<int> VersionCountAsync(this PortalFactory portal, string province, string code) =>
        portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<CatalogueProcedure>()
            .Where(p => p.ProvinceCode == province && p.Code == code).Select(p => p.Versions.Count).SingleOrDefaultAsync());

    public static Task<ProcedureContent> CurrentAsync(this PortalFactory portal, string province, string code) =>
        portal.InScopeAsync(async sp =>
        {
            var procedure = await sp.GetRequiredService<QmsDbContext>().Set<CatalogueProcedure>().Include(p => p.Versions)
                .SingleAsync(p => p.ProvinceCode == province && p.Code == code);
            return procedure.Current.Content;
        });

    /// <summary>A refusal for a signed-in user who may not: the access-denied page (403 there).</summary>
    public static void AssertForbidden(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/tai-khoan/khong-co-quyen", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    /// <summary>A POST with a valid antiforgery token (taken from a page the client may open) to an address it may not change.</summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(HttpClient client, string tokenPage, string target, Dictionary<string, string>? fields = null)
    {
        var page = await Html.GetDocumentAsync(client, tokenPage);
        var token = page.QuerySelector("input[name=__qms_af]")!.GetAttribute("value")!;
        return await client.PostAsync(target, new FormUrlEncodedContent([new("__qms_af", token), .. fields ?? []]));
    }
}
