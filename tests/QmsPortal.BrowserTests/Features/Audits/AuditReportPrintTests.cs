using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Browser.Features.Audits;

public sealed partial class AuditReportPrintTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    private static readonly string[] Clauses = ["4.1", "5.2", "6.2", "7.5.3", "8.5", "8.5.3", "9.1.2", "10.2"];

    [Fact]
    public async Task A_signed_audit_report_prints_on_A4_with_every_answer_the_findings_and_the_sign_off_and_no_navigation()
    {
        var commune = await portal.CreateCommuneAsync();
        var lead = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.InternalAuditor)], fullName: "Nguyễn Trưởng Đoàn");
        var reader = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Staff)]);
        var id = await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var user = (await sp.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(lead))!;
            var person = new AuditPerson(user.Id, user.FullName, null);
            db.AddRange(Enumerable.Range(1, 24).Select(i => ChecklistQuestion.Create(Clauses[i % Clauses.Length],
                $"Câu hỏi {i}: hồ sơ, sổ sách và tài liệu của Bộ phận Một cửa có được lập, ghi chép và lưu giữ đầy đủ theo quy trình đã ban hành không?", isStarter: true)));
            var programme = AuditProgramme.Create(2026, null);
            db.Add(programme);
            await db.SaveChangesAsync();
            var audit = programme.Plan(11, "Đánh giá quy trình hộ tịch và Bộ phận Một cửa", AuditScope.Create([], [], ["4", "5", "6", "7", "8", "9", "10"]), person, [], new HashSet<string>());
            audit.Open(new DateOnly(2026, 11, 20), "Đoàn đánh giá; công chức Tư pháp – Hộ tịch; Bộ phận Một cửa", await db.Set<ChecklistQuestion>().ToListAsync(), person);
            foreach (var (answer, i) in audit.Answers.Select((a, i) => (a, i)))
            {
                audit.Answer(answer, i == 3 ? AnswerResult.Nonconform : AnswerResult.Conform, $"Đã xem sổ theo dõi tháng {(i % 12) + 1} và 5 hồ sơ ngẫu nhiên.", person);
            }

            await db.SaveChangesAsync();
            db.Add(Finding.Raise("PH-2026-001", FindingGrade.MinorNonconformity, audit.Answers[3].Clause, FindingSubject.Process, "Bộ phận Một cửa",
                "Hồ sơ số 12 trả trễ 2 ngày, không có phiếu xin lỗi.", new FindingOrigin(FindingSource.Audit, audit.Id, audit.Answers[3].Id), person, new DateOnly(2026, 11, 21)));
            audit.SignReport(new DateOnly(2026, 11, 24), "Hệ thống cơ bản phù hợp; một điểm không phù hợp nhẹ.", person, portal.Clock.GetUtcNow());
            await db.SaveChangesAsync();
            return audit.Id;
        }, commune);
        var page = await portal.NewPageAsync(width: 1280, height: 900, javaScript: false);
        await page.GotoAsync(portal.BaseUrl + "/tai-khoan/dang-nhap");
        await page.FillAsync("#Input_Email", reader);
        await page.FillAsync("#Input_Password", PortalFactory.DefaultPassword);
        await page.ClickAsync("button[type=submit] >> text=Đăng nhập");
        await page.GotoAsync($"{portal.BaseUrl}/{commune.Slug}/danh-gia/cuoc-danh-gia/{id}/in");

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        // Staff pages carry two navigations (the site's and the staff's): neither prints.
        var navigations = await page.Locator("nav.site-nav").AllAsync();
        Assert.Equal(2, navigations.Count);
        foreach (var navigation in navigations)
        {
            Assert.False(await navigation.IsVisibleAsync());
        }
        Assert.False(await page.Locator("a.btn").First.IsVisibleAsync());
        Assert.Equal(24, await page.Locator("#ket-qua tbody tr").CountAsync());
        Assert.True(await page.Locator("#phat-hien tr[data-finding='PH-2026-001']").IsVisibleAsync());
        Assert.Contains("Nguyễn Trưởng Đoàn", await page.Locator("#ky-bao-cao").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("rgb(0, 0, 0)", await page.Locator("#ket-qua td").First.EvaluateAsync<string>("td => getComputedStyle(td).borderTopColor"));
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PreferCSSPageSize = true });
        Assert.True(pdf.Length > 1000);
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        Assert.True(PageObject().Count(text) >= 2, "24 answered questions with evidence take more than one A4 sheet");
        var boxes = MediaBox().Matches(text).Select(m => (W: double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), H: double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();
        Assert.NotEmpty(boxes);
        Assert.All(boxes, b => Assert.True(Math.Abs(b.W - 595.28) < 2 && Math.Abs(b.H - 841.89) < 2, $"A4 portrait, got {b.W} × {b.H} pt"));
    }

    /// <summary>Page objects in a PDF Chromium printed (one per sheet).</summary>
    [GeneratedRegex(@"/Type\s*/Page[^s]")]
    private static partial Regex PageObject();

    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")]
    private static partial Regex MediaBox();
}
