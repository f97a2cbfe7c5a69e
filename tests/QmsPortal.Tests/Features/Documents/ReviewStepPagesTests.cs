using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Features.Documents.Signatures;
using QmsPortal.Web.Recipes;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Documents;

/// <summary>The review before approval through the pages: the commune's setting, naming a reviewer, reviewing, returning, and the sign-off it prints.</summary>
public sealed class ReviewStepPagesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Password = PortalFactory.DefaultPassword;

    private sealed record Office(TenantInfo Commune, string Admin, string Secretary, string Chair, string ViceChair, string Staff)
    {
        public string Doc(int id) => $"/{Commune.Slug}/tai-lieu/{id}";
        public string Settings => $"/{Commune.Slug}/tai-lieu/cai-dat";
    }

    private async Task<Office> OfficeAsync(bool reviewRequired)
    {
        var commune = await portal.CreateCommuneAsync();
        var office = new Office(commune,
            await portal.CreateUserAsync(memberships: [(commune, CommuneRole.CommuneAdmin)], fullName: "Hoàng Văn Quân"),
            await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)], fullName: "Nguyễn Thị Thư"),
            await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Approver)], fullName: "Trần Văn Chính"),
            await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Approver)], fullName: "Lê Thị Phó"),
            await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Staff)], fullName: "Phạm Thị Bình"));
        await DocumentSeed.SetJobTitleAsync(portal, office.ViceChair, "Phó Chủ tịch UBND xã");
        await DocumentSeed.SetJobTitleAsync(portal, office.Chair, "Chủ tịch UBND xã");
        if (reviewRequired)
        {
            // The commune-settings recipe step carries the choice, as a province's rollout recipe would.
            await portal.InScopeAsync(async sp =>
            {
                var runner = sp.GetRequiredService<RecipeRunner>();
                await runner.ApplyAsync(RecipeFile.Parse("xem-xet.recipe.json", """
                    { "name": "xem-xet", "version": "1.0.0", "description": "Bật bước xem xét", "scope": "commune",
                      "steps": [ { "step": "commune-settings", "documentReviewRequired": true } ] }
                    """), commune);
            });
        }

        return office;
    }

    private Task<DocumentRevision> RevisionAsync(TenantInfo commune, int documentId) =>
        DocumentSeed.ReadAsync(portal, commune, db => db.Set<DocumentRevision>().AsNoTracking().SingleAsync(r => r.DocumentId == documentId));

    private Task<List<DocumentSignature>> SignaturesAsync(TenantInfo commune, int documentId) =>
        DocumentSeed.ReadAsync(portal, commune, db => db.Set<DocumentSignature>().Where(s => s.DocumentId == documentId).OrderBy(s => s.Id).ToListAsync());

    private static async Task<string> AlertAsync(HttpClient client, string url) =>
        (await Html.GetDocumentAsync(client, url)).QuerySelector(".alert-error[role=alert]")?.TextContent ?? "";

    [Fact]
    public async Task Only_the_commune_administrator_opens_the_setting_and_it_is_off_until_turned_on()
    {
        var office = await OfficeAsync(reviewRequired: false);
        var auditor = await portal.CreateUserAsync(platformRole: PlatformRoles.ProvinceAuditor, supervisedProvince: office.Commune.ProvinceCode);
        var admin = await portal.SignedInAsync(office.Admin);

        foreach (var email in new[] { office.Secretary, office.Chair, auditor })
        {
            var client = await portal.SignedInAsync(email);
            var response = await client.GetAsync(office.Settings);
            Assert.Contains("khong-co-quyen", response.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
            Assert.Null((await Html.GetDocumentAsync(client, $"/{office.Commune.Slug}/tai-lieu")).QuerySelector("#cai-dat-thu-vien"));
        }

        Assert.NotNull((await Html.GetDocumentAsync(admin, $"/{office.Commune.Slug}/tai-lieu")).QuerySelector("#cai-dat-thu-vien"));
        var form = await Html.GetDocumentAsync(admin, office.Settings);
        Assert.False(((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("#ReviewRequired")!).IsChecked);

        Assert.Equal(HttpStatusCode.Redirect, (await Html.PostFormAsync(admin, office.Settings, new() { ["ReviewRequired"] = "true" })).StatusCode);

        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)(await Html.GetDocumentAsync(admin, office.Settings)).QuerySelector("#ReviewRequired")!).IsChecked);
        Assert.True(await portal.InScopeAsync(sp => sp.GetRequiredService<QmsPortal.Web.Data.QmsDbContext>().Tenants
            .Where(t => t.Id == office.Commune.Id).Select(t => t.DocumentReviewRequired).SingleAsync()));
    }

    [Fact]
    public async Task A_secretary_drafts_a_named_reviewer_reviews_an_approver_approves_and_the_print_tells_each_truthfully()
    {
        var office = await OfficeAsync(reviewRequired: true);
        var id = await DocumentSeed.CreateAsync(portal, office.Commune, "QT-60", RevisionStatus.Draft, office.Secretary);
        var secretary = await portal.SignedInAsync(office.Secretary);
        var chair = await portal.SignedInAsync(office.Chair);
        var vice = await portal.SignedInAsync(office.ViceChair);
        var viceId = await DocumentSeed.UserIdAsync(portal, office.ViceChair);

        // The form offers the members who did not write the draft; choosing nobody is refused while the commune requires a review.
        var draft = await Html.GetDocumentAsync(secretary, office.Doc(id));
        var options = draft.QuerySelectorAll("#trinh-duyet select[name=reviewer] option").Select(o => o.TextContent).ToList();
        Assert.Contains(options, o => o.StartsWith("Lê Thị Phó — Phó Chủ tịch UBND xã", StringComparison.Ordinal));
        Assert.DoesNotContain(options, o => o.StartsWith("Nguyễn Thị Thư", StringComparison.Ordinal));
        await Html.PostFormAsync(secretary, office.Doc(id), [], "Submit");
        Assert.Contains("vui lòng chọn người xem xét", await AlertAsync(secretary, office.Doc(id)), StringComparison.Ordinal);
        Assert.Equal(RevisionStatus.Draft, (await RevisionAsync(office.Commune, id)).Status);

        await Html.PostFormAsync(secretary, office.Doc(id), new() { ["reviewer"] = viceId }, "Submit");
        Assert.Contains("Chờ xem xét", (await Html.GetDocumentAsync(secretary, office.Doc(id))).QuerySelector("#trang-thai-ban")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Chờ xem xét", (await Html.GetDocumentAsync(secretary, $"/{office.Commune.Slug}/tai-lieu")).QuerySelector("tr[data-code='QT-60']")!.TextContent, StringComparison.Ordinal);

        // The approver is told to wait and cannot approve, even by posting the handler.
        var waiting = await Html.GetDocumentAsync(chair, office.Doc(id));
        Assert.Null(waiting.QuerySelector("#ky-phe-duyet"));
        Assert.Contains("đang chờ Lê Thị Phó xem xét", waiting.QuerySelector("#cho-xem-xet")!.TextContent, StringComparison.Ordinal);
        var revisionId = (await RevisionAsync(office.Commune, id)).Id.ToString(CultureInfo.InvariantCulture);
        await DocumentSeed.PostHandlerAsync(chair, office.Doc(id), "Approve", new() { ["revision"] = revisionId, ["password"] = Password });
        Assert.Contains("đang chờ Lê Thị Phó xem xét: chỉ phê duyệt được sau khi đã xem xét", await AlertAsync(chair, office.Doc(id)), StringComparison.Ordinal);
        Assert.Empty(await SignaturesAsync(office.Commune, id));

        // The reviewer finds it in the library, and signs the review with the password re-entered.
        var library = await Html.GetDocumentAsync(vice, $"/{office.Commune.Slug}/tai-lieu");
        Assert.NotNull(library.QuerySelector("#cho-toi-xem-xet li[data-code='QT-60']"));
        Assert.Null((await Html.GetDocumentAsync(secretary, $"/{office.Commune.Slug}/tai-lieu")).QuerySelector("#cho-toi-xem-xet"));
        await Html.PostFormAsync(vice, office.Doc(id), new() { ["comment"] = "Đúng quy định.", ["password"] = "Sai@mat-khau1" }, "Review");
        Assert.Contains("Mật khẩu không đúng", await AlertAsync(vice, office.Doc(id)), StringComparison.Ordinal);
        Assert.Null((await RevisionAsync(office.Commune, id)).ReviewedAt);
        await Html.PostFormAsync(vice, office.Doc(id), new() { ["comment"] = "Đúng quy định, đề nghị phê duyệt.", ["password"] = Password }, "Review");
        Assert.Equal(portal.Clock.GetUtcNow(), (await RevisionAsync(office.Commune, id)).ReviewedAt);

        // Having reviewed it, the vice-chair may not also approve it; the chair may.
        var reviewerPage = await Html.GetDocumentAsync(vice, office.Doc(id));
        Assert.Null(reviewerPage.QuerySelector("#ky-phe-duyet"));
        Assert.NotNull(reviewerPage.QuerySelector("#nguoi-xem-xet-khong-phe-duyet"));
        await DocumentSeed.PostHandlerAsync(vice, office.Doc(id), "Approve", new() { ["revision"] = revisionId, ["password"] = Password });
        Assert.Contains("không được đồng thời phê duyệt", await AlertAsync(vice, office.Doc(id)), StringComparison.Ordinal);
        await Html.PostFormAsync(chair, office.Doc(id), new() { ["password"] = Password }, "Approve");
        await Html.PostFormAsync(secretary, office.Doc(id), new() { ["effectiveDate"] = "2026-11-25", ["password"] = Password }, "Issue");
        Assert.Equal(RevisionStatus.Issued, (await RevisionAsync(office.Commune, id)).Status);

        Assert.Equal([SignatureMeaning.Review, SignatureMeaning.Approval, SignatureMeaning.Issue], (await SignaturesAsync(office.Commune, id)).Select(s => s.Meaning));
        var staff = await portal.SignedInAsync(office.Staff);
        var page = await Html.GetDocumentAsync(staff, office.Doc(id));
        var reviewer = page.QuerySelector("#nguoi-duyet [data-role=reviewer]")!.TextContent;
        Assert.Contains("Lê Thị Phó (Phó Chủ tịch UBND xã) — đã xem xét 09:00 25/11/2026", reviewer, StringComparison.Ordinal);
        Assert.Contains("Ý kiến: Đúng quy định, đề nghị phê duyệt.", reviewer, StringComparison.Ordinal);
        Assert.Contains("Trần Văn Chính", page.QuerySelector("#nguoi-duyet [data-role=approver]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Xem xét", page.QuerySelector("#chu-ky tr[data-meaning=Review]")!.TextContent, StringComparison.Ordinal);

        var print = (await Html.GetDocumentAsync(staff, office.Doc(id) + "/in")).QuerySelector("#ky-duyet")!;
        Assert.Equal(["Người soạn thảo", "Người trình duyệt", "Người xem xét", "Người phê duyệt", "Người ban hành"], print.QuerySelectorAll("th").Select(t => t.TextContent));
        var printedReviewer = print.QuerySelector("td[data-role=reviewer]")!;
        foreach (var expected in new[] { "Lê Thị Phó", "Phó Chủ tịch UBND xã", "25/11/2026" })
        {
            Assert.Contains(expected, printedReviewer.TextContent, StringComparison.Ordinal);
        }

        Assert.Contains("Đã ký điện tử (nhập lại mật khẩu) lúc 09:00 25/11/2026", printedReviewer.QuerySelector("[data-signed=Review]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(print.QuerySelector("[data-unreviewed]"));
        Assert.Contains("Trần Văn Chính", print.QuerySelector("td[data-role=approver]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Lê Thị Phó", print.QuerySelector("td[data-role=approver]")!.TextContent, StringComparison.Ordinal);

        var integrity = await Html.GetDocumentAsync(staff, office.Doc(id) + "/kiem-tra-toan-ven");
        Assert.Equal(3, integrity.QuerySelectorAll("li[data-unchanged=true]").Length);
    }

    [Fact]
    public async Task The_reviewer_returns_the_draft_with_a_reason_and_only_the_reviewer_sees_the_review_forms()
    {
        var office = await OfficeAsync(reviewRequired: true);
        var id = await DocumentSeed.CreateAsync(portal, office.Commune, "QT-61", RevisionStatus.Draft, office.Secretary);
        var secretary = await portal.SignedInAsync(office.Secretary);
        var vice = await portal.SignedInAsync(office.ViceChair);
        await Html.PostFormAsync(secretary, office.Doc(id), new() { ["reviewer"] = await DocumentSeed.UserIdAsync(portal, office.ViceChair) }, "Submit");

        foreach (var email in new[] { office.Secretary, office.Chair, office.Staff })
        {
            var other = await Html.GetDocumentAsync(await portal.SignedInAsync(email), office.Doc(id));
            Assert.Null(other.QuerySelector("#ky-xem-xet"));
            Assert.Null(other.QuerySelector("#tra-lai-xem-xet"));
        }

        await Html.PostFormAsync(vice, office.Doc(id), new() { ["reason"] = "" }, "ReturnReview");
        Assert.Contains("Vui lòng ghi lý do trả lại", await AlertAsync(vice, office.Doc(id)), StringComparison.Ordinal);
        await Html.PostFormAsync(vice, office.Doc(id), new() { ["reason"] = "Thiếu bước trả kết quả." }, "ReturnReview");

        var page = await Html.GetDocumentAsync(secretary, office.Doc(id));
        Assert.Equal("Người xem xét Lê Thị Phó trả lại: Thiếu bước trả kết quả.", page.QuerySelector("#ly-do-tra-lai")!.TextContent);
        Assert.Contains("Dự thảo", page.QuerySelector("#trang-thai-ban")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Người xem xét trả lại", page.QuerySelector("#lich-su")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#trinh-duyet"));
        Assert.Empty(await SignaturesAsync(office.Commune, id));
    }

    [Fact]
    public async Task Without_the_setting_a_draft_goes_straight_to_approval_and_the_print_says_nobody_reviewed_it()
    {
        var office = await OfficeAsync(reviewRequired: false);
        var id = await DocumentSeed.CreateAsync(portal, office.Commune, "QT-62", RevisionStatus.Draft, office.Secretary);
        var secretary = await portal.SignedInAsync(office.Secretary);

        Assert.Contains("không bắt buộc", (await Html.GetDocumentAsync(secretary, office.Doc(id))).QuerySelector("#trinh-duyet label[for=reviewer]")!.TextContent, StringComparison.Ordinal);
        await Html.PostFormAsync(secretary, office.Doc(id), [], "Submit");
        var pending = (await Html.GetDocumentAsync(secretary, office.Doc(id) + "/in")).QuerySelector("td[data-role=reviewer]")!;
        Assert.Equal("Không qua bước xem xét", pending.TextContent.Trim());
        await Html.PostFormAsync(await portal.SignedInAsync(office.Chair), office.Doc(id), new() { ["password"] = Password }, "Approve");

        Assert.Equal(RevisionStatus.Approved, (await RevisionAsync(office.Commune, id)).Status);
        var page = await Html.GetDocumentAsync(secretary, office.Doc(id));
        Assert.Equal("Không qua bước xem xét", page.QuerySelector("#nguoi-duyet [data-role=reviewer]")!.TextContent.Trim());
        Assert.NotNull((await Html.GetDocumentAsync(secretary, office.Doc(id) + "/in")).QuerySelector("td[data-role=reviewer] [data-unreviewed]"));
    }

    [Fact]
    public async Task Without_the_setting_the_submitter_may_still_name_a_reviewer_and_the_print_shows_who_is_to_review()
    {
        var office = await OfficeAsync(reviewRequired: false);
        var id = await DocumentSeed.CreateAsync(portal, office.Commune, "QT-63", RevisionStatus.Draft, office.Secretary);
        var secretary = await portal.SignedInAsync(office.Secretary);

        await Html.PostFormAsync(secretary, office.Doc(id), new() { ["reviewer"] = await DocumentSeed.UserIdAsync(portal, office.Staff) }, "Submit");

        var revision = await RevisionAsync(office.Commune, id);
        Assert.Equal(("Phạm Thị Bình", RevisionStatus.InReview), (revision.ReviewerName, revision.Status));
        Assert.Equal("Chờ Phạm Thị Bình xem xét", (await Html.GetDocumentAsync(secretary, office.Doc(id) + "/in")).QuerySelector("td[data-role=reviewer]")!.TextContent.Trim());
        Assert.Null((await Html.GetDocumentAsync(await portal.SignedInAsync(office.Chair), office.Doc(id))).QuerySelector("#ky-phe-duyet"));
    }

    [Fact]
    public async Task The_author_cannot_be_named_reviewer_even_by_a_hand_made_post()
    {
        var office = await OfficeAsync(reviewRequired: true);
        var id = await DocumentSeed.CreateAsync(portal, office.Commune, "QT-64", RevisionStatus.Draft, office.Secretary);
        var admin = await portal.SignedInAsync(office.Admin);

        await Html.PostFormAsync(admin, office.Doc(id), new() { ["reviewer"] = await DocumentSeed.UserIdAsync(portal, office.Secretary) }, "Submit");

        Assert.Contains("Nguyễn Thị Thư đã soạn thảo", await AlertAsync(admin, office.Doc(id)), StringComparison.Ordinal);
        Assert.Equal(RevisionStatus.Draft, (await RevisionAsync(office.Commune, id)).Status);
    }
}
