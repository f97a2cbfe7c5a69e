using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Commune;

/// <summary>Roles are given by someone else, and every change is kept for the commune and the province (security review, finding 6).</summary>
public sealed class MembersTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static string MembersPage(TenantInfo commune) => $"/{commune.Slug}/quan-tri/thanh-vien";

    [Fact]
    public async Task A_commune_admin_cannot_grant_a_role_to_themself()
    {
        var commune = await portal.CreateCommuneAsync();
        var me = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.CommuneAdmin)]);
        var admin = await portal.SignedInAsync(me);

        var response = await Html.PostFormAsync(admin, MembersPage(commune), new() { ["Input.Email"] = me, ["Input.Role"] = "Approver" }, handler: "Add");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Không được tự cấp vai trò cho chính mình", Html.FieldError(await Html.ParseAsync(response), "Input.Email"));
        var roles = await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Memberships
            .Where(m => m.TenantId == commune.Id && m.User!.Email == me).Select(m => m.Role).ToListAsync());
        Assert.Equal([CommuneRole.CommuneAdmin], roles);
    }

    [Fact]
    public async Task Every_grant_and_removal_is_in_the_history_that_the_commune_and_its_province_read()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "44");
        var admin = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(commune, CommuneRole.CommuneAdmin)], fullName: "Lê Quản Trị"));
        var colleague = await portal.CreateUserAsync(fullName: "Trần Thị Đồng Nghiệp");
        var auditor = await portal.SignedInAsync(await portal.CreateUserAsync(platformRole: PlatformRoles.ProvinceAuditor, supervisedProvince: "44"));

        await Html.PostFormAsync(admin, MembersPage(commune), new() { ["Input.Email"] = colleague, ["Input.Role"] = "Approver" }, handler: "Add");
        var page = await Html.GetDocumentAsync(admin, MembersPage(commune));
        var removeForm = page.QuerySelectorAll("#thanh-vien tbody tr").Single(r => r.TextContent.Contains(colleague)).QuerySelector("form[action*='handler=Remove']")!;
        var token = page.QuerySelector("input[name=__qms_af]")!.GetAttribute("value")!;
        await admin.PostAsync(removeForm.GetAttribute("action"), new FormUrlEncodedContent(new Dictionary<string, string> { ["__qms_af"] = token }));

        var history = (await Html.GetDocumentAsync(auditor, MembersPage(commune))).QuerySelectorAll("#lich-su-vai-tro tbody tr")
            .Where(r => r.TextContent.Contains(colleague)).Select(r => r.QuerySelectorAll("td").Skip(2).Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(2, history.Count);
        Assert.Equal(["Gỡ", "Lãnh đạo phê duyệt", "Lê Quản Trị"], history[0]);
        Assert.Equal(["Cấp", "Lãnh đạo phê duyệt", "Lê Quản Trị"], history[1]);
    }

    [Fact]
    public async Task Roles_given_outside_the_page_are_recorded_too_and_the_history_cannot_be_changed_through_EF_Core_or_raw_SQL()
    {
        var commune = await portal.CreateCommuneAsync();
        await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Staff)]);

        var recorded = await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<MembershipEvent>().Where(e => e.TenantId == commune.Id).ToListAsync());
        var change = await Record.ExceptionAsync(() => portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            db.Remove(await db.Set<MembershipEvent>().FirstAsync(e => e.TenantId == commune.Id));
            await db.SaveChangesAsync();
        }));

        var rawUpdate = await Record.ExceptionAsync(() => portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Database
            .ExecuteSqlAsync($"UPDATE \"MembershipEvents\" SET \"Role\" = 'CommuneAdmin' WHERE \"TenantId\" = {commune.Id}")));
        var rawDelete = await Record.ExceptionAsync(() => portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Database
            .ExecuteSqlAsync($"DELETE FROM \"MembershipEvents\" WHERE \"TenantId\" = {commune.Id}")));

        var only = Assert.Single(recorded);
        Assert.Equal((CommuneRole.Staff, MembershipChange.Granted, "system"), (only.Role, only.Change, only.ActorName));
        Assert.Contains("append-only", Assert.IsType<InvalidOperationException>(change).Message);
        Assert.IsAssignableFrom<System.Data.Common.DbException>(rawUpdate);
        Assert.IsAssignableFrom<System.Data.Common.DbException>(rawDelete);
        var still = await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<MembershipEvent>().Where(e => e.TenantId == commune.Id).ToListAsync());
        Assert.Equal(CommuneRole.Staff, Assert.Single(still).Role);
    }

    [Fact]
    public async Task A_person_with_two_roles_is_one_row_naming_both_and_each_role_is_removed_on_its_own()
    {
        var commune = await portal.CreateCommuneAsync();
        var admin = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(commune, CommuneRole.CommuneAdmin)]));
        var both = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.InternalAuditor), (commune, CommuneRole.Staff)], fullName: "Đặng Văn Hai Vai");

        var page = await Html.GetDocumentAsync(admin, MembersPage(commune));
        var row = Assert.Single(page.QuerySelectorAll("#thanh-vien tbody tr"), r => r.TextContent.Contains(both));
        Assert.Equal(["InternalAuditor", "Staff"], row.QuerySelectorAll("[data-role]").Select(r => r.GetAttribute("data-role")!).ToArray());
        var removeStaff = row.QuerySelector("[data-role=Staff] form[action*='handler=Remove']")!.GetAttribute("action")!;
        var token = page.QuerySelector("input[name=__qms_af]")!.GetAttribute("value")!;
        await admin.PostAsync(removeStaff, new FormUrlEncodedContent(new Dictionary<string, string> { ["__qms_af"] = token }));

        var after = Assert.Single((await Html.GetDocumentAsync(admin, MembersPage(commune))).QuerySelectorAll("#thanh-vien tbody tr"), r => r.TextContent.Contains(both));
        Assert.Equal(["InternalAuditor"], after.QuerySelectorAll("[data-role]").Select(r => r.GetAttribute("data-role")!).ToArray());
    }
}
