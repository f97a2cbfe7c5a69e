using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Features.Documents.Signatures;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Documents;

/// <summary>Documents brought to a state through the entity rules, with real users as author and approver.</summary>
internal static class DocumentSeed
{
    public const string Body = "## 1. Mục đích\n\nDòng giữ nguyên.\nDòng sẽ bị xóa.\n";

    public static Task<int> CreateAsync(PortalFactory portal, TenantInfo commune, string code, RevisionStatus target, string authorEmail, string? approverEmail = null,
        string body = Body, bool isPublic = true, DocumentKind kind = DocumentKind.TthcProcedure, string? tthc = "1.001193", DateOnly? effective = null) =>
        portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var author = await ActorAsync(sp, authorEmail);
            var at = portal.Clock.GetUtcNow();
            var document = ControlledDocument.Create(code, "Quy trình " + code, kind, "Bộ phận Một cửa", 12, tthc, "Quyết định 19/2014/QĐ-TTg", isPublic, body, author, at);
            db.Add(document);
            await db.SaveChangesAsync();
            await AdvanceAsync(sp, document, document.Revisions[0], target, author, approverEmail, effective ?? new DateOnly(2026, 1, 5), at);
            return document.Id;
        }, commune);

    /// <summary>Issues a second revision with a new body, so the first becomes superseded.</summary>
    public static Task<int> ReviseAndIssueAsync(PortalFactory portal, TenantInfo commune, int documentId, string body, string authorEmail, string approverEmail, DateOnly effective) =>
        portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var document = await db.Set<ControlledDocument>().Include(d => d.Revisions).SingleAsync(d => d.Id == documentId);
            var author = await ActorAsync(sp, authorEmail);
            var at = portal.Clock.GetUtcNow();
            var revision = document.StartRevision(author, at);
            await db.SaveChangesAsync();
            document.EditDraft(revision, document.Title, document.Owner, document.ReviewIntervalMonths, document.TthcCodes, document.LegalBases, document.IsPublic, body, "Sửa đổi", author, at);
            await AdvanceAsync(sp, document, revision, RevisionStatus.Issued, author, approverEmail, effective, at);
            return revision.Id;
        }, commune);

    /// <summary>Gives a user the job title the sign-off blocks print (users are created without one).</summary>
    public static Task SetJobTitleAsync(PortalFactory portal, string email, string jobTitle) => portal.InScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        user.JobTitle = jobTitle;
        await users.UpdateAsync(user);
    });

    public static Task<string> UserIdAsync(PortalFactory portal, string email) =>
        portal.InScopeAsync(async sp => (await sp.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email))!.Id);

    public static Task<int> RevisionIdAsync(PortalFactory portal, TenantInfo commune, int documentId, int number) =>
        portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<DocumentRevision>()
            .Where(r => r.DocumentId == documentId && r.Number == number).Select(r => r.Id).SingleAsync(), commune);

    public static Task<T> ReadAsync<T>(PortalFactory portal, TenantInfo commune, Func<QmsDbContext, Task<T>> read) =>
        portal.InScopeAsync(sp => read(sp.GetRequiredService<QmsDbContext>()), commune);

    /// <summary>Posts to a page handler with the page's antiforgery token, as a hand-crafted request would (no form needed on the page).</summary>
    public static async Task<HttpResponseMessage> PostHandlerAsync(HttpClient client, string pageUrl, string handler, Dictionary<string, string>? fields = null)
    {
        var page = await Html.GetDocumentAsync(client, pageUrl);
        var token = ((IHtmlInputElement)page.QuerySelector("input[name=__qms_af]")!).Value;
        var values = new Dictionary<string, string>(fields ?? []) { ["__qms_af"] = token };
        var separator = pageUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return await client.PostAsync($"{pageUrl}{separator}handler={handler}", new FormUrlEncodedContent(values));
    }

    private static async Task AdvanceAsync(IServiceProvider sp, ControlledDocument document, DocumentRevision revision, RevisionStatus target, DocumentActor author,
        string? approverEmail, DateOnly effective, DateTimeOffset at)
    {
        var db = sp.GetRequiredService<QmsDbContext>();
        if (target >= RevisionStatus.InReview)
        {
            document.Submit(revision, author, at);
        }

        // Seeded approvals and issues are signed as the page would sign them (password re-entered, digest of the text).
        if (target >= RevisionStatus.Approved)
        {
            document.Approve(revision, await ActorAsync(sp, approverEmail!), actorIsApprover: true, at, Signed(revision));
        }

        if (target >= RevisionStatus.Issued)
        {
            document.Issue(revision, effective, await ActorAsync(sp, approverEmail!), at, Signed(revision));
        }

        await db.SaveChangesAsync();
    }

    private static SigningEvidence Signed(DocumentRevision revision) =>
        new(CommuneRole.Approver, ReauthenticationMethod.Password, SignedContent.Of(revision.Title, revision.Body, []));

    private static async Task<DocumentActor> ActorAsync(IServiceProvider sp, string email)
    {
        var user = await sp.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        return new DocumentActor(user.Id, user.FullName, user.JobTitle);
    }
}
