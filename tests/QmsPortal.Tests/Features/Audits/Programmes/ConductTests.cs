using System.Net;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Tests.Features.Documents;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Audits.Programmes;

/// <summary>The audit page /{slug}/danh-gia/cuoc-danh-gia/{id}: opening, answers with evidence, sign-off, cancellation, links to raise findings.</summary>
public sealed class ConductTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private sealed record Setup(TenantInfo Commune, string Lead, string Member, string Outsider, string Staff);

    private async Task<Setup> SetupAsync(string provinceCode = "42")
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: provinceCode);
        return new Setup(commune,
            await portal.CreateUserAsync(memberships: [(commune, CommuneRole.InternalAuditor)], fullName: "Nguyễn Trưởng Đoàn"),
            await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)], fullName: "Trần Thành Viên"),
            await portal.CreateUserAsync(memberships: [(commune, CommuneRole.InternalAuditor)], fullName: "Lê Ngoài Đoàn"),
            await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Staff)], fullName: "Đỗ Cán Bộ"));
    }

    /// <summary>A refusal of a form the page does not show to this user is listed at the top of the page.</summary>
    private static string? Summary(AngleSharp.Dom.IDocument page) => page.QuerySelector(".validation-summary-errors")?.TextContent.Trim();

    private static string Url(TenantInfo commune, int audit) => $"/{commune.Slug}/danh-gia/cuoc-danh-gia/{audit}";

    private Task<Audit> AuditAsync(TenantInfo commune, int id) =>
        AuditPeople.ReadAsync(portal, commune, db => db.Set<Audit>().AsNoTracking().Include(a => a.Answers).SingleAsync(a => a.Id == id));

    [Fact]
    public async Task The_opening_meeting_builds_the_checklist_from_the_active_questions_of_the_clauses_in_scope()
    {
        var s = await SetupAsync();
        await AuditPlanSeed.QuestionsAsync(portal, s.Commune, AuditPlanSeed.Bank);
        await AuditPlanSeed.QuestionsAsync(portal, s.Commune, ("7.2", "Câu hỏi đã thôi dùng?"));
        await AuditPeople.ReadAsync(portal, s.Commune, async db =>
        {
            (await db.Set<ChecklistQuestion>().SingleAsync(q => q.Clause == "7.2")).Retire();
            return await db.SaveChangesAsync();
        });
        var id = await AuditPlanSeed.AuditAsync(portal, s.Commune, s.Lead, [s.Member]);
        var client = await portal.SignedInAsync(s.Member);

        var response = await Html.PostFormAsync(client, Url(s.Commune, id), new() { ["Open.OpeningMeetingOn"] = "2026-11-20", ["Open.Participants"] = "Đoàn đánh giá, công chức Tư pháp – Hộ tịch" }, "Open");
        var page = await Html.GetDocumentAsync(client, Url(s.Commune, id));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var audit = await AuditAsync(s.Commune, id);
        Assert.Equal(AuditStatus.InProgress, audit.Status);
        Assert.Equal(new DateOnly(2026, 11, 20), audit.OpeningMeetingOn);
        Assert.Equal(["7.5.3", "8.5", "8.5.3"], audit.Answers.OrderBy(a => a.Order).Select(a => a.Clause));
        Assert.Equal(3, page.QuerySelectorAll("#danh-muc-kiem-tra article").Length);
        Assert.Equal(3, page.QuerySelectorAll("form[action*='handler=Answer']").Length);
        Assert.Contains("Tư pháp – Hộ tịch", page.QuerySelector("#thong-tin")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_audits_own_team_opens_it_and_staff_are_forbidden()
    {
        var s = await SetupAsync();
        var id = await AuditPlanSeed.AuditAsync(portal, s.Commune, s.Lead, [s.Member]);
        await AuditPlanSeed.QuestionsAsync(portal, s.Commune, AuditPlanSeed.Bank);
        var outsider = await portal.SignedInAsync(s.Outsider);
        var staff = await portal.SignedInAsync(s.Staff);

        var viewed = await Html.GetDocumentAsync(outsider, Url(s.Commune, id));
        var refused = await Html.ParseAsync(await DocumentSeed.PostHandlerAsync(outsider, Url(s.Commune, id), "Open", new() { ["Open.OpeningMeetingOn"] = "2026-11-20" }));
        var forbidden = await DocumentSeed.PostHandlerAsync(staff, Url(s.Commune, id), "Open", new() { ["Open.OpeningMeetingOn"] = "2026-11-20" });

        Assert.Null(viewed.QuerySelector("#hop-khai-mac"));
        Assert.Equal("Chỉ trưởng đoàn và thành viên đoàn đánh giá được ghi nhận kết quả cuộc đánh giá này.", Summary(refused));
        Assert.True(AuditPlanSeed.IsForbidden(forbidden));
        Assert.Equal(AuditStatus.Planned, (await AuditAsync(s.Commune, id)).Status);
    }

    [Fact]
    public async Task An_opening_without_a_date_or_without_questions_for_the_scope_is_refused_and_nothing_is_written()
    {
        var s = await SetupAsync();
        var id = await AuditPlanSeed.AuditAsync(portal, s.Commune, s.Lead, clauses: ["4"]);
        var client = await portal.SignedInAsync(s.Lead);

        var noDate = await Html.ParseAsync(await Html.PostFormAsync(client, Url(s.Commune, id), new() { ["Open.OpeningMeetingOn"] = "" }, "Open"));
        var noQuestions = await Html.ParseAsync(await Html.PostFormAsync(client, Url(s.Commune, id), new() { ["Open.OpeningMeetingOn"] = "2026-11-20" }, "Open"));

        Assert.Equal("Vui lòng chọn ngày họp khai mạc.", Html.FieldError(noDate, "Open.OpeningMeetingOn"));
        Assert.Contains("chưa có câu hỏi nào cho các điều khoản trong phạm vi", Html.FieldError(noQuestions, "Open"), StringComparison.Ordinal);
        var audit = await AuditAsync(s.Commune, id);
        Assert.Equal((AuditStatus.Planned, (DateOnly?)null, 0), (audit.Status, audit.OpeningMeetingOn, audit.Answers.Count));
    }

    [Fact]
    public async Task A_nonconform_answer_without_evidence_is_refused_beside_the_evidence_and_nothing_is_written()
    {
        var s = await SetupAsync();
        var id = await AuditPlanSeed.AuditAsync(portal, s.Commune, s.Lead, [s.Member], open: true);
        var answers = await AuditPlanSeed.AnswerIdsAsync(portal, s.Commune, id);
        var client = await portal.SignedInAsync(s.Member);

        var refused = await AuditPlanSeed.AnswerAsync(client, Url(s.Commune, id), answers[1], "Nonconform", "  ");
        var page = await Html.ParseAsync(refused);
        var noResult = await Html.ParseAsync(await AuditPlanSeed.AnswerAsync(client, Url(s.Commune, id), answers[0], null, "Đã xem sổ theo dõi."));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("Ghi bằng chứng khách quan cho kết quả không phù hợp hoặc khuyến nghị.", Html.FieldError(page, $"Answer{answers[1]}.Evidence"));
        Assert.NotNull(page.QuerySelector($"#cau-{answers[1]} input[name=result][value=Nonconform][checked]"));
        Assert.StartsWith("Chọn kết quả", Html.FieldError(noResult, $"Answer{answers[0]}.Result"), StringComparison.Ordinal);
        Assert.Equal("Đã xem sổ theo dõi.", noResult.QuerySelector($"#evidence-{answers[0]}")!.TextContent);
        Assert.All((await AuditAsync(s.Commune, id)).Answers, a => Assert.Equal(AnswerResult.Unanswered, a.Result));
    }

    [Fact]
    public async Task An_answer_with_an_evidence_file_stores_both_and_readers_of_the_commune_download_the_file()
    {
        var s = await SetupAsync(provinceCode: "44");
        var id = await AuditPlanSeed.AuditAsync(portal, s.Commune, s.Lead, open: true);
        var answers = await AuditPlanSeed.AnswerIdsAsync(portal, s.Commune, id);
        var client = await portal.SignedInAsync(s.Lead);
        var pdf = TestFiles.Pdf("So theo doi ho so thang 11");

        var response = await AuditPlanSeed.AnswerAsync(client, Url(s.Commune, id), answers[1], "Nonconform", "Hồ sơ số 12 trả trễ 2 ngày, không có phiếu xin lỗi.",
            ("sổ theo dõi/../tháng 11.pdf", pdf));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var answer = (await AuditAsync(s.Commune, id)).Answers.Single(a => a.Id == answers[1]);
        Assert.Equal((AnswerResult.Nonconform, "Hồ sơ số 12 trả trễ 2 ngày, không có phiếu xin lỗi."), (answer.Result, answer.Evidence));
        var file = await AuditPeople.ReadAsync(portal, s.Commune, db => db.Set<AuditEvidenceFile>().SingleAsync());
        Assert.Equal(("tháng 11.pdf", answers[1], "application/pdf"), (file.FileName, file.AnswerId, file.ContentType));
        var page = await Html.GetDocumentAsync(client, Url(s.Commune, id));
        var link = page.QuerySelector($"#cau-{answers[1]} .evidence-files a")!.GetAttribute("href")!;
        Assert.Equal($"{Url(s.Commune, id)}/tep/{file.Id}", link);

        var inspector = await portal.SignedInAsync(await portal.CreateUserAsync(platformRole: PlatformRoles.ProvinceAuditor, supervisedProvince: "44"));
        foreach (var reader in new[] { client, await portal.SignedInAsync(s.Staff), inspector })
        {
            var download = await reader.GetAsync(link);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        }

        var anonymous = await portal.Anonymous().GetAsync(link);
        Assert.Contains("dang-nhap", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Url(s.Commune, id)}/tep/{file.Id + 1000}")).StatusCode);
    }

    [Fact]
    public async Task A_hostile_evidence_file_is_refused_beside_the_upload_and_neither_answer_nor_file_is_written()
    {
        var s = await SetupAsync();
        var id = await AuditPlanSeed.AuditAsync(portal, s.Commune, s.Lead, open: true);
        var answers = await AuditPlanSeed.AnswerIdsAsync(portal, s.Commune, id);
        var client = await portal.SignedInAsync(s.Lead);

        var html = await Html.ParseAsync(await AuditPlanSeed.AnswerAsync(client, Url(s.Commune, id), answers[0], "Conform", "Đúng phiên bản.", ("bien-ban.pdf", TestFiles.HtmlWithPdfHeader())));
        var macro = await Html.ParseAsync(await AuditPlanSeed.AnswerAsync(client, Url(s.Commune, id), answers[0], "Conform", "Đúng phiên bản.", ("bien-ban.docx", TestFiles.DocxWithMacro())));
        var image = await Html.ParseAsync(await AuditPlanSeed.AnswerAsync(client, Url(s.Commune, id), answers[0], "Conform", "Đúng phiên bản.", ("anh.jpg", [0xFF, 0xD8, 0xFF, 0xE0])));

        Assert.Contains("Tệp không phải PDF hợp lệ", Html.FieldError(html, $"Answer{answers[0]}.Upload"), StringComparison.Ordinal);
        Assert.Contains("macro", Html.FieldError(macro, $"Answer{answers[0]}.Upload"), StringComparison.Ordinal);
        Assert.Equal("Tệp bằng chứng chỉ nhận .pdf, .docx hoặc .xlsx.", Html.FieldError(image, $"Answer{answers[0]}.Upload"));
        Assert.Equal(AnswerResult.Unanswered, (await AuditAsync(s.Commune, id)).Answers.Single(a => a.Id == answers[0]).Result);
        Assert.Equal(0, await AuditPeople.ReadAsync(portal, s.Commune, db => db.Set<AuditEvidenceFile>().CountAsync()));
    }

    [Fact]
    public async Task Signing_is_refused_with_unanswered_questions_dates_in_the_wrong_order_or_by_a_team_member_then_the_lead_signs_and_the_record_is_final()
    {
        var s = await SetupAsync();
        var id = await AuditPlanSeed.AuditAsync(portal, s.Commune, s.Lead, [s.Member], open: true);
        var answers = await AuditPlanSeed.AnswerIdsAsync(portal, s.Commune, id);
        var lead = await portal.SignedInAsync(s.Lead);
        var member = await portal.SignedInAsync(s.Member);
        var url = Url(s.Commune, id);
        Dictionary<string, string> Sign(string date) => new() { ["Sign.ClosingMeetingOn"] = date, ["Sign.Conclusion"] = "Hệ thống cơ bản phù hợp; một điểm không phù hợp nhẹ." };

        var unanswered = await Html.ParseAsync(await Html.PostFormAsync(lead, url, Sign("2026-11-24"), "Sign"));
        await AuditPlanSeed.AnswerAsync(member, url, answers[0], "Conform", null);
        await AuditPlanSeed.AnswerAsync(member, url, answers[1], "Observation", "Phiếu xin lỗi chưa ghi ngày hẹn mới.");
        await AuditPlanSeed.AnswerAsync(member, url, answers[2], "NotApplicable", null);
        var memberPage = await Html.GetDocumentAsync(member, url);
        var byMember = await Html.ParseAsync(await DocumentSeed.PostHandlerAsync(member, url, "Sign", Sign("2026-11-24")));
        var backwards = await Html.ParseAsync(await Html.PostFormAsync(lead, url, Sign("2026-11-19"), "Sign"));
        var noConclusion = await Html.ParseAsync(await Html.PostFormAsync(lead, url, new() { ["Sign.ClosingMeetingOn"] = "2026-11-24", ["Sign.Conclusion"] = "" }, "Sign"));
        var signed = await Html.PostFormAsync(lead, url, Sign("2026-11-24"), "Sign");
        var late = await Html.ParseAsync(await AuditPlanSeed.AnswerAsync(lead, url, answers[0], "Nonconform", "Sau khi ký."));

        Assert.Equal("Còn 3 câu hỏi chưa có kết quả: trả lời hết (hoặc đánh dấu \"không áp dụng\") trước khi ký báo cáo.", Html.FieldError(unanswered, "Sign"));
        Assert.Null(memberPage.QuerySelector("#ky-bao-cao-form"));
        Assert.Equal("Chỉ trưởng đoàn đánh giá ký báo cáo đánh giá.", Summary(byMember));
        Assert.Equal("Ngày họp kết thúc không được trước ngày họp khai mạc (20/11/2026).", Html.FieldError(backwards, "Sign.ClosingMeetingOn"));
        Assert.Equal("Vui lòng nhập kết luận đánh giá.", Html.FieldError(noConclusion, "Sign.Conclusion"));
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        Assert.Equal("Báo cáo đánh giá đã ký: hồ sơ không còn sửa được.", Summary(late));
        var audit = await AuditAsync(s.Commune, id);
        Assert.Equal((AuditStatus.Reported, new DateOnly(2026, 11, 24), "Nguyễn Trưởng Đoàn"), (audit.Status, audit.ClosingMeetingOn!.Value, audit.ReportSignedByName));
        Assert.Equal(AnswerResult.Conform, audit.Answers.Single(a => a.Id == answers[0]).Result);
        var page = await Html.GetDocumentAsync(lead, url);
        Assert.Empty(page.QuerySelectorAll("form[action*='handler=Answer'], form[action*='handler=Sign'], form[action*='handler=Cancel']"));
        Assert.Contains("Nguyễn Trưởng Đoàn", page.QuerySelector("#ky-bao-cao")!.TextContent, StringComparison.Ordinal);

        // The signed report is the internal audit the ISO status counts, with a link back to it.
        var iso = await Html.GetDocumentAsync(lead, $"/{s.Commune.Slug}/tai-lieu/he-thong-iso");
        Assert.Contains("Đánh giá nội bộ ngày 24/11/2026", iso.QuerySelector("#bon-buoc li[data-step='2']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/{s.Commune.Slug}/danh-gia/cuoc-danh-gia/{id}",
            iso.QuerySelector("#bang-chung tr[data-kind=InternalAudit][data-typed=false] a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Nonconform_and_observation_answers_link_to_raising_a_finding_with_the_audit_and_answer_ids_and_show_findings_raised()
    {
        var s = await SetupAsync();
        var id = await AuditPlanSeed.AuditAsync(portal, s.Commune, s.Lead, open: true);
        var answers = await AuditPlanSeed.AnswerIdsAsync(portal, s.Commune, id);
        var lead = await portal.SignedInAsync(s.Lead);
        var url = Url(s.Commune, id);
        await AuditPlanSeed.AnswerAsync(lead, url, answers[0], "Conform", null);
        await AuditPlanSeed.AnswerAsync(lead, url, answers[1], "Nonconform", "Hồ sơ số 12 trả trễ.");
        await AuditPlanSeed.AnswerAsync(lead, url, answers[2], "Observation", "Tủ lưu bản chính chưa có khóa.");
        var finding = await AuditPlanSeed.FindingAsync(portal, s.Commune, "PH-2026-001", FindingGrade.MinorNonconformity, id, answers[1]);

        var page = await Html.GetDocumentAsync(lead, url);
        var staffPage = await Html.GetDocumentAsync(await portal.SignedInAsync(s.Staff), url);

        Assert.Equal(
            [$"/{s.Commune.Slug}/danh-gia/phat-hien/moi?auditId={id}&answerId={answers[1]}", $"/{s.Commune.Slug}/danh-gia/phat-hien/moi?auditId={id}&answerId={answers[2]}"],
            page.QuerySelectorAll("a[data-raise]").Select(a => a.GetAttribute("href")!));
        Assert.All(page.QuerySelectorAll("a[data-raise]"), a => Assert.Equal("Ghi nhận phát hiện", a.TextContent.Trim()));
        Assert.Equal($"/{s.Commune.Slug}/danh-gia/phat-hien/{finding}", page.QuerySelector($"#cau-{answers[1]} .finding-link a")!.GetAttribute("href"));
        Assert.Empty(staffPage.QuerySelectorAll("a[data-raise]"));
        Assert.Contains("PH-2026-001", staffPage.QuerySelector($"#cau-{answers[1]}")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_needs_a_reason_beside_the_field_and_a_signed_audit_cannot_be_cancelled()
    {
        var s = await SetupAsync();
        var planned = await AuditPlanSeed.AuditAsync(portal, s.Commune, s.Lead, title: "Đánh giá sẽ hủy");
        var client = await portal.SignedInAsync(s.Member);
        var url = Url(s.Commune, planned);

        var noReason = await Html.ParseAsync(await Html.PostFormAsync(client, url, new() { ["Cancel.Reason"] = "" }, "Cancel"));
        var statusAfterRefusal = (await AuditAsync(s.Commune, planned)).Status;
        var cancelled = await Html.PostFormAsync(client, url, new() { ["Cancel.Reason"] = "Trùng lịch kiểm tra của tỉnh; dời sang tháng 12." }, "Cancel");
        var again = await Html.ParseAsync(await DocumentSeed.PostHandlerAsync(client, url, "Cancel", new() { ["Cancel.Reason"] = "Lần nữa" }));
        var staff = await DocumentSeed.PostHandlerAsync(await portal.SignedInAsync(s.Staff), url, "Cancel", new() { ["Cancel.Reason"] = "Thử" });

        Assert.Equal("Vui lòng nhập lý do hủy.", Html.FieldError(noReason, "Cancel.Reason"));
        Assert.Equal(AuditStatus.Planned, statusAfterRefusal);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal("Không hủy được cuộc đánh giá đã ký báo cáo hoặc đã hủy.", Summary(again));
        Assert.True(AuditPlanSeed.IsForbidden(staff));
        var audit = await AuditAsync(s.Commune, planned);
        Assert.Equal((AuditStatus.Cancelled, "Trùng lịch kiểm tra của tỉnh; dời sang tháng 12."), (audit.Status, audit.Conclusion));
        var overview = await Html.GetDocumentAsync(client, $"/{s.Commune.Slug}/danh-gia");
        Assert.Contains("Đã hủy", overview.QuerySelector($"tr[data-audit='{planned}']")!.TextContent, StringComparison.Ordinal);
    }
}
