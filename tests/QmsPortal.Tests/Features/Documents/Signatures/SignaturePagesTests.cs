using System.Data.Common;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Features.Documents.Signatures;
using QmsPortal.Web.Files;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Documents.Signatures;

public sealed class SignaturePagesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Password = PortalFactory.DefaultPassword;

    private sealed record Office(TenantInfo Commune, string Secretary, string Approver)
    {
        public string Doc(int id) => $"/{Commune.Slug}/tai-lieu/{id}";
    }

    private async Task<Office> OfficeAsync()
    {
        var commune = await portal.CreateCommuneAsync();
        return new Office(commune,
            await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)], fullName: "Nguyễn Thị Thư"),
            await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Approver)], fullName: "Trần Văn Chính"));
    }

    private Task<List<DocumentSignature>> SignaturesAsync(TenantInfo commune, int documentId) =>
        DocumentSeed.ReadAsync(portal, commune, db => db.Set<DocumentSignature>().Where(s => s.DocumentId == documentId).OrderBy(s => s.Id).ToListAsync());

    private Task<RevisionStatus> StatusAsync(TenantInfo commune, int documentId) =>
        DocumentSeed.ReadAsync(portal, commune, db => db.Set<DocumentRevision>().Where(r => r.DocumentId == documentId).OrderByDescending(r => r.Number)
            .Select(r => r.Status).FirstAsync());

    private static async Task<string> AlertAsync(HttpClient client, string url) =>
        (await Html.GetDocumentAsync(client, url)).QuerySelector(".alert-error[role=alert]")?.TextContent ?? "";

    /// <summary>Stores bytes in the commune's file store and attaches them to the document's first revision (as an upload would).</summary>
    private Task<SignedFile> AttachAsync(TenantInfo commune, int documentId, string fileName) => portal.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<QmsDbContext>();
        var revision = await db.Set<DocumentRevision>().Where(r => r.DocumentId == documentId).Select(r => r.Id).FirstAsync();
        var bytes = Encoding.UTF8.GetBytes("%PDF-1.7 " + Guid.NewGuid());
        var stored = await sp.GetRequiredService<IFileStore>().SaveAsync(new MemoryStream(bytes), AttachmentRules.MaxBytes);
        db.Add(new DocumentAttachment { DocumentId = documentId, RevisionId = revision, FileName = fileName, ContentType = "application/pdf", Size = stored.Size, ContentKey = stored.Key });
        await db.SaveChangesAsync();
        return new SignedFile(fileName, stored.Key, stored.Size);
    }, commune);

    /// <summary>A draft with one attachment, submitted, approved and issued through the pages with passwords re-entered.</summary>
    private async Task<(int Id, SignedFile File)> SignedThroughPagesAsync(Office office, string code)
    {
        var id = await DocumentSeed.CreateAsync(portal, office.Commune, code, RevisionStatus.Draft, office.Secretary);
        var file = await AttachAsync(office.Commune, id, "mau.pdf");
        var secretary = await portal.SignedInAsync(office.Secretary);
        await Html.PostFormAsync(secretary, office.Doc(id), [], "Submit");
        await Html.PostFormAsync(await portal.SignedInAsync(office.Approver), office.Doc(id), new() { ["password"] = Password }, "Approve");
        await Html.PostFormAsync(secretary, office.Doc(id), new() { ["effectiveDate"] = "2026-12-01", ["password"] = Password }, "Issue");
        Assert.Equal(RevisionStatus.Issued, await StatusAsync(office.Commune, id));
        return (id, file);
    }

    [Fact]
    public async Task Approving_without_a_password_or_with_a_wrong_one_is_refused_and_writes_nothing()
    {
        var office = await OfficeAsync();
        var id = await DocumentSeed.CreateAsync(portal, office.Commune, "QT-40", RevisionStatus.InReview, office.Secretary);
        var approver = await portal.SignedInAsync(office.Approver);
        var events = await DocumentSeed.ReadAsync(portal, office.Commune, db => db.Set<DocumentEvent>().CountAsync(e => e.DocumentId == id));

        await Html.PostFormAsync(approver, office.Doc(id), new() { ["password"] = "" }, "Approve");
        Assert.Contains("Vui lòng nhập lại mật khẩu", await AlertAsync(approver, office.Doc(id)), StringComparison.Ordinal);

        await Html.PostFormAsync(approver, office.Doc(id), new() { ["password"] = "Sai@mat-khau1" }, "Approve");
        Assert.Contains("Mật khẩu không đúng. Chưa ký", await AlertAsync(approver, office.Doc(id)), StringComparison.Ordinal);

        Assert.Equal(RevisionStatus.InReview, await StatusAsync(office.Commune, id));
        Assert.Empty(await SignaturesAsync(office.Commune, id));
        Assert.Equal(events, await DocumentSeed.ReadAsync(portal, office.Commune, db => db.Set<DocumentEvent>().CountAsync(e => e.DocumentId == id)));
    }

    [Fact]
    public async Task Issuing_with_a_wrong_password_is_refused_and_the_revision_stays_approved()
    {
        var office = await OfficeAsync();
        var id = await DocumentSeed.CreateAsync(portal, office.Commune, "QT-41", RevisionStatus.Approved, office.Secretary, office.Approver);
        var secretary = await portal.SignedInAsync(office.Secretary);
        var before = (await SignaturesAsync(office.Commune, id)).Count;

        await Html.PostFormAsync(secretary, office.Doc(id), new() { ["effectiveDate"] = "2026-12-01", ["password"] = "Sai@mat-khau1" }, "Issue");

        Assert.Contains("Mật khẩu không đúng", await AlertAsync(secretary, office.Doc(id)), StringComparison.Ordinal);
        Assert.Equal(RevisionStatus.Approved, await StatusAsync(office.Commune, id));
        Assert.Equal(before, (await SignaturesAsync(office.Commune, id)).Count);
        Assert.Equal(0, await DocumentSeed.ReadAsync(portal, office.Commune, db => db.Set<ControlledDocument>().Where(d => d.Id == id).Select(d => d.IssueNumber).SingleAsync()));
    }

    [Fact]
    public async Task Signing_with_the_password_records_who_role_meaning_time_and_digest_and_the_page_and_print_show_it()
    {
        var office = await OfficeAsync();
        var (id, file) = await SignedThroughPagesAsync(office, "QT-42");

        var signatures = await SignaturesAsync(office.Commune, id);
        var text = await DocumentSeed.ReadAsync(portal, office.Commune, db => db.Set<DocumentRevision>().Where(r => r.DocumentId == id).Select(r => new { r.Title, r.Body }).SingleAsync());
        var digest = SignedContent.Of(text.Title, text.Body, [file]).Digest;
        Assert.Collection(signatures,
            approval =>
            {
                Assert.Equal((SignatureMeaning.Approval, "Trần Văn Chính", CommuneRole.Approver, ReauthenticationMethod.Password),
                    (approval.Meaning, approval.SignerName, approval.SignerRole, approval.Method));
                Assert.Equal(portal.Clock.GetUtcNow(), approval.SignedAt);
                Assert.Equal(digest, approval.Digest);
            },
            issue =>
            {
                Assert.Equal((SignatureMeaning.Issue, "Nguyễn Thị Thư", CommuneRole.QualitySecretary), (issue.Meaning, issue.SignerName, issue.SignerRole));
                Assert.Equal(digest, issue.Digest);
                Assert.Equal(file, Assert.Single(SignatureManifest.FromJson(issue.Manifest).Files));
            });

        var staff = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(office.Commune, CommuneRole.Staff)]));
        var block = (await Html.GetDocumentAsync(staff, office.Doc(id))).QuerySelector("#chu-ky")!;
        var approvalRow = block.QuerySelector("tr[data-meaning=Approval]")!.TextContent;
        foreach (var expected in new[] { "Phê duyệt", "Trần Văn Chính", "Lãnh đạo phê duyệt", "09:00 25/11/2026", "nhập lại mật khẩu", digest[..16] })
        {
            Assert.Contains(expected, approvalRow, StringComparison.Ordinal);
        }

        Assert.Contains("Thư ký ISO", block.QuerySelector("tr[data-meaning=Issue]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(block.QuerySelector("[data-unsigned]"));
        Assert.EndsWith($"/tai-lieu/{id}/kiem-tra-toan-ven", block.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);

        var print = (await Html.GetDocumentAsync(staff, office.Doc(id) + "/in")).QuerySelector("#ky-duyet")!;
        Assert.Contains("Người trình duyệt", print.TextContent, StringComparison.Ordinal);
        // Nobody reviewed this revision: the reviewer's cell says so instead of naming someone (the submitter is not a reviewer).
        Assert.Equal("Không qua bước xem xét", print.QuerySelector("td[data-role=reviewer]")!.TextContent.Trim());
        Assert.DoesNotContain("Nguyễn Thị Thư", print.QuerySelector("td[data-role=reviewer]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Thị Thư", print.QuerySelector("td[data-role=submitter]")!.TextContent, StringComparison.Ordinal);
        var approved = print.QuerySelector("td[data-role=approver] [data-signed=Approval]")!.TextContent;
        Assert.Contains("Đã ký điện tử (nhập lại mật khẩu) lúc 09:00 25/11/2026", approved, StringComparison.Ordinal);
        Assert.Contains(digest[..16], approved, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Thị Thư", print.QuerySelector("td[data-role=issuer]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(print.QuerySelector("td[data-role=issuer] [data-signed=Issue]"));
    }

    [Fact]
    public async Task A_platform_administrator_without_a_commune_role_cannot_sign_an_issue()
    {
        var office = await OfficeAsync();
        var id = await DocumentSeed.CreateAsync(portal, office.Commune, "QT-47", RevisionStatus.Approved, office.Secretary, office.Approver);
        var admin = await portal.SignedInAsync(await portal.CreateUserAsync(platformRole: PlatformRoles.PlatformAdmin));
        var revision = await DocumentSeed.RevisionIdAsync(portal, office.Commune, id, 1);

        // The page does not offer a signature the administrator cannot give; a hand-made post is still refused by the rules.
        Assert.Null((await Html.GetDocumentAsync(admin, office.Doc(id))).QuerySelector("#ky-ban-hanh"));
        await DocumentSeed.PostHandlerAsync(admin, office.Doc(id), "Issue",
            new() { ["revision"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture), ["effectiveDate"] = "2026-12-01", ["password"] = Password });

        Assert.Contains("Chỉ thành viên của xã", await AlertAsync(admin, office.Doc(id)), StringComparison.Ordinal);
        Assert.Equal(RevisionStatus.Approved, await StatusAsync(office.Commune, id));
        Assert.Single(await SignaturesAsync(office.Commune, id));
    }

    [Fact]
    public async Task An_approver_who_attached_a_form_to_the_draft_cannot_approve_it()
    {
        var office = await OfficeAsync();
        var both = await portal.CreateUserAsync(memberships: [(office.Commune, CommuneRole.QualitySecretary), (office.Commune, CommuneRole.Approver)], fullName: "Lê Văn Hai");
        var id = await DocumentSeed.CreateAsync(portal, office.Commune, "QT-43", RevisionStatus.Draft, office.Secretary);
        var revision = await DocumentSeed.RevisionIdAsync(portal, office.Commune, id, 1);
        var client = await portal.SignedInAsync(both);
        var page = await Html.GetDocumentAsync(client, office.Doc(id));
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("input[name=__qms_af]")!).Value), "__qms_af");
        form.Add(new ByteArrayContent(TestFiles.Pdf()), "upload", "mau.pdf");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync($"{office.Doc(id)}?handler=Upload&revision={revision}", form)).StatusCode);
        await Html.PostFormAsync(await portal.SignedInAsync(office.Secretary), office.Doc(id), [], "Submit");

        Assert.Null((await Html.GetDocumentAsync(client, office.Doc(id))).QuerySelector("#ky-phe-duyet"));
        await DocumentSeed.PostHandlerAsync(client, office.Doc(id), "Approve",
            new() { ["revision"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture), ["password"] = Password });

        Assert.Contains("chính mình đã sửa nội dung hoặc đính kèm tệp", await AlertAsync(client, office.Doc(id)), StringComparison.Ordinal);
        Assert.Equal(RevisionStatus.InReview, await StatusAsync(office.Commune, id));
        Assert.Empty(await SignaturesAsync(office.Commune, id));
        Assert.Contains("Đính kèm tệp", (await Html.GetDocumentAsync(client, office.Doc(id))).QuerySelector("#lich-su")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commune_admin_who_granted_themself_approver_cannot_rewrite_submit_and_approve_anothers_draft_alone()
    {
        var office = await OfficeAsync();
        // The situation of the finding: the admin already holds Approver beside CommuneAdmin.
        var admin = await portal.CreateUserAsync(memberships: [(office.Commune, CommuneRole.CommuneAdmin), (office.Commune, CommuneRole.Approver)], fullName: "Võ Văn Quyền");
        var id = await DocumentSeed.CreateAsync(portal, office.Commune, "QT-44", RevisionStatus.Draft, office.Secretary);
        var client = await portal.SignedInAsync(admin);

        Assert.Equal(HttpStatusCode.Redirect, (await Html.PostFormAsync(client, office.Doc(id) + "/sua", new() { ["Input.Body"] = "Nội dung do quản trị viết lại." }, "Save")).StatusCode);
        await Html.PostFormAsync(client, office.Doc(id), [], "Submit");
        Assert.Equal(RevisionStatus.InReview, await StatusAsync(office.Commune, id));

        Assert.Null((await Html.GetDocumentAsync(client, office.Doc(id))).QuerySelector("#ky-phe-duyet"));
        var revision = await DocumentSeed.RevisionIdAsync(portal, office.Commune, id, 1);
        await DocumentSeed.PostHandlerAsync(client, office.Doc(id), "Approve",
            new() { ["revision"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture), ["password"] = Password });

        Assert.Contains("Không được phê duyệt bản mà chính mình đã sửa", await AlertAsync(client, office.Doc(id)), StringComparison.Ordinal);
        Assert.Equal(RevisionStatus.InReview, await StatusAsync(office.Commune, id));
        Assert.Empty(await SignaturesAsync(office.Commune, id));

        // An independent approver still can; the print then names the author, the other editor, the submitter and the approver truthfully.
        await Html.PostFormAsync(await portal.SignedInAsync(office.Approver), office.Doc(id), new() { ["password"] = Password }, "Approve");
        Assert.Equal(RevisionStatus.Approved, await StatusAsync(office.Commune, id));
        var print = (await Html.GetDocumentAsync(client, office.Doc(id) + "/in")).QuerySelector("#ky-duyet")!;
        Assert.Contains("Nguyễn Thị Thư", print.QuerySelector("td[data-role=drafter]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Cùng sửa: Võ Văn Quyền", print.QuerySelector("td[data-role=drafter]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Võ Văn Quyền", print.QuerySelector("td[data-role=submitter]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Trần Văn Chính", print.QuerySelector("td[data-role=approver]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Documents_issued_by_a_recipe_say_they_carry_no_electronic_signature()
    {
        var commune = await portal.CreateCommuneAsync(recipes: ["commune-starter"]);
        var staff = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Staff)]));
        var id = await DocumentSeed.ReadAsync(portal, commune, db => db.Set<ControlledDocument>().Where(d => d.Status == RevisionStatus.Issued).Select(d => d.Id).FirstAsync());

        var page = (await Html.GetDocumentAsync(staff, $"/{commune.Slug}/tai-lieu/{id}")).QuerySelector("#chu-ky")!;
        var print = (await Html.GetDocumentAsync(staff, $"/{commune.Slug}/tai-lieu/{id}/in")).QuerySelector("#ky-duyet")!;
        var integrity = await Html.GetDocumentAsync(staff, $"/{commune.Slug}/tai-lieu/{id}/kiem-tra-toan-ven");

        Assert.Equal("Ban hành khi khởi tạo từ công thức — không có chữ ký điện tử.", page.QuerySelector("[data-unsigned=Issue]")!.TextContent);
        Assert.Equal("Phê duyệt khi khởi tạo từ công thức — không có chữ ký điện tử.", page.QuerySelector("[data-unsigned=Approval]")!.TextContent);
        Assert.Null(page.QuerySelector("tr[data-meaning]"));
        Assert.Equal("Ban hành khi khởi tạo từ công thức — không có chữ ký điện tử.", print.QuerySelector("td[data-role=issuer] [data-unsigned=Issue]")!.TextContent);
        Assert.Null(print.QuerySelector("[data-signed]"));
        Assert.NotNull(integrity.QuerySelector("#khong-co-chu-ky"));
        Assert.Equal(0, await DocumentSeed.ReadAsync(portal, commune, db => db.Set<DocumentSignature>().CountAsync()));
    }

    [Fact]
    public async Task The_integrity_check_says_unchanged_and_after_tampering_names_the_text_or_the_attachment_that_changed()
    {
        var office = await OfficeAsync();
        var (id, file) = await SignedThroughPagesAsync(office, "QT-45");
        var reader = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(office.Commune, CommuneRole.Staff)]));
        var url = office.Doc(id) + "/kiem-tra-toan-ven";
        var revision = await DocumentSeed.RevisionIdAsync(portal, office.Commune, id, 1);

        var intact = await Html.GetDocumentAsync(reader, url);
        Assert.Equal(2, intact.QuerySelectorAll("li[data-unchanged=true]").Length);
        Assert.Contains("Toàn vẹn: không thay đổi kể từ khi ký.", intact.QuerySelector("#ket-qua")!.TextContent, StringComparison.Ordinal);

        await SqlAsync(office.Commune, db => db.Database.ExecuteSqlAsync($"UPDATE \"DocumentRevision\" SET \"Body\" = \"Body\" || 'Câu chèn thêm.' WHERE \"Id\" = {revision}"));
        var text = await Html.GetDocumentAsync(reader, url);
        Assert.Equal(2, text.QuerySelectorAll("li[data-unchanged=false]").Length);
        var changes = text.QuerySelector("li[data-unchanged=false] ul")!.TextContent;
        Assert.Contains("Nội dung văn bản đã thay đổi sau khi ký.", changes, StringComparison.Ordinal);
        Assert.DoesNotContain("Tệp", changes, StringComparison.Ordinal);
        Assert.DoesNotContain("Tên tài liệu", changes, StringComparison.Ordinal);

        await SqlAsync(office.Commune, db => db.Database.ExecuteSqlAsync($"UPDATE \"DocumentRevision\" SET \"Body\" = {DocumentSeed.Body} WHERE \"Id\" = {revision}"));
        Assert.Equal(2, (await Html.GetDocumentAsync(reader, url)).QuerySelectorAll("li[data-unchanged=true]").Length);

        var stored = Path.Combine(portal.FilesRoot, file.ContentKey[..2], file.ContentKey[2..4], file.ContentKey);
        await File.WriteAllTextAsync(stored, "%PDF-1.7 nội dung bị tráo");
        var bytes = (await Html.GetDocumentAsync(reader, url)).QuerySelector("li[data-unchanged=false] ul")!.TextContent;
        Assert.Contains("Nội dung tệp \"mau.pdf\" trong kho lưu trữ đã bị thay đổi sau khi ký.", bytes, StringComparison.Ordinal);
        Assert.DoesNotContain("văn bản", bytes, StringComparison.Ordinal);

        File.Delete(stored);
        Assert.Contains("Tệp \"mau.pdf\" không còn trong kho lưu trữ.", (await Html.GetDocumentAsync(reader, url)).QuerySelector("li[data-unchanged=false] ul")!.TextContent, StringComparison.Ordinal);

        var other = await AttachAsync(office.Commune, id, "mau.pdf");
        await SqlAsync(office.Commune, db => db.Database.ExecuteSqlAsync($"DELETE FROM \"DocumentAttachment\" WHERE \"ContentKey\" = {file.ContentKey} AND \"RevisionId\" = {revision}"));
        Assert.NotEqual(file.ContentKey, other.ContentKey);
        Assert.Contains("Tệp \"mau.pdf\" đã bị thay bằng một tệp khác sau khi ký.", (await Html.GetDocumentAsync(reader, url)).QuerySelector("li[data-unchanged=false] ul")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signatures_cannot_be_changed_or_deleted_through_EF_Core_or_raw_SQL()
    {
        var office = await OfficeAsync();
        var id = await DocumentSeed.CreateAsync(portal, office.Commune, "QT-46", RevisionStatus.Issued, office.Secretary, office.Approver);
        var original = await SignaturesAsync(office.Commune, id);
        Assert.Equal(2, original.Count);

        var update = await Assert.ThrowsAsync<InvalidOperationException>(() => SqlAsync(office.Commune, async db =>
        {
            var signature = await db.Set<DocumentSignature>().FirstAsync(s => s.DocumentId == id);
            db.Entry(signature).Property(s => s.SignerName).CurrentValue = "Người giả mạo";
            return await db.SaveChangesAsync();
        }));
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => SqlAsync(office.Commune, async db =>
        {
            db.Remove(await db.Set<DocumentSignature>().FirstAsync(s => s.DocumentId == id));
            return await db.SaveChangesAsync();
        }));

        var statements = new List<string> { "UPDATE \"DocumentSignature\" SET \"SignerName\" = 'Người giả mạo'", "UPDATE \"DocumentSignature\" SET \"Digest\" = ''", "DELETE FROM \"DocumentSignature\"" };
        if (PortalFactory.UsesPostgres)
        {
            statements.Add("TRUNCATE \"DocumentSignature\"");
        }

        foreach (var sql in statements)
        {
            var refused = await Assert.ThrowsAnyAsync<DbException>(() => SqlAsync(office.Commune, db => db.Database.ExecuteSqlRawAsync(sql)));
            Assert.Contains(SignatureTriggers.Message, refused.Message, StringComparison.Ordinal);
        }

        var after = await SignaturesAsync(office.Commune, id);
        Assert.Equal(original.Select(s => (s.Id, s.SignerName, s.Digest)), after.Select(s => (s.Id, s.SignerName, s.Digest)));
    }

    private Task<int> SqlAsync(TenantInfo commune, Func<QmsDbContext, Task<int>> work) =>
        portal.InScopeAsync(sp => work(sp.GetRequiredService<QmsDbContext>()), commune);
}
