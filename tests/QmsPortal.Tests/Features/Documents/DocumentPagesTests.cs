using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Documents;

public sealed class DocumentPagesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private sealed record Office(TenantInfo Commune, string Secretary, string Approver, string Staff)
    {
        public string Library => $"/{Commune.Slug}/tai-lieu";
        public string Doc(int id) => $"/{Commune.Slug}/tai-lieu/{id}";
    }

    private async Task<Office> OfficeAsync()
    {
        var commune = await portal.CreateCommuneAsync();
        return new Office(commune,
            await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)], fullName: "Nguyễn Thị Thư"),
            await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Approver)], fullName: "Trần Văn Chính"),
            await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Staff)], fullName: "Phạm Thị Bình"));
    }

    private static Dictionary<string, string> NewFields(string code) => new()
    {
        ["Input.Kind"] = nameof(DocumentKind.TthcProcedure),
        ["Input.Code"] = code,
        ["Input.Title"] = "Quy trình đăng ký khai sinh",
        ["Input.Owner"] = "Bộ phận Một cửa",
        ["Input.ReviewIntervalMonths"] = "12",
        ["Input.TthcCodes"] = "1.001193",
        ["Input.Body"] = "## 1. Mục đích\n\nĐăng ký khai sinh đúng hẹn.",
    };

    [Fact]
    public async Task Secretary_creates_a_document_which_appears_in_the_library_as_a_draft()
    {
        var office = await OfficeAsync();
        var client = await portal.SignedInAsync(office.Secretary);

        var response = await Html.PostFormAsync(client, office.Library + "/moi", NewFields("QT-06/CX-HCTP"), "Create");

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, response.Headers.Location?.ToString());
        Assert.StartsWith(office.Library + "/", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        var library = await Html.GetDocumentAsync(client, office.Library);
        var row = library.QuerySelector("tr[data-code='QT-06/CX-HCTP']")!;
        Assert.Contains("Dự thảo", row.TextContent, StringComparison.Ordinal);
        var page = await Html.GetDocumentAsync(client, response.Headers.Location!.ToString());
        Assert.Contains("Đăng ký khai sinh đúng hẹn.", page.QuerySelector("#noi-dung-tai-lieu")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Tạo dự thảo", page.QuerySelector("#lich-su")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_new_page_suggests_the_next_code_for_the_kind_with_the_usual_suffix()
    {
        var office = await OfficeAsync();
        await DocumentSeed.CreateAsync(portal, office.Commune, "QT-07/CX-HCTP", RevisionStatus.Draft, office.Secretary);
        var client = await portal.SignedInAsync(office.Secretary);

        var page = await Html.GetDocumentAsync(client, office.Library + "/moi?loai=SystemProcedure");

        Assert.Equal("QT-08/CX-HCTP", page.QuerySelector("#Input_Code")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("qt 06", "Mã tài liệu gồm tiền tố chữ in hoa")]
    [InlineData("QT-06/CX-HCTP", "đã được dùng")]
    public async Task A_wrong_or_duplicate_code_is_refused_and_nothing_is_saved(string code, string message)
    {
        var office = await OfficeAsync();
        await DocumentSeed.CreateAsync(portal, office.Commune, "QT-06/CX-HCTP", RevisionStatus.Draft, office.Secretary);
        var client = await portal.SignedInAsync(office.Secretary);

        var response = await Html.PostFormAsync(client, office.Library + "/moi", NewFields(code), "Create");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, Html.FieldError(await Html.ParseAsync(response), "Input.Code") ?? "", StringComparison.Ordinal);
        Assert.Equal(1, await DocumentSeed.ReadAsync(portal, office.Commune, db => db.Set<ControlledDocument>().CountAsync()));
    }

    [Fact]
    public async Task A_wrong_TTHC_code_is_refused_next_to_its_field()
    {
        var office = await OfficeAsync();
        var client = await portal.SignedInAsync(office.Secretary);
        var fields = NewFields("QT-09");
        fields["Input.TthcCodes"] = "1.001193, 1001193";

        var response = await Html.PostFormAsync(client, office.Library + "/moi", fields, "Create");

        Assert.Contains("1001193", Html.FieldError(await Html.ParseAsync(response), "Input.TthcCodes") ?? "", StringComparison.Ordinal);
        Assert.Equal(0, await DocumentSeed.ReadAsync(portal, office.Commune, db => db.Set<ControlledDocument>().CountAsync()));
    }

    [Fact]
    public async Task A_new_document_starts_not_public_unless_the_secretary_ticks_it()
    {
        var office = await OfficeAsync();
        var client = await portal.SignedInAsync(office.Secretary);

        var form = await Html.GetDocumentAsync(client, office.Library + "/moi");
        Assert.False(((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("input[type=checkbox][name='Input.IsPublic']")!).IsChecked);
        await Html.PostFormAsync(client, office.Library + "/moi", NewFields("QT-31"), "Create");
        var ticked = NewFields("QT-32");
        ticked["Input.IsPublic"] = "true";
        await Html.PostFormAsync(client, office.Library + "/moi", ticked, "Create");

        var visibility = await DocumentSeed.ReadAsync(portal, office.Commune, db => db.Set<ControlledDocument>().ToDictionaryAsync(d => d.Code, d => d.IsPublic));
        Assert.False(visibility["QT-31"]);
        Assert.True(visibility["QT-32"]);
    }

    [Fact]
    public async Task Staff_cannot_open_the_new_document_page()
    {
        var office = await OfficeAsync();
        var client = await portal.SignedInAsync(office.Staff);

        var response = await client.GetAsync(office.Library + "/moi");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/tai-khoan/khong-co-quyen", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_approve_and_issue_through_the_pages_records_every_transition()
    {
        var office = await OfficeAsync();
        var id = await DocumentSeed.CreateAsync(portal, office.Commune, "QT-10", RevisionStatus.Draft, office.Secretary);
        var secretary = await portal.SignedInAsync(office.Secretary);
        var approver = await portal.SignedInAsync(office.Approver);

        Assert.Equal(HttpStatusCode.Redirect, (await Html.PostFormAsync(secretary, office.Doc(id), [], "Submit")).StatusCode);
        await Html.PostFormAsync(approver, office.Doc(id), new() { ["password"] = PortalFactory.DefaultPassword }, "Approve");
        await Html.PostFormAsync(secretary, office.Doc(id), new() { ["effectiveDate"] = "2026-12-01", ["password"] = PortalFactory.DefaultPassword }, "Issue");

        // Issued on 25/11/2026 to take effect on 01/12/2026: until then the page must not call it in force.
        var page = await Html.GetDocumentAsync(secretary, office.Doc(id));
        Assert.Contains("Sắp có hiệu lực từ 01/12/2026", page.QuerySelector("#trang-thai-ban")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Đang hiệu lực", page.QuerySelector("#trang-thai-ban")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("01/12/2026", page.QuerySelector("#thong-tin")!.TextContent, StringComparison.Ordinal);
        var history = page.QuerySelector("#lich-su")!.TextContent;
        foreach (var action in new[] { "Tạo dự thảo", "Trình phê duyệt", "Phê duyệt", "Ban hành" })
        {
            Assert.Contains(action, history, StringComparison.Ordinal);
        }

        Assert.Contains("Trần Văn Chính", page.QuerySelector("#bang-theo-doi-sua-doi")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approving_your_own_revision_is_refused_with_a_message_and_nothing_changes()
    {
        var commune = await portal.CreateCommuneAsync();
        var both = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary), (commune, CommuneRole.Approver)]);
        var id = await DocumentSeed.CreateAsync(portal, commune, "QT-11", RevisionStatus.InReview, both);
        var client = await portal.SignedInAsync(both);
        var revision = await DocumentSeed.RevisionIdAsync(portal, commune, id, 1);

        // The page offers no signature the rules would refuse; a hand-made post is refused by the entity.
        Assert.NotNull((await Html.GetDocumentAsync(client, $"/{commune.Slug}/tai-lieu/{id}")).QuerySelector("#nguoi-soan-khong-phe-duyet"));
        Assert.Null((await Html.GetDocumentAsync(client, $"/{commune.Slug}/tai-lieu/{id}")).QuerySelector("#ky-phe-duyet"));
        await DocumentSeed.PostHandlerAsync(client, $"/{commune.Slug}/tai-lieu/{id}", "Approve",
            new() { ["revision"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture), ["password"] = PortalFactory.DefaultPassword });

        var page = await Html.GetDocumentAsync(client, $"/{commune.Slug}/tai-lieu/{id}");
        Assert.Contains("Không được tự phê duyệt", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(RevisionStatus.InReview, await DocumentSeed.ReadAsync(portal, commune, db => db.Set<ControlledDocument>().Where(d => d.Id == id).Select(d => d.Status).SingleAsync()));
    }

    [Fact]
    public async Task Staff_cannot_approve_even_by_posting_the_handler()
    {
        var office = await OfficeAsync();
        var id = await DocumentSeed.CreateAsync(portal, office.Commune, "QT-12", RevisionStatus.InReview, office.Secretary);
        var revision = await DocumentSeed.RevisionIdAsync(portal, office.Commune, id, 1);
        var staff = await portal.SignedInAsync(office.Staff);

        await DocumentSeed.PostHandlerAsync(staff, office.Doc(id), "Approve", new() { ["revision"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture), ["password"] = PortalFactory.DefaultPassword });

        Assert.Equal(RevisionStatus.InReview, await DocumentSeed.ReadAsync(portal, office.Commune, db => db.Set<ControlledDocument>().Where(d => d.Id == id).Select(d => d.Status).SingleAsync()));
    }

    [Fact]
    public async Task Issuing_without_approval_is_refused_with_a_message()
    {
        var office = await OfficeAsync();
        var id = await DocumentSeed.CreateAsync(portal, office.Commune, "QT-13", RevisionStatus.InReview, office.Secretary);
        var revision = await DocumentSeed.RevisionIdAsync(portal, office.Commune, id, 1);
        var client = await portal.SignedInAsync(office.Secretary);

        await DocumentSeed.PostHandlerAsync(client, office.Doc(id), "Issue", new() { ["revision"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture), ["effectiveDate"] = "2026-12-01", ["password"] = PortalFactory.DefaultPassword });

        var page = await Html.GetDocumentAsync(client, office.Doc(id));
        Assert.Contains("chưa được lãnh đạo phê duyệt", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await DocumentSeed.ReadAsync(portal, office.Commune, db => db.Set<ControlledDocument>().Where(d => d.Id == id).Select(d => d.IssueNumber).SingleAsync()));
    }

    [Fact]
    public async Task Rejecting_with_a_reason_returns_the_draft_and_shows_the_reason()
    {
        var office = await OfficeAsync();
        var id = await DocumentSeed.CreateAsync(portal, office.Commune, "QT-14", RevisionStatus.InReview, office.Secretary);
        var approver = await portal.SignedInAsync(office.Approver);

        await Html.PostFormAsync(approver, office.Doc(id), new() { ["reason"] = "Thiếu bước trả kết quả." }, "Reject");

        var page = await Html.GetDocumentAsync(await portal.SignedInAsync(office.Secretary), office.Doc(id));
        Assert.Contains("Lãnh đạo trả lại: Thiếu bước trả kết quả.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Dự thảo", page.QuerySelector("#trang-thai-ban")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_an_issued_revision_is_refused_and_the_text_is_unchanged()
    {
        var office = await OfficeAsync();
        var id = await DocumentSeed.CreateAsync(portal, office.Commune, "QT-15", RevisionStatus.Issued, office.Secretary, office.Approver);
        var client = await portal.SignedInAsync(office.Secretary);

        var get = await client.GetAsync(office.Doc(id) + "/sua");
        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);

        var issuedRevision = await DocumentSeed.RevisionIdAsync(portal, office.Commune, id, 1);
        var library = await Html.GetDocumentAsync(client, office.Library + "/moi");
        var token = ((AngleSharp.Html.Dom.IHtmlInputElement)library.QuerySelector("input[name=__qms_af]")!).Value;
        var post = await client.PostAsync(office.Doc(id) + "/sua?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__qms_af"] = token, ["Input.Title"] = "Sửa lén", ["Input.Owner"] = "X", ["Input.ReviewIntervalMonths"] = "12",
            ["Input.Body"] = "Sửa lén nội dung đã ban hành.", ["Input.RevisionId"] = issuedRevision.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Version"] = "999",
        }));

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(DocumentSeed.Body, await DocumentSeed.ReadAsync(portal, office.Commune, db => db.Set<DocumentRevision>().Where(r => r.Id == issuedRevision).Select(r => r.Body).SingleAsync()));
    }

    [Fact]
    public async Task A_stale_concurrent_edit_is_refused_and_the_users_text_stays_in_the_form()
    {
        var office = await OfficeAsync();
        var id = await DocumentSeed.CreateAsync(portal, office.Commune, "QT-16", RevisionStatus.Draft, office.Secretary);
        var first = await portal.SignedInAsync(office.Secretary);
        var second = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(office.Commune, CommuneRole.QualitySecretary)]));
        var edit = office.Doc(id) + "/sua";
        var secondForm = await Html.GetDocumentAsync(second, edit);

        Assert.Equal(HttpStatusCode.Redirect, (await Html.PostFormAsync(first, edit, new() { ["Input.Body"] = "Bản của người thứ nhất." }, "Save")).StatusCode);
        var fields = secondForm.QuerySelectorAll("form[action*='handler=Save'] input")
            .Select(e => new KeyValuePair<string, string>(e.GetAttribute("name")!, e.GetAttribute("value") ?? ""))
            .Where(p => p.Key != "Input.Body").ToList();
        fields.Add(new("Input.Body", "Bản của người thứ hai."));
        var stale = await second.PostAsync(edit + "?handler=Save", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await Html.ParseAsync(stale);
        Assert.Contains("CHƯA được lưu", page.QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Bản của người thứ hai.", page.QuerySelector("#Input_Body")!.TextContent.Trim());
        Assert.Equal("Bản của người thứ nhất.", await DocumentSeed.ReadAsync(portal, office.Commune, db => db.Set<DocumentRevision>().Where(r => r.DocumentId == id).Select(r => r.Body).SingleAsync()));
    }

    [Fact]
    public async Task Two_saves_racing_on_the_same_draft_version_let_only_the_first_through()
    {
        var office = await OfficeAsync();
        var id = await DocumentSeed.CreateAsync(portal, office.Commune, "QT-26", RevisionStatus.Draft, office.Secretary);
        var actor = new DocumentActor("u", "Người sửa", null);
        await using var first = portal.Services.CreateAsyncScope();
        await using var second = portal.Services.CreateAsyncScope();
        first.ServiceProvider.GetRequiredService<TenantContext>().Enter(office.Commune);
        second.ServiceProvider.GetRequiredService<TenantContext>().Enter(office.Commune);
        var db1 = first.ServiceProvider.GetRequiredService<QmsPortal.Web.Data.QmsDbContext>();
        var db2 = second.ServiceProvider.GetRequiredService<QmsPortal.Web.Data.QmsDbContext>();
        var doc1 = await db1.Set<ControlledDocument>().Include(d => d.Revisions).SingleAsync(d => d.Id == id);
        var doc2 = await db2.Set<ControlledDocument>().Include(d => d.Revisions).SingleAsync(d => d.Id == id);

        doc1.EditDraft(doc1.Revisions[0], doc1.Title, doc1.Owner, 12, null, null, true, "Thứ nhất.", null, actor, portal.Clock.GetUtcNow());
        doc2.EditDraft(doc2.Revisions[0], doc2.Title, doc2.Owner, 12, null, null, true, "Thứ hai.", null, actor, portal.Clock.GetUtcNow());
        await db1.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync());
        Assert.Equal("Thứ nhất.", await DocumentSeed.ReadAsync(portal, office.Commune, db => db.Set<DocumentRevision>().Where(r => r.DocumentId == id).Select(r => r.Body).SingleAsync()));
    }

    [Fact]
    public async Task History_diff_as_of_and_superseded_marks_are_shown()
    {
        var office = await OfficeAsync();
        var id = await DocumentSeed.CreateAsync(portal, office.Commune, "QT-17", RevisionStatus.Issued, office.Secretary, office.Approver, effective: new DateOnly(2026, 1, 5));
        await DocumentSeed.ReviseAndIssueAsync(portal, office.Commune, id, "## 1. Mục đích\n\nDòng giữ nguyên.\nDòng mới thêm.\n", office.Secretary, office.Approver, new DateOnly(2026, 6, 1));
        var first = await DocumentSeed.RevisionIdAsync(portal, office.Commune, id, 1);
        var second = await DocumentSeed.RevisionIdAsync(portal, office.Commune, id, 2);
        var client = await portal.SignedInAsync(office.Staff);

        var diff = await Html.GetDocumentAsync(client, $"{office.Doc(id)}/so-sanh?tu={first}&den={second}");
        Assert.Equal("Dòng sẽ bị xóa.", diff.QuerySelector("td.dong-xoa del, td.dong-sua del")!.TextContent);
        Assert.Contains("Dòng mới thêm.", diff.QuerySelectorAll("ins").Select(e => e.TextContent));

        var asOf = await Html.GetDocumentAsync(client, office.Doc(id) + "?ngay=2026-03-01");
        Assert.Contains("bản 1 (lần ban hành 1)", asOf.QuerySelector("#tai-ngay")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("ĐÃ BỊ THAY THẾ", asOf.QuerySelector(".watermark")!.TextContent);
        Assert.Contains("đã bị thay thế từ ngày 01/06/2026", asOf.QuerySelector("#trang-thai-ban")!.TextContent, StringComparison.Ordinal);

        var current = await Html.GetDocumentAsync(client, office.Doc(id));
        Assert.Null(current.QuerySelector(".watermark"));
        Assert.Equal(2, current.QuerySelectorAll("#bang-theo-doi-sua-doi tbody tr").Length);

        var print = await Html.GetDocumentAsync(client, $"{office.Doc(id)}/in?ban={first}");
        Assert.Equal("ĐÃ BỊ THAY THẾ", print.QuerySelector(".watermark")!.TextContent);
    }

    [Fact]
    public async Task The_print_page_has_the_header_and_the_sign_off_block()
    {
        var office = await OfficeAsync();
        var id = await DocumentSeed.CreateAsync(portal, office.Commune, "QT-18/CX-HCTP", RevisionStatus.Issued, office.Secretary, office.Approver, effective: new DateOnly(2026, 2, 1));
        var client = await portal.SignedInAsync(office.Staff);

        var print = await Html.GetDocumentAsync(client, office.Doc(id) + "/in");

        var header = print.QuerySelector("#dau-trang")!.TextContent;
        Assert.Contains(office.Commune.Name, header, StringComparison.Ordinal);
        Assert.Contains("QT-18/CX-HCTP", header, StringComparison.Ordinal);
        Assert.Contains("Lần ban hành: 1", header, StringComparison.Ordinal);
        Assert.Contains("01/02/2026", header, StringComparison.Ordinal);
        var signOff = print.QuerySelector("#ky-duyet")!.TextContent;
        Assert.Contains("Nguyễn Thị Thư", signOff, StringComparison.Ordinal);
        Assert.Contains("Trần Văn Chính", signOff, StringComparison.Ordinal);
        Assert.Null(print.QuerySelector(".watermark"));
        Assert.Contains("counter(pages)", print.Head!.TextContent, StringComparison.Ordinal);
        Assert.Contains("QT-18/CX-HCTP · Lần ban hành: 1 · Hiệu lực: 01/02/2026", print.Head!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_acknowledge_issued_revisions_and_the_secretary_sees_coverage()
    {
        var office = await OfficeAsync();
        var id = await DocumentSeed.CreateAsync(portal, office.Commune, "QT-19", RevisionStatus.Issued, office.Secretary, office.Approver);
        await DocumentSeed.CreateAsync(portal, office.Commune, "QT-20", RevisionStatus.Draft, office.Secretary);
        var staff = await portal.SignedInAsync(office.Staff);

        var awaiting = await Html.GetDocumentAsync(staff, office.Library + "/can-xac-nhan");
        Assert.NotNull(awaiting.QuerySelector("tr[data-code='QT-19']"));
        Assert.Null(awaiting.QuerySelector("tr[data-code='QT-20']"));

        Assert.Equal(HttpStatusCode.Redirect, (await Html.PostFormAsync(staff, office.Library + "/can-xac-nhan", [], "Acknowledge")).StatusCode);

        Assert.NotNull((await Html.GetDocumentAsync(staff, office.Library + "/can-xac-nhan")).QuerySelector("#khong-con"));
        var coverage = (await Html.GetDocumentAsync(await portal.SignedInAsync(office.Secretary), office.Doc(id))).QuerySelector("#xac-nhan-doc")!.TextContent;
        Assert.Contains("(1/3)", coverage, StringComparison.Ordinal);
        Assert.Contains("Phạm Thị Bình — 09:00 25/11/2026", coverage, StringComparison.Ordinal);
        Assert.Contains("Chưa xác nhận:", coverage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overdue_reviews_are_listed_and_reviewed_without_change_moves_the_date()
    {
        var office = await OfficeAsync();
        var id = await DocumentSeed.CreateAsync(portal, office.Commune, "QT-21", RevisionStatus.Issued, office.Secretary, office.Approver, effective: new DateOnly(2025, 1, 5));
        await DocumentSeed.CreateAsync(portal, office.Commune, "QT-22", RevisionStatus.Issued, office.Secretary, office.Approver, effective: new DateOnly(2026, 6, 1));
        var client = await portal.SignedInAsync(office.Secretary);

        var overdue = await Html.GetDocumentAsync(client, office.Library + "?quaHan=true");
        Assert.NotNull(overdue.QuerySelector("tr[data-code='QT-21']"));
        Assert.Null(overdue.QuerySelector("tr[data-code='QT-22']"));

        await Html.PostFormAsync(client, office.Doc(id), new() { ["note"] = "Còn phù hợp." }, "Reviewed");

        Assert.Null((await Html.GetDocumentAsync(client, office.Library + "?quaHan=true")).QuerySelector("tr[data-code='QT-21']"));
        Assert.Equal(new DateOnly(2027, 11, 25), await DocumentSeed.ReadAsync(portal, office.Commune, db => db.Set<ControlledDocument>().Where(d => d.Id == id).Select(d => d.NextReviewDate).SingleAsync()));
        Assert.Contains("Xem xét định kỳ, không thay đổi", (await Html.GetDocumentAsync(client, office.Doc(id))).QuerySelector("#lich-su")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registered_legal_text_puts_an_update_due_in_three_months_on_the_documents_it_touches()
    {
        var office = await OfficeAsync();
        var id = await DocumentSeed.CreateAsync(portal, office.Commune, "QT-23", RevisionStatus.Issued, office.Secretary, office.Approver);
        var other = await DocumentSeed.CreateAsync(portal, office.Commune, "QT-24", RevisionStatus.Issued, office.Secretary, office.Approver);
        var client = await portal.SignedInAsync(office.Secretary);
        var url = office.Library + "/van-ban-phap-ly";

        var wrong = await Html.PostFormAsync(client, url, handler: "Register", fields: new() { ["Input.Number"] = "61-2018", ["Input.Title"] = "X", ["Input.EffectiveDate"] = "2026-08-01", ["Input.DocumentIds"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Contains("61/2018/NĐ-CP", Html.FieldError(await Html.ParseAsync(wrong), "Input.Number") ?? "", StringComparison.Ordinal);

        var ok = await Html.PostFormAsync(client, url, handler: "Register", fields: new() { ["Input.Number"] = "61/2018/NĐ-CP", ["Input.Title"] = "Về thực hiện cơ chế một cửa", ["Input.EffectiveDate"] = "2026-08-01", ["Input.DocumentIds"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);

        var page = await Html.GetDocumentAsync(client, office.Doc(id));
        var alert = page.QuerySelector("[data-update]")!.TextContent;
        Assert.Contains("61/2018/NĐ-CP", alert, StringComparison.Ordinal);
        Assert.Contains("hạn cập nhật 01/11/2026 — đã quá hạn", alert, StringComparison.Ordinal);
        Assert.Null((await Html.GetDocumentAsync(client, office.Doc(other))).QuerySelector("[data-update]"));
        Assert.NotNull((await Html.GetDocumentAsync(client, office.Library + "?canCapNhat=true")).QuerySelector("tr[data-code='QT-23']"));
    }

    [Fact]
    public async Task Iso_status_evidence_and_announcement_show_on_the_public_page_and_a_scope_change_asks_for_re_announcement()
    {
        var office = await OfficeAsync();
        await DocumentSeed.CreateAsync(portal, office.Commune, "CS-01", RevisionStatus.Issued, office.Secretary, office.Approver, kind: DocumentKind.QualityPolicy, tthc: null, body: "Công khai — Minh bạch — Đúng hẹn.");
        await DocumentSeed.CreateAsync(portal, office.Commune, "MT-01", RevisionStatus.Issued, office.Secretary, office.Approver, kind: DocumentKind.QualityObjectives, tthc: null, body: "Đúng hẹn 95%.");
        await DocumentSeed.CreateAsync(portal, office.Commune, "QT-06", RevisionStatus.Issued, office.Secretary, office.Approver, tthc: "1.001193");
        var client = await portal.SignedInAsync(office.Secretary);
        var url = office.Library + "/he-thong-iso";
        // What the audit records write when a report is signed, a review closed and effectiveness confirmed (their own tests cover that).
        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            foreach (var kind in Enum.GetValues<IsoMilestoneKind>())
            {
                db.Add(IsoMilestone.FromRecord(kind, new DateOnly(2026, 6, 1), "Biên bản số 1", "danh-gia"));
            }

            return await db.SaveChangesAsync();
        }, office.Commune);

        var missing = await Html.PostFormAsync(client, url, new() { ["Announcement.DecisionNumber"] = "" }, "Announcement");
        Assert.Equal("Vui lòng nhập số quyết định.", Html.FieldError(await Html.ParseAsync(missing), "Announcement.DecisionNumber"));
        await Html.PostFormAsync(client, url, new()
        {
            ["Announcement.DecisionNumber"] = "125/QĐ-UBND", ["Announcement.DecisionDate"] = "2026-07-01", ["Announcement.SignerName"] = "Trần Văn Chính",
            ["Announcement.SignerTitle"] = "Chủ tịch UBND xã", ["Announcement.Scope"] = "1.001193", ["Announcement.PostedOn"] = "2026-07-02",
        }, "Announcement");

        var publicPage = await Html.GetDocumentAsync(portal.Anonymous(), $"/{office.Commune.Slug}/iso");
        Assert.Contains("125/QĐ-UBND", publicPage.QuerySelector("#cong-bo")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(4, publicPage.QuerySelectorAll("#bon-buoc > li.done").Length);
        Assert.Contains("Minh bạch", publicPage.QuerySelector("#chinh-sach")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Đúng hẹn 95%", publicPage.QuerySelector("#muc-tieu")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(publicPage.QuerySelector("#quy-trinh tr[data-code='QT-06']"));
        Assert.Null(publicPage.QuerySelector("#cong-bo-lai"));

        await DocumentSeed.CreateAsync(portal, office.Commune, "QT-07", RevisionStatus.Issued, office.Secretary, office.Approver, tthc: "1.000894");
        var after = await Html.GetDocumentAsync(client, url);
        Assert.Contains("Thêm: 1.000894", after.QuerySelector("#cong-bo-lai")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attachments_are_checked_by_content_and_size_and_downloaded_with_a_safe_name()
    {
        var office = await OfficeAsync();
        var id = await DocumentSeed.CreateAsync(portal, office.Commune, "QT-25", RevisionStatus.Draft, office.Secretary);
        var revision = await DocumentSeed.RevisionIdAsync(portal, office.Commune, id, 1);
        var client = await portal.SignedInAsync(office.Secretary);

        Assert.Contains("Tệp không phải PDF hợp lệ", await UploadAsync(client, office, id, revision, "to-khai.pdf", "<script>alert(1)</script>"u8.ToArray()), StringComparison.Ordinal);
        Assert.Contains("vượt quá giới hạn 10 MB", await UploadAsync(client, office, id, revision, "lon.pdf", new byte[AttachmentRules.MaxBytes + 1]), StringComparison.Ordinal);
        Assert.Contains("Chỉ nhận tệp", await UploadAsync(client, office, id, revision, "a.exe", TestFiles.Pdf()), StringComparison.Ordinal);
        Assert.Equal(0, await DocumentSeed.ReadAsync(portal, office.Commune, db => db.Set<DocumentAttachment>().CountAsync()));

        var docx = TestFiles.Docx();
        Assert.Contains("Đã đính kèm", await UploadAsync(client, office, id, revision, "Tờ khai \"khai sinh\".docx", docx), StringComparison.Ordinal);

        var link = (await Html.GetDocumentAsync(client, $"{office.Doc(id)}?ban={revision}")).QuerySelector("#dinh-kem a")!.GetAttribute("href")!;
        var download = await (await portal.SignedInAsync(office.Staff)).GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("Tờ khai _khai sinh_.docx", download.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal(docx, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await portal.Anonymous().GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task Issued_attachments_of_public_documents_download_anonymously()
    {
        var office = await OfficeAsync();
        var id = await DocumentSeed.CreateAsync(portal, office.Commune, "BM-01", RevisionStatus.Draft, office.Secretary, kind: DocumentKind.Form);
        var revision = await DocumentSeed.RevisionIdAsync(portal, office.Commune, id, 1);
        var client = await portal.SignedInAsync(office.Secretary);
        await UploadAsync(client, office, id, revision, "mau.pdf", TestFiles.Pdf());
        var link = (await Html.GetDocumentAsync(client, $"{office.Doc(id)}?ban={revision}")).QuerySelector("#dinh-kem a")!.GetAttribute("href")!;
        Assert.Equal(HttpStatusCode.NotFound, (await portal.Anonymous().GetAsync(link)).StatusCode);

        await Html.PostFormAsync(client, office.Doc(id), [], "Submit");
        await Html.PostFormAsync(await portal.SignedInAsync(office.Approver), office.Doc(id), new() { ["password"] = PortalFactory.DefaultPassword }, "Approve");
        await Html.PostFormAsync(client, office.Doc(id), new() { ["effectiveDate"] = "2026-11-25", ["password"] = PortalFactory.DefaultPassword }, "Issue");

        var anonymous = await portal.Anonymous().GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Equal("application/pdf", anonymous.Content.Headers.ContentType!.MediaType);

        await Html.PostFormAsync(client, office.Doc(id), [], "NewRevision");
        var draft = await DocumentSeed.RevisionIdAsync(portal, office.Commune, id, 2);
        var carried = (await Html.GetDocumentAsync(client, $"{office.Doc(id)}?ban={draft}")).QuerySelector("#dinh-kem a")!;
        Assert.Equal("mau.pdf", carried.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.Anonymous().GetAsync(carried.GetAttribute("href")!)).StatusCode);
    }

    [Fact]
    public async Task A_document_is_reached_by_its_code()
    {
        var office = await OfficeAsync();
        var id = await DocumentSeed.CreateAsync(portal, office.Commune, "QT-02/CX-HCTP", RevisionStatus.Draft, office.Secretary);
        var client = await portal.SignedInAsync(office.Staff);

        var response = await client.GetAsync($"{office.Library}/theo-ma?code=QT-02%2FCX-HCTP");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(office.Doc(id), response.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{office.Library}/theo-ma?code=QT-99")).StatusCode);
    }

    [Fact]
    public async Task The_starter_recipe_issues_the_template_set_and_the_public_page_lists_it_without_drafts()
    {
        var commune = await portal.CreateCommuneAsync(recipes: ["commune-starter"]);
        var secretary = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)]);
        await DocumentSeed.CreateAsync(portal, commune, "QT-30", RevisionStatus.Draft, secretary);

        var page = await Html.GetDocumentAsync(portal.Anonymous(), $"/{commune.Slug}/iso");

        var codes = page.QuerySelectorAll("#quy-trinh tr[data-code]").Select(r => r.GetAttribute("data-code")).ToList();
        Assert.Equal(15, codes.Count);
        Assert.DoesNotContain("QT-30", codes);
        // Listed, but as what they are: templates the commune has not approved and issued.
        Assert.Equal(15, page.QuerySelectorAll("#quy-trinh tr[data-template=true]").Length);
        Assert.Contains("Mẫu — xã cần điều chỉnh", page.QuerySelector("#chinh-sach")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll(".site-nav a"), a => a.TextContent == "Hệ thống ISO");
        var khaiSinh = await DocumentSeed.ReadAsync(portal, commune, db => db.Set<DocumentRevision>()
            .Where(r => r.Status == RevisionStatus.Issued && r.Title == "Quy trình đăng ký khai sinh").Select(r => r.Body).SingleAsync());
        foreach (var heading in new[] { "## 1. Mục đích", "## 2. Phạm vi", "## 3. Tài liệu viện dẫn", "## 4. Định nghĩa", "## 5. Nội dung quy trình", "## 6. Biểu mẫu", "## 7. Hồ sơ cần lưu", "1.001193" })
        {
            Assert.Contains(heading, khaiSinh, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Applying_the_starter_recipe_twice_adds_nothing_the_second_time()
    {
        var commune = await portal.CreateCommuneAsync(recipes: ["commune-starter"]);
        await portal.InScopeAsync(async sp =>
        {
            var runner = sp.GetRequiredService<QmsPortal.Web.Recipes.RecipeRunner>();
            await runner.ApplyAsync(await runner.LoadAsync("commune-starter"), commune);
        });

        Assert.Equal(17, await DocumentSeed.ReadAsync(portal, commune, db => db.Set<ControlledDocument>().CountAsync()));
        Assert.Equal(17, await DocumentSeed.ReadAsync(portal, commune, db => db.Set<DocumentRevision>().CountAsync()));
    }

    private static async Task<string> UploadAsync(HttpClient client, Office office, int id, int revision, string fileName, byte[] content)
    {
        var page = await Html.GetDocumentAsync(client, $"{office.Doc(id)}?ban={revision}");
        var token = ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("input[name=__qms_af]")!).Value;
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__qms_af");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "upload", "placeholder");
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"upload\"", FileNameStar = fileName };
        var response = await client.PostAsync($"{office.Doc(id)}?handler=Upload&revision={revision}", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await Html.GetDocumentAsync(client, response.Headers.Location!.ToString());
        return after.QuerySelector(".alert")?.TextContent ?? "";
    }
}
