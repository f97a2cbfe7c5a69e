using System.Net;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Tests.Features.Audits.Findings;
using QmsPortal.Tests.Features.Provinces.Inspections;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Features.Provinces.Inspections;
using QmsPortal.Web.Tenancy;
using static QmsPortal.Tests.Features.Audits.Findings.FindingsKit;

namespace QmsPortal.Tests.Isolation;

/// <summary>
/// The inspection plan, the yearly report and the charts open only to the province's own auditors (and platform admins):
/// another province's auditor and commune members are refused, unknown provinces and communes of another province are 404,
/// and a plan item id typed into another commune's inspection form links nothing.
/// </summary>
public sealed class ProvincePlanIsolationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static string[] Pages(string province, string slug) =>
    [
        $"/tinh/{province}/ke-hoach-kiem-tra", $"/tinh/{province}/ke-hoach-kiem-tra?nam=2026", $"/tinh/{province}/bao-cao-nam?nam=2026",
        $"/tinh/{province}/bao-cao-nam?nam=2026&handler=Xlsx", $"/tinh/{province}/bieu-do", $"/tinh/{province}/bieu-do/{slug}",
    ];

    [Fact]
    public async Task An_auditor_of_another_province_and_commune_members_are_refused_every_page_and_the_plans_save()
    {
        var ha = await portal.OfficeAsync("42");
        var quangTri = await portal.CreateUserAsync(platformRole: PlatformRoles.ProvinceAuditor, supervisedProvince: "44");
        var own = await portal.SignedInAsync(ha.ProvinceAuditor);

        foreach (var email in new[] { quangTri, ha.Secretary, ha.Approver })
        {
            var client = await portal.SignedInAsync(email);
            foreach (var url in Pages("42", ha.Slug))
            {
                Assert.True(IsDenied(await client.GetAsync(url)), $"{email} {url}");
            }

            var post = await PostAsync(client, "/tai-khoan", "/tinh/42/ke-hoach-kiem-tra?nam=2026", new()
            {
                ["Lines[0].TenantId"] = Number(ha.Commune.Id), ["Lines[0].Method"] = "tai-xa", ["Lines[0].Month"] = "3",
            });
            Assert.True(IsDenied(post), email);
        }

        Assert.Equal(0, await portal.PlatformReadAsync(db => db.Set<InspectionPlan>().CountAsync(p => p.ProvinceCode == "42")));
        foreach (var url in Pages("42", ha.Slug))
        {
            Assert.Equal(HttpStatusCode.OK, (await own.GetAsync(url)).StatusCode);
        }
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "42");
        var anonymous = portal.Anonymous();

        foreach (var url in Pages("42", commune.Slug))
        {
            var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("dang-nhap", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_province_and_a_commune_of_another_province_are_not_found()
    {
        var ha = await portal.CreateCommuneAsync(provinceCode: "42");
        var admin = await portal.SignedInAsync(await portal.CreateUserAsync(platformRole: PlatformRoles.PlatformAdmin));
        var auditor = await portal.SignedInAsync(await portal.CreateUserAsync(platformRole: PlatformRoles.ProvinceAuditor, supervisedProvince: "44"));

        foreach (var url in Pages("99", ha.Slug))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(url)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync($"/tinh/44/bieu-do/{ha.Slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync("/tinh/44/bieu-do/khong-co-xa-nay")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/tinh/44/bieu-do/{ha.Slug}")).StatusCode);
    }

    [Fact]
    public async Task A_plan_item_typed_into_another_communes_inspection_form_marks_nothing_done()
    {
        var desk = await portal.ProvinceAsync("46", 2);
        var (planned, other) = (desk.Communes[0], desk.Communes[1]);
        var auditor = await portal.SignedInAsync(desk.Auditor);
        await Html.PostFormAsync(auditor, desk.Plan, ProvinceDesks.PlanFields(await Html.GetDocumentAsync(auditor, desk.Plan), (planned.Id, "tai-xa", "11")));
        var itemId = await portal.PlatformReadAsync(db => db.Set<InspectionPlanItem>().Where(i => i.TenantId == planned.Id).Select(i => i.Id).SingleAsync());

        var recorded = await Html.PostFormAsync(auditor, $"/{other.Slug}/danh-gia/kiem-tra-cua-tinh/moi?keHoach={itemId}&hinhThuc=tai-xa", new()
        {
            ["Input.InspectedOn"] = "2026-11-10", ["Input.MinutesDate"] = "2026-11-12", ["Input.Inspectors"] = "Đoàn kiểm tra",
        });
        var plan = await Html.GetDocumentAsync(auditor, desk.Plan);

        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Equal("planned", plan.QuerySelector($"#muc-{itemId}")!.GetAttribute("data-status"));
        Assert.DoesNotContain(other.Slug, plan.QuerySelector($"#muc-{itemId}")!.InnerHtml.Replace($"/{planned.Slug}/", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
