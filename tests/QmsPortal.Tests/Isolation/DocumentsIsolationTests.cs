using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Features.Documents;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Files;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Isolation;

/// <summary>Commune B's documents, drafts and attachments never reach commune A's users or the public.</summary>
public sealed class DocumentsIsolationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private sealed record Setup(TenantInfo A, TenantInfo B, string UserA, int DraftB, int IssuedB, int PrivateAttachmentB, int PublicAttachmentB, int IssuedRevisionB);

    private async Task<Setup> SetupAsync()
    {
        var a = await portal.CreateCommuneAsync();
        var b = await portal.CreateCommuneAsync();
        var userA = await portal.CreateUserAsync(memberships: [(a, CommuneRole.QualitySecretary), (a, CommuneRole.Approver)]);
        var secretaryB = await portal.CreateUserAsync(memberships: [(b, CommuneRole.QualitySecretary)]);
        var approverB = await portal.CreateUserAsync(memberships: [(b, CommuneRole.Approver)]);
        await DocumentSeed.CreateAsync(portal, a, "QT-01", RevisionStatus.Issued, userA, await portal.CreateUserAsync(memberships: [(a, CommuneRole.Approver)]));
        var draftB = await DocumentSeed.CreateAsync(portal, b, "QT-77/BIMAT", RevisionStatus.Draft, secretaryB, body: "Nội dung nội bộ của xã B.");
        var issuedB = await DocumentSeed.CreateAsync(portal, b, "QT-78", RevisionStatus.Issued, secretaryB, approverB);
        var privateAttachment = await AttachAsync(b, draftB);
        var publicAttachment = await AttachAsync(b, issuedB);
        return new Setup(a, b, userA, draftB, issuedB, privateAttachment, publicAttachment, await DocumentSeed.RevisionIdAsync(portal, b, issuedB, 1));
    }

    private Task<int> AttachAsync(TenantInfo commune, int documentId) => portal.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<QmsDbContext>();
        var revision = await db.Set<DocumentRevision>().Where(r => r.DocumentId == documentId).Select(r => r.Id).FirstAsync();
        var stored = await sp.GetRequiredService<IFileStore>().SaveAsync(new MemoryStream("%PDF-1.7 xa B"u8.ToArray()), AttachmentRules.MaxBytes);
        var attachment = new DocumentAttachment { DocumentId = documentId, RevisionId = revision, FileName = "b.pdf", ContentType = "application/pdf", Size = stored.Size, ContentKey = stored.Key };
        db.Add(attachment);
        await db.SaveChangesAsync();
        return attachment.Id;
    }, commune);

    [Fact]
    public async Task A_users_of_commune_A_do_not_see_commune_Bs_documents_by_guessed_ids_in_their_own_commune()
    {
        var s = await SetupAsync();
        var client = await portal.SignedInAsync(s.UserA);

        foreach (var url in new[]
                 {
                     $"/{s.A.Slug}/tai-lieu/{s.DraftB}", $"/{s.A.Slug}/tai-lieu/{s.IssuedB}", $"/{s.A.Slug}/tai-lieu/{s.DraftB}/sua",
                     $"/{s.A.Slug}/tai-lieu/{s.IssuedB}/in", $"/{s.A.Slug}/tai-lieu/{s.IssuedB}/so-sanh?tu={s.IssuedRevisionB}&den={s.IssuedRevisionB}",
                     $"/{s.A.Slug}/tai-lieu/theo-ma?code=QT-77%2FBIMAT", $"/{s.A.Slug}/tai-lieu/tep/{s.PrivateAttachmentB}", $"/{s.A.Slug}/tai-lieu/tep/{s.PublicAttachmentB}",
                 })
        {
            Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
        }

        var library = await Html.GetDocumentAsync(client, $"/{s.A.Slug}/tai-lieu");
        Assert.DoesNotContain("QT-77", library.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("QT-78", library.Body!.TextContent, StringComparison.Ordinal);
        var awaiting = await Html.GetDocumentAsync(client, $"/{s.A.Slug}/tai-lieu/can-xac-nhan");
        Assert.DoesNotContain("QT-78", awaiting.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_users_of_commune_A_cannot_open_commune_Bs_library_or_files()
    {
        var s = await SetupAsync();
        var client = await portal.SignedInAsync(s.UserA);

        foreach (var url in new[] { $"/{s.B.Slug}/tai-lieu", $"/{s.B.Slug}/tai-lieu/{s.DraftB}", $"/{s.B.Slug}/tai-lieu/he-thong-iso", $"/{s.B.Slug}/tai-lieu/van-ban-phap-ly" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("khong-co-quyen", StringComparison.Ordinal), url);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{s.B.Slug}/tai-lieu/tep/{s.PrivateAttachmentB}")).StatusCode);
    }

    [Fact]
    public async Task A_users_of_commune_A_cannot_act_on_commune_Bs_documents()
    {
        var s = await SetupAsync();
        var client = await portal.SignedInAsync(s.UserA);
        var ownDoc = await DocumentSeed.ReadAsync(portal, s.A, db => db.Set<ControlledDocument>().Select(d => d.Id).FirstAsync());

        var response = await DocumentSeed.PostHandlerAsync(client, $"/{s.A.Slug}/tai-lieu/{ownDoc}", "Withdraw", new() { ["revision"] = s.IssuedRevisionB.ToString(System.Globalization.CultureInfo.InvariantCulture), ["reason"] = "Thử" });

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(RevisionStatus.Issued, await DocumentSeed.ReadAsync(portal, s.B, db => db.Set<DocumentRevision>().Where(r => r.Id == s.IssuedRevisionB).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_public_sees_only_issued_public_content_of_the_commune_it_asks_for()
    {
        var s = await SetupAsync();
        var anonymous = portal.Anonymous();

        var isoA = await Html.GetDocumentAsync(anonymous, $"/{s.A.Slug}/iso");
        Assert.DoesNotContain("QT-78", isoA.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(isoA.QuerySelector("#thu-vien-noi-bo"));
        Assert.NotNull((await Html.GetDocumentAsync(await portal.SignedInAsync(s.UserA), $"/{s.A.Slug}/iso")).QuerySelector("#thu-vien-noi-bo"));
        Assert.Null((await Html.GetDocumentAsync(await portal.SignedInAsync(s.UserA), $"/{s.B.Slug}/iso")).QuerySelector("#thu-vien-noi-bo"));
        var isoB = await Html.GetDocumentAsync(anonymous, $"/{s.B.Slug}/iso");
        Assert.NotNull(isoB.QuerySelector("tr[data-code='QT-78']"));
        Assert.Null(isoB.QuerySelector("tr[data-code='QT-77/BIMAT']"));
        Assert.DoesNotContain("Nội dung nội bộ", isoB.Body!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/{s.B.Slug}/tai-lieu/tep/{s.PrivateAttachmentB}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/{s.B.Slug}/tai-lieu/tep/{s.PublicAttachmentB}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/{s.A.Slug}/tai-lieu/tep/{s.PublicAttachmentB}")).StatusCode);
        var staffPage = await anonymous.GetAsync($"/{s.B.Slug}/tai-lieu/{s.IssuedB}");
        Assert.Equal(HttpStatusCode.Redirect, staffPage.StatusCode);
        Assert.Contains("dang-nhap", staffPage.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_through_commune_A_cannot_target_commune_Bs_revision()
    {
        var s = await SetupAsync();
        var client = await portal.SignedInAsync(s.UserA);
        var ownDoc = await DocumentSeed.ReadAsync(portal, s.A, db => db.Set<ControlledDocument>().Select(d => d.Id).FirstAsync());
        var page = await Html.GetDocumentAsync(client, $"/{s.A.Slug}/tai-lieu/{ownDoc}");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("input[name=__qms_af]")!).Value), "__qms_af");
        var file = new ByteArrayContent("%PDF-1.7"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "upload", "x.pdf");

        var response = await client.PostAsync($"/{s.A.Slug}/tai-lieu/{s.DraftB}?handler=Upload&revision={s.IssuedRevisionB}", form);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(2, await DocumentSeed.ReadAsync(portal, s.B, db => db.Set<DocumentAttachment>().CountAsync()));
    }
}
