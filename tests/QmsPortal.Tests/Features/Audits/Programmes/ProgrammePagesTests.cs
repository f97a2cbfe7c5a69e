using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Audits.Programmes;

/// <summary>The audit overview /{slug}/danh-gia and the programme pages under /{slug}/danh-gia/chuong-trinh.</summary>
public sealed class ProgrammePagesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_secretary_creates_a_years_programme_and_the_overview_lists_its_audits_by_month_with_status_and_due_date()
    {
        var commune = await portal.CreateCommuneAsync();
        var secretary = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)]);
        var auditor = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.InternalAuditor)], fullName: "Lê Đánh Giá");
        var client = await portal.SignedInAsync(secretary);

        var created = await Html.PostFormAsync(client, $"/{commune.Slug}/danh-gia/chuong-trinh", new() { ["Input.Year"] = "2026", ["Input.Notes"] = "Đánh giá toàn bộ hệ thống hai lần trong năm." }, "Create");
        await AuditPlanSeed.AuditAsync(portal, commune, auditor, month: 10, title: "Đánh giá tháng 10");
        var later = await AuditPlanSeed.AuditAsync(portal, commune, auditor, month: 12, title: "Đánh giá tháng 12");
        var overview = await Html.GetDocumentAsync(client, $"/{commune.Slug}/danh-gia");

        Assert.Equal($"/{commune.Slug}/danh-gia/chuong-trinh/2026", created.Headers.Location!.ToString());
        var rows = overview.QuerySelectorAll("#cac-cuoc-danh-gia tbody tr");
        Assert.Equal(["10", "12"], rows.Select(r => r.QuerySelector("td")!.TextContent.Trim()));
        Assert.Contains("31/10/2026", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Quá hạn", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("31/12/2026", rows[1].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Quá hạn", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Đã lập kế hoạch", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Lê Đánh Giá", rows[1].TextContent, StringComparison.Ordinal);
        Assert.NotNull(overview.QuerySelector($"a[href='/{commune.Slug}/danh-gia/cuoc-danh-gia/{later}']"));
        Assert.Contains("hai lần trong năm", overview.QuerySelector("#chuong-trinh-nam")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(overview.QuerySelector($"a[href='/{commune.Slug}/danh-gia/phat-hien']"));
        Assert.NotNull(overview.QuerySelector($"a[href='/{commune.Slug}/danh-gia/khac-phuc']"));
    }

    [Fact]
    public async Task A_second_programme_for_the_same_year_is_refused_beside_the_year_and_nothing_is_written()
    {
        var commune = await portal.CreateCommuneAsync();
        var auditor = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.InternalAuditor)]);
        await AuditPlanSeed.ProgrammeAsync(portal, commune);
        var client = await portal.SignedInAsync(auditor);

        var again = await Html.ParseAsync(await Html.PostFormAsync(client, $"/{commune.Slug}/danh-gia/chuong-trinh", new() { ["Input.Year"] = "2026" }, "Create"));
        var badYear = await Html.ParseAsync(await Html.PostFormAsync(client, $"/{commune.Slug}/danh-gia/chuong-trinh", new() { ["Input.Year"] = "1999" }, "Create"));
        var noYear = await Html.ParseAsync(await Html.PostFormAsync(client, $"/{commune.Slug}/danh-gia/chuong-trinh", new() { ["Input.Year"] = "" }, "Create"));

        Assert.Equal("Xã đã có chương trình đánh giá năm 2026.", Html.FieldError(again, "Input.Year"));
        Assert.Equal("Năm của chương trình đánh giá không hợp lệ.", Html.FieldError(badYear, "Input.Year"));
        Assert.Equal("Vui lòng nhập năm của chương trình.", Html.FieldError(noYear, "Input.Year"));
        Assert.Equal([2026], await AuditPeople.ReadAsync(portal, commune, db => db.Set<AuditProgramme>().Select(p => p.Year).ToListAsync()));
    }

    [Fact]
    public async Task Programme_notes_are_saved_and_too_long_notes_are_refused_beside_the_field()
    {
        var commune = await portal.CreateCommuneAsync();
        var secretary = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)]);
        await AuditPlanSeed.ProgrammeAsync(portal, commune);
        var client = await portal.SignedInAsync(secretary);
        var url = $"/{commune.Slug}/danh-gia/chuong-trinh/2026";

        var saved = await Html.PostFormAsync(client, url, new() { ["Notes"] = "Căn cứ Quy trình đánh giá nội bộ QT-03." }, "Notes");
        var tooLong = await Html.ParseAsync(await Html.PostFormAsync(client, url, new() { ["Notes"] = new string('a', AuditProgramme.NotesMaxLength + 1) }, "Notes"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Ghi chú dài tối đa 2000 ký tự.", Html.FieldError(tooLong, "Notes"));
        Assert.Equal("Căn cứ Quy trình đánh giá nội bộ QT-03.", await AuditPeople.ReadAsync(portal, commune, db => db.Set<AuditProgramme>().Select(p => p.Notes).SingleAsync()));
    }

    [Fact]
    public async Task Staff_and_the_provinces_auditor_read_the_records_but_cannot_open_or_change_a_programme()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "42");
        var staff = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Staff)]);
        var inspector = await portal.CreateUserAsync(platformRole: PlatformRoles.ProvinceAuditor, supervisedProvince: "42");
        await AuditPlanSeed.ProgrammeAsync(portal, commune);

        foreach (var email in new[] { staff, inspector })
        {
            var client = await portal.SignedInAsync(email);
            var overview = await Html.GetDocumentAsync(client, $"/{commune.Slug}/danh-gia");
            var programmes = await Html.GetDocumentAsync(client, $"/{commune.Slug}/danh-gia/chuong-trinh");
            var programme = await Html.GetDocumentAsync(client, $"/{commune.Slug}/danh-gia/chuong-trinh/2026");

            Assert.NotNull(overview.QuerySelector("#chuong-trinh-nam"));
            Assert.Null(programmes.QuerySelector("#lap-chuong-trinh"));
            Assert.Null(programme.QuerySelector("#lap-ke-hoach"));
            Assert.True(AuditPlanSeed.IsForbidden(await Documents.DocumentSeed.PostHandlerAsync(client, $"/{commune.Slug}/danh-gia/chuong-trinh", "Create", new() { ["Input.Year"] = "2027" })), email);
            Assert.True(AuditPlanSeed.IsForbidden(await Documents.DocumentSeed.PostHandlerAsync(client, $"/{commune.Slug}/danh-gia/chuong-trinh/2026", "Notes", new() { ["Notes"] = "Sửa" })), email);
            Assert.True(AuditPlanSeed.IsForbidden(await client.GetAsync($"/{commune.Slug}/danh-gia/chuong-trinh/2026/ke-hoach")), email);
        }

        Assert.Equal([2026], await AuditPeople.ReadAsync(portal, commune, db => db.Set<AuditProgramme>().Select(p => p.Year).ToListAsync()));
        Assert.Null(await AuditPeople.ReadAsync(portal, commune, db => db.Set<AuditProgramme>().Select(p => p.Notes).SingleAsync()));
        var anonymous = await portal.Anonymous().GetAsync($"/{commune.Slug}/danh-gia");
        Assert.Contains("dang-nhap", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_overview_counts_open_findings_open_nonconformities_and_overdue_corrective_actions()
    {
        var commune = await portal.CreateCommuneAsync();
        var staff = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Staff)]);
        await AuditPlanSeed.FindingAsync(portal, commune, "PH-2026-001", FindingGrade.MinorNonconformity);
        await AuditPlanSeed.FindingAsync(portal, commune, "PH-2026-002", FindingGrade.MajorNonconformity);
        await AuditPlanSeed.FindingAsync(portal, commune, "PH-2026-003", FindingGrade.Observation);
        var closed = await AuditPlanSeed.FindingAsync(portal, commune, "PH-2026-004", FindingGrade.Opportunity);
        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var person = new AuditPerson("u-secretary", "Thư ký", null);
            var findings = await db.Set<Finding>().OrderBy(f => f.Id).ToListAsync();
            findings.Single(f => f.Id == closed).Close([], "Đã ghi nhận.", person, new DateOnly(2026, 11, 22));
            var today = new DateOnly(2026, 11, 1);
            // Planned when their due dates were still ahead; the clock then stands at 25/11/2026.
            db.Add(CorrectiveAction.Plan(findings[0], "Xin lỗi.", "Không theo dõi hạn.", "Lập sổ theo dõi.", person, new DateOnly(2026, 11, 20), "Không trễ hạn.", 30, person, today, portal.Clock.GetUtcNow()));
            db.Add(CorrectiveAction.Plan(findings[1], "Xin lỗi.", "Thiếu người.", "Bố trí người.", person, new DateOnly(2026, 12, 20), "Không trễ hạn.", 30, person, today, portal.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }, commune);

        var overview = await Html.GetDocumentAsync(await portal.SignedInAsync(staff), $"/{commune.Slug}/danh-gia");

        Assert.Equal("3", overview.QuerySelector("[data-count=open-findings]")!.TextContent);
        Assert.Equal("2", overview.QuerySelector("[data-count=open-nonconformities]")!.TextContent);
        Assert.Equal("1", overview.QuerySelector("[data-count=overdue-actions]")!.TextContent);
        Assert.Contains("chưa lập chương trình", overview.QuerySelector("#chuong-trinh-nam")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_reach_the_audit_records_from_the_commune_home_the_library_and_the_ISO_page_and_the_public_does_not()
    {
        var commune = await portal.CreateCommuneAsync();
        var staff = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Staff)]));
        var target = $"/{commune.Slug}/danh-gia";

        foreach (var page in new[] { $"/{commune.Slug}", $"/{commune.Slug}/tai-lieu", $"/{commune.Slug}/iso" })
        {
            Assert.Equal(target, (await Html.GetDocumentAsync(staff, page)).QuerySelector("#danh-gia-noi-bo")?.GetAttribute("href"));
        }

        Assert.Null((await Html.GetDocumentAsync(portal.Anonymous(), $"/{commune.Slug}/iso")).QuerySelector("#danh-gia-noi-bo"));
        Assert.Null((await Html.GetDocumentAsync(portal.Anonymous(), $"/{commune.Slug}")).QuerySelector("#danh-gia-noi-bo"));
    }
}
