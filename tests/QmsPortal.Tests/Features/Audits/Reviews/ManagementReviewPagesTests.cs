using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Features.Documents;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Features.Audits.Reviews;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Features.Tthc;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Audits.Reviews;

/// <summary>Management reviews over HTTP: inputs gathered for the period and frozen, the meeting recorded, closed by the chair, confirmed by an Approver.</summary>
public sealed class ManagementReviewPagesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private sealed record Office(TenantInfo Commune, string Secretary, string Chair, string DeputyChair, string Staff, string Auditor)
    {
        public string Reviews => $"/{Commune.Slug}/danh-gia/xem-xet-lanh-dao";
        public string New => Reviews + "/moi";
    }

    private async Task<Office> OfficeAsync()
    {
        var commune = await portal.CreateCommuneAsync();
        return new Office(commune,
            await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)], fullName: "Nguyễn Thị Thư"),
            await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Approver)], fullName: "Trần Văn Chính"),
            await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Approver)], fullName: "Lê Văn Phó"),
            await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Staff)], fullName: "Phạm Thị Bình"),
            await portal.CreateUserAsync(memberships: [(commune, CommuneRole.InternalAuditor)], fullName: "Đặng Văn Giám"));
    }

    private static Dictionary<string, string> OpenFields(string? chairId, string from = "2025-11-01", string to = "2026-10-31") => new()
    {
        ["Input.PeriodFrom"] = from, ["Input.PeriodTo"] = to, ["Input.HeldOn"] = "2026-11-20", ["Input.ChairId"] = chairId ?? "",
        ["Input.Participants"] = "Lãnh đạo UBND xã, thư ký ISO, công chức Bộ phận Một cửa",
    };

    private async Task<int> OpenReviewAsync(Office office, HttpClient client)
    {
        var response = await Html.PostFormAsync(client, office.New, OpenFields(await AuditPeople.UserIdAsync(portal, office.Chair)));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return int.Parse(response.Headers.Location!.ToString().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task The_input_page_gathers_audits_findings_actions_objectives_feedback_and_legal_changes_of_the_period()
    {
        var office = await OfficeAsync();
        await ReviewSeed.ReportedAuditAsync(portal, office.Commune, office.Auditor, "Đánh giá quy trình hộ tịch", new DateOnly(2026, 10, 6), "Hồ sơ số 12 trả trễ 2 ngày.");
        await ReviewSeed.ReportedAuditAsync(portal, office.Commune, office.Auditor, "Đánh giá năm trước", new DateOnly(2025, 6, 10), "Ngoài kỳ.");
        var finding = await ReviewSeed.FindingAsync(portal, office.Commune, office.Auditor, "PH-2026-001", FindingGrade.MinorNonconformity, new DateOnly(2026, 10, 7));
        await ReviewSeed.FindingAsync(portal, office.Commune, office.Auditor, "PH-2026-002", FindingGrade.Opportunity, new DateOnly(2026, 10, 8));
        await ReviewSeed.CorrectiveActionAsync(portal, office.Commune, finding, office.Staff, office.Secretary, new DateOnly(2026, 10, 9), new DateOnly(2026, 11, 1), "Lập sổ theo dõi hạn trả.");
        await ReviewSeed.ObjectiveAsync(portal, office.Commune, "Giải quyết hồ sơ đúng hạn", "%", 95, ObjectiveDirection.AtLeast,
            (new DateOnly(2026, 9, 1), 96), (new DateOnly(2026, 10, 1), 93.5m), (new DateOnly(2025, 5, 1), 80));
        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            db.Add(new TthcFeedback { Code = "1.001193", Message = "Sai lệ phí.", Reference = "PA-2026-000001", CreatedAt = new DateTimeOffset(2026, 3, 4, 3, 0, 0, TimeSpan.Zero) });
            db.Add(new TthcFeedback { Code = "1.001193", Message = "Ngoài kỳ.", Reference = "PA-2025-000001", CreatedAt = new DateTimeOffset(2025, 3, 4, 3, 0, 0, TimeSpan.Zero) });
            db.Add(new DeskStatistics { Month = new DateOnly(2026, 10, 1), Received = 200, OnTime = 190, Late = 10, Apologies = 9, Satisfied = 171, Surveyed = 180 });
            await db.SaveChangesAsync();
        }, office.Commune);
        var document = await DocumentSeed.CreateAsync(portal, office.Commune, "QT-01", RevisionStatus.Issued, office.Secretary, office.Chair);
        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            db.Add(LegalText.Register("61/2018/NĐ-CP", "Nghị định về cơ chế một cửa", new DateOnly(2026, 5, 1), null, [document]));
            await db.SaveChangesAsync();
        }, office.Commune);
        var client = await portal.SignedInAsync(office.Secretary);

        var page = await Html.GetDocumentAsync(client, office.New + "?tu=2025-11-01&den=2026-10-31");

        var audits = page.QuerySelectorAll("#dau-vao [data-audit]");
        Assert.Contains("Đánh giá quy trình hộ tịch", Assert.Single(audits).TextContent, StringComparison.Ordinal);
        Assert.Contains("Hồ sơ số 12 trả trễ 2 ngày.", audits[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("1 không phù hợp nhẹ", page.QuerySelector("#dau-vao")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Lập sổ theo dõi hạn trả.", page.QuerySelector("#khac-phuc-qua-han")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 quá hạn", page.QuerySelector("#dau-vao")!.TextContent, StringComparison.Ordinal);
        var text = page.QuerySelector("#dau-vao")!.TextContent;
        Assert.Contains("Giải quyết hồ sơ đúng hạn", text, StringComparison.Ordinal);
        Assert.Contains("10/2026: 93,5%", text, StringComparison.Ordinal);
        Assert.Contains("\"Báo sai sót\" của người dân trong kỳ: 1", text, StringComparison.Ordinal);
        Assert.Contains("tỷ lệ đúng hạn 95%", text, StringComparison.Ordinal);
        Assert.Contains("95%", text, StringComparison.Ordinal);
        Assert.Contains("quá hạn chưa cập nhật: 1", text, StringComparison.Ordinal);
        Assert.Contains("61/2018/NĐ-CP", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_freezes_the_inputs_so_later_records_do_not_change_the_minutes()
    {
        var office = await OfficeAsync();
        await ReviewSeed.ReportedAuditAsync(portal, office.Commune, office.Auditor, "Đánh giá quy trình chứng thực", new DateOnly(2026, 9, 15), "Sổ chứng thực ghi thiếu.");
        var client = await portal.SignedInAsync(office.Secretary);

        var id = await OpenReviewAsync(office, client);
        await ReviewSeed.ReportedAuditAsync(portal, office.Commune, office.Auditor, "Đánh giá ghi sau khi mở", new DateOnly(2026, 10, 20), "Sau.");

        var review = await Html.GetDocumentAsync(client, $"{office.Reviews}/{id}");
        Assert.Contains("Đánh giá quy trình chứng thực", review.QuerySelector("#dau-vao")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Đánh giá ghi sau khi mở", review.QuerySelector("#dau-vao")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Trần Văn Chính", review.QuerySelector("#thong-tin")!.TextContent, StringComparison.Ordinal);
        var stored = await AuditPeople.ReadAsync(portal, office.Commune, db => db.Set<ManagementReview>().SingleAsync(r => r.Id == id));
        Assert.Equal((new DateOnly(2025, 11, 1), new DateOnly(2026, 10, 31), new DateOnly(2026, 11, 20)), (stored.PeriodFrom, stored.PeriodTo, stored.HeldOn));
        Assert.Equal("Đánh giá quy trình chứng thực", Assert.Single(ReviewInputs.FromJson(stored.InputsSnapshot)!.Audits).Title);
    }

    [Fact]
    public async Task A_review_without_a_chair_with_a_chair_who_is_no_approver_or_with_the_period_backwards_is_refused_and_nothing_is_written()
    {
        var office = await OfficeAsync();
        var client = await portal.SignedInAsync(office.Secretary);

        var noChair = await Html.ParseAsync(await Html.PostFormAsync(client, office.New, OpenFields(null)));
        var staffChair = await Html.ParseAsync(await Html.PostFormAsync(client, office.New, OpenFields(await AuditPeople.UserIdAsync(portal, office.Staff))));
        var backwards = await Html.ParseAsync(await Html.PostFormAsync(client, office.New,
            OpenFields(await AuditPeople.UserIdAsync(portal, office.Chair), from: "2026-10-31", to: "2025-11-01")));
        var backwardsPreview = await Html.GetDocumentAsync(client, office.New + "?tu=2026-10-31&den=2025-11-01");

        Assert.Equal("Cuộc xem xét của lãnh đạo phải có người chủ trì.", Html.FieldError(noChair, "Input.ChairId"));
        Assert.Contains("Người chủ trì phải là lãnh đạo có vai trò phê duyệt", Html.FieldError(staffChair, "Input.ChairId"), StringComparison.Ordinal);
        Assert.Equal("Ngày bắt đầu kỳ xem xét phải trước ngày kết thúc.", Html.FieldError(backwards, "Input.PeriodFrom"));
        Assert.Equal("Ngày bắt đầu kỳ xem xét phải trước ngày kết thúc.", Html.FieldError(backwardsPreview, "tu"));
        Assert.Null(backwardsPreview.QuerySelector("#dau-vao"));
        Assert.Equal(0, await AuditPeople.ReadAsync(portal, office.Commune, db => db.Set<ManagementReview>().CountAsync()));
    }

    [Fact]
    public async Task Only_the_secretary_or_an_approver_opens_a_review_and_others_may_only_read_the_inputs()
    {
        var office = await OfficeAsync();
        var staff = await portal.SignedInAsync(office.Staff);

        var page = await Html.GetDocumentAsync(staff, office.New);
        var response = await ReviewSeed.PostAsync(staff, office.New, null, OpenFields(await AuditPeople.UserIdAsync(portal, office.Chair)));

        Assert.Null(page.QuerySelector("#mo-bien-ban"));
        Assert.NotNull(page.QuerySelector("#dau-vao"));
        Assert.True(ReviewSeed.IsRefused(response), response.StatusCode.ToString());
        Assert.Equal(0, await AuditPeople.ReadAsync(portal, office.Commune, db => db.Set<ManagementReview>().CountAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await portal.Anonymous().GetAsync(office.New)).StatusCode);
    }

    [Fact]
    public async Task The_meeting_is_recorded_closed_by_the_chair_only_then_confirmed_by_another_approver_and_decisions_are_marked_done_later()
    {
        var office = await OfficeAsync();
        var secretary = await portal.SignedInAsync(office.Secretary);
        var id = await OpenReviewAsync(office, secretary);
        var url = $"{office.Reviews}/{id}";
        var chair = await portal.SignedInAsync(office.Chair);
        var deputy = await portal.SignedInAsync(office.DeputyChair);

        var emptyClose = await Html.ParseAsync(await Html.PostFormAsync(chair, url, new(), "Close"));
        Assert.Contains("Ghi nội dung thảo luận", emptyClose.QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        await Html.PostFormAsync(secretary, url, new()
        {
            ["Outputs.Risks"] = "Rủi ro trễ hạn khi nhân sự Một cửa nghỉ phép.", ["Outputs.Discussion"] = "Hệ thống phù hợp và được duy trì.",
            ["Outputs.ImprovementOpportunities"] = "Số hóa sổ theo dõi.", ["Outputs.QmsChanges"] = "Cập nhật QT-05.", ["Outputs.ResourceNeeds"] = "Một máy quét.",
        }, "Outputs");
        var noOwner = await Html.ParseAsync(await Html.PostFormAsync(secretary, url, new() { ["Decision.Text"] = "Mua máy quét.", ["Decision.OwnerId"] = "" }, "Decide"));
        Assert.Equal("Vui lòng chọn người thực hiện.", Html.FieldError(noOwner, "Decision.OwnerId"));
        var early = await Html.ParseAsync(await Html.PostFormAsync(secretary, url,
            new() { ["Decision.Text"] = "Mua máy quét.", ["Decision.OwnerId"] = await AuditPeople.UserIdAsync(portal, office.Staff), ["Decision.DueDate"] = "2026-11-01" }, "Decide"));
        Assert.Equal("Hạn thực hiện không được trước ngày họp.", Html.FieldError(early, "Decision.DueDate"));
        await Html.PostFormAsync(secretary, url,
            new() { ["Decision.Text"] = "Mua máy quét.", ["Decision.OwnerId"] = await AuditPeople.UserIdAsync(portal, office.Staff), ["Decision.DueDate"] = "2026-12-31" }, "Decide");

        var byDeputy = await Html.ParseAsync(await ReviewSeed.PostAsync(deputy, url, "Close"));
        Assert.Contains("Chỉ người chủ trì", byDeputy.QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ReviewStatus.Draft, await AuditPeople.ReadAsync(portal, office.Commune, db => db.Set<ManagementReview>().Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
        var beforeClose = await Html.ParseAsync(await ReviewSeed.PostAsync(deputy, url, "Confirm", new() { ["Confirm.ConfirmedOn"] = "2026-11-24", ["Confirm.Statement"] = "Có hiệu lực." }));
        Assert.Contains("sau khi người chủ trì kết thúc", beforeClose.QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Html.PostFormAsync(chair, url, new(), "Close")).StatusCode);

        var afterClose = await Html.ParseAsync(await ReviewSeed.PostAsync(secretary, url, "Decide",
            new() { ["Decision.Text"] = "Sau khi kết thúc.", ["Decision.OwnerId"] = await AuditPeople.UserIdAsync(portal, office.Staff), ["Decision.DueDate"] = "2026-12-31" }));
        Assert.Contains("Biên bản đã kết thúc", afterClose.QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        var byStaff = await Html.ParseAsync(await ReviewSeed.PostAsync(await portal.SignedInAsync(office.Staff), url, "Confirm",
            new() { ["Confirm.ConfirmedOn"] = "2026-11-24", ["Confirm.Statement"] = "Có hiệu lực." }));
        Assert.Contains("Chỉ lãnh đạo có vai trò phê duyệt", byStaff.QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        var beforeMeeting = await Html.ParseAsync(await Html.PostFormAsync(deputy, url, new() { ["Confirm.ConfirmedOn"] = "2026-11-19" }, "Confirm"));
        Assert.Equal("Ngày xác nhận từ ngày họp (20/11/2026) đến hôm nay.", Html.FieldError(beforeMeeting, "Confirm.ConfirmedOn"));
        var noStatement = await Html.ParseAsync(await Html.PostFormAsync(deputy, url, new() { ["Confirm.ConfirmedOn"] = "2026-11-24", ["Confirm.Statement"] = "" }, "Confirm"));
        Assert.Equal("Vui lòng nhập nội dung xác nhận.", Html.FieldError(noStatement, "Confirm.Statement"));
        Assert.Equal(0, await AuditPeople.ReadAsync(portal, office.Commune, db => db.Set<EffectivenessConfirmation>().CountAsync()));
        var confirmed = await Html.PostFormAsync(deputy, url, new() { ["Confirm.ConfirmedOn"] = "2026-11-24" }, "Confirm");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var staff = await portal.SignedInAsync(office.Staff);
        Assert.Equal(HttpStatusCode.Redirect, (await Html.PostFormAsync(staff, url, new() { ["note"] = "Đã nhận máy quét." }, "Done")).StatusCode);

        var record = await Html.GetDocumentAsync(secretary, url);
        Assert.Contains("Đã kết thúc", record.QuerySelector("#tinh-trang")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Hoàn thành 25/11/2026", record.QuerySelector("#bang-quyet-dinh")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Lê Văn Phó", record.QuerySelector("#cac-xac-nhan")!.TextContent, StringComparison.Ordinal);
        Assert.Null(record.QuerySelector("#ghi-bien-ban"));
        var confirmation = await AuditPeople.ReadAsync(portal, office.Commune, db => db.Set<EffectivenessConfirmation>().SingleAsync());
        Assert.Equal((id, new DateOnly(2026, 11, 24), "Lê Văn Phó"), (confirmation.ReviewId!.Value, confirmation.ConfirmedOn, confirmation.ApproverName));

        // Closing the minutes and the confirmation are what the ISO status counts for step 2.
        var applied = (await Html.GetDocumentAsync(secretary, $"/{office.Commune.Slug}/tai-lieu/he-thong-iso")).QuerySelector("#bon-buoc li[data-step='2']")!.TextContent;
        Assert.Contains("Xem xét của lãnh đạo ngày 20/11/2026", applied, StringComparison.Ordinal);
        Assert.Contains("Người đứng đầu xác nhận hiệu lực ngày 24/11/2026", applied, StringComparison.Ordinal);

        var minutes = await Html.GetDocumentAsync(secretary, url + "/in");
        Assert.Null(minutes.QuerySelector(".watermark"));
        Assert.Contains("Hệ thống phù hợp và được duy trì.", minutes.QuerySelector("#in-thao-luan")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Mua máy quét.", minutes.QuerySelector("#in-quyet-dinh")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Trần Văn Chính", minutes.QuerySelector("#ky-bien-ban")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Rủi ro trễ hạn", minutes.Body!.TextContent, StringComparison.Ordinal);

        var list = await Html.GetDocumentAsync(secretary, office.Reviews);
        Assert.Contains("20/11/2027", list.QuerySelector("#lan-tiep-theo")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 / 1", list.QuerySelector($"tr[data-review='{id}']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_prints_as_a_draft_and_the_list_says_no_review_is_closed_yet()
    {
        var office = await OfficeAsync();
        var secretary = await portal.SignedInAsync(office.Secretary);
        var id = await OpenReviewAsync(office, secretary);

        var minutes = await Html.GetDocumentAsync(secretary, $"{office.Reviews}/{id}/in");
        var list = await Html.GetDocumentAsync(await portal.SignedInAsync(office.Staff), office.Reviews);

        Assert.NotNull(minutes.QuerySelector(".watermark"));
        Assert.NotNull(minutes.QuerySelector("#tinh-trang-in"));
        Assert.Contains("Chưa có cuộc xem xét nào kết thúc", list.QuerySelector("#lan-tiep-theo")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(list.QuerySelector($"tr[data-review='{id}']"));
    }

    [Fact]
    public async Task A_decision_is_marked_done_by_its_owner_but_not_by_another_staff_member()
    {
        var office = await OfficeAsync();
        var other = await portal.CreateUserAsync(memberships: [(office.Commune, CommuneRole.Staff)], fullName: "Võ Văn Khác");
        var secretary = await portal.SignedInAsync(office.Secretary);
        var id = await OpenReviewAsync(office, secretary);
        var url = $"{office.Reviews}/{id}";
        await Html.PostFormAsync(secretary, url,
            new() { ["Decision.Text"] = "Tập huấn lại quy trình.", ["Decision.OwnerId"] = await AuditPeople.UserIdAsync(portal, office.Staff), ["Decision.DueDate"] = "2026-12-15" }, "Decide");
        var actionId = await AuditPeople.ReadAsync(portal, office.Commune, db => db.Set<ReviewAction>().Select(a => a.Id).SingleAsync());

        var refused = await Html.ParseAsync(await ReviewSeed.PostAsync(await portal.SignedInAsync(other), $"{url}?item={actionId}", "Done"));
        Assert.Contains("Chỉ người thực hiện", refused.QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await AuditPeople.ReadAsync(portal, office.Commune, db => db.Set<ReviewAction>().Select(a => a.DoneOn).SingleAsync()));
        var province = await portal.CreateUserAsync(platformRole: PlatformRoles.ProvinceAuditor, supervisedProvince: office.Commune.ProvinceCode);
        var auditor = await portal.SignedInAsync(province);
        Assert.NotNull((await Html.GetDocumentAsync(auditor, url)).QuerySelector("#bang-quyet-dinh"));
        Assert.True(ReviewSeed.IsRefused(await ReviewSeed.PostAsync(auditor, $"{url}?item={actionId}", "Done")));
    }
}
