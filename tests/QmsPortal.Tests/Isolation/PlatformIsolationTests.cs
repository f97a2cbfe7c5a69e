using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Isolation;

/// <summary>One commune never reaches another's data. Each feature adds its own cases beside this file.</summary>
public sealed class PlatformIsolationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task An_admin_of_commune_A_is_refused_on_commune_B_member_pages()
    {
        var a = await portal.CreateCommuneAsync();
        var b = await portal.CreateCommuneAsync();
        var adminOfA = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(a, CommuneRole.CommuneAdmin)]));

        var own = await adminOfA.GetAsync($"/{a.Slug}/quan-tri/thanh-vien");
        var other = await adminOfA.GetAsync($"/{b.Slug}/quan-tri/thanh-vien");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.Equal("/tai-khoan/khong-co-quyen", other.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Removing_commune_B_membership_through_commune_A_page_finds_nothing()
    {
        var a = await portal.CreateCommuneAsync();
        var b = await portal.CreateCommuneAsync();
        var adminOfA = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(a, CommuneRole.CommuneAdmin)]));
        var memberOfB = await portal.CreateUserAsync(memberships: [(b, CommuneRole.Staff)]);
        var membershipOfB = await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Memberships
            .Where(m => m.TenantId == b.Id && m.User!.Email == memberOfB).Select(m => m.Id).SingleAsync());

        var page = await Html.GetDocumentAsync(adminOfA, $"/{a.Slug}/quan-tri/thanh-vien");
        var token = page.QuerySelector("input[name=__qms_af]")!.GetAttribute("value")!;
        var response = await adminOfA.PostAsync($"/{a.Slug}/quan-tri/thanh-vien?handler=Remove&id={membershipOfB}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__qms_af"] = token }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Memberships.AnyAsync(m => m.Id == membershipOfB)));
    }

    [Fact]
    public async Task A_commune_host_name_never_serves_another_commune()
    {
        var a = await portal.CreateCommuneAsync(host: $"a{PortalFactory.Next()}.example.vn");
        var b = await portal.CreateCommuneAsync();
        var host = await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().TenantHostNames.Where(h => h.TenantId == a.Id).Select(h => h.HostName).SingleAsync());

        var response = await portal.Anonymous(host).GetAsync("/" + b.Slug);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_public_commune_list_and_api_never_show_a_disabled_commune()
    {
        var disabled = await portal.CreateCommuneAsync();
        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            (await db.Tenants.SingleAsync(t => t.Id == disabled.Id)).Disable(null);
            await db.SaveChangesAsync();
        });

        Assert.DoesNotContain(disabled.Slug, await portal.Anonymous().GetStringAsync("/api/tenants"));
        Assert.DoesNotContain(disabled.Name, (await Html.GetDocumentAsync(portal.Anonymous(), "/")).Body!.TextContent);
    }

    [Fact]
    public async Task A_province_auditor_reads_communes_of_their_province_only_and_changes_nothing()
    {
        var inProvince = await portal.CreateCommuneAsync(provinceCode: "44");
        var elsewhere = await portal.CreateCommuneAsync(provinceCode: "42");
        var auditor = await portal.SignedInAsync(await portal.CreateUserAsync(platformRole: PlatformRoles.ProvinceAuditor, supervisedProvince: "44"));

        var account = await Html.GetDocumentAsync(auditor, "/tai-khoan");
        var own = await auditor.GetAsync($"/{inProvince.Slug}/quan-tri/thanh-vien");
        var other = await auditor.GetAsync($"/{elsewhere.Slug}/quan-tri/thanh-vien");

        Assert.Contains(inProvince.Name, account.Body!.TextContent);
        Assert.DoesNotContain(elsewhere.Name, account.Body!.TextContent);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Empty((await Html.ParseAsync(own)).QuerySelectorAll("main form[method=post]"));
        Assert.Equal("/tai-khoan/khong-co-quyen", other.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task A_staff_member_sees_the_member_list_but_cannot_give_roles()
    {
        var commune = await portal.CreateCommuneAsync();
        var staff = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Staff)]));
        var page = await Html.GetDocumentAsync(staff, $"/{commune.Slug}/quan-tri/thanh-vien");
        // The sign-out form in the header carries the user's antiforgery token; the page itself offers no form.
        var token = page.QuerySelector("header input[name=__qms_af]")!.GetAttribute("value")!;

        var response = await staff.PostAsync($"/{commune.Slug}/quan-tri/thanh-vien?handler=Add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__qms_af"] = token, ["Input.Email"] = PortalFactory.UniqueEmail(), ["Input.FullName"] = "Người Lạ", ["Input.Role"] = "CommuneAdmin",
        }));

        Assert.Equal("/tai-khoan/khong-co-quyen", response.Headers.Location!.AbsolutePath);
        Assert.Equal(1, await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Memberships.CountAsync(m => m.TenantId == commune.Id)));
    }
}
