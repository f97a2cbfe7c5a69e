using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Features.Documents.Signatures;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Documents.Reminders;

/// <summary>Drafts put forward for approval, with or without a named reviewer, through the entity rules.</summary>
internal static class SubmittedRevisions
{
    /// <summary>A new document submitted at <paramref name="at"/>; returns the document and revision ids.</summary>
    public static Task<(int DocumentId, int RevisionId)> SubmitAsync(PortalFactory portal, TenantInfo commune, string code, string authorEmail,
        string? reviewerEmail, DateTimeOffset at) =>
        portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var author = await ActorAsync(sp, authorEmail);
            var document = ControlledDocument.Create(code, "Quy trình " + code, DocumentKind.SystemProcedure, "Thư ký ISO", 12, null, null, false,
                DocumentSeed.Body, author, at);
            db.Add(document);
            await db.SaveChangesAsync();
            var reviewer = reviewerEmail is null ? null : await ActorAsync(sp, reviewerEmail);
            document.Submit(document.Revisions[0], author, at, reviewer, reviewRequired: reviewer is not null);
            await db.SaveChangesAsync();
            return (document.Id, document.Revisions[0].Id);
        }, commune);

    /// <summary>The named reviewer signs "xem xét" at <paramref name="at"/>.</summary>
    public static Task ReviewAsync(PortalFactory portal, TenantInfo commune, int documentId, string reviewerEmail, DateTimeOffset at) =>
        portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var document = await db.Set<ControlledDocument>().Include(d => d.Revisions).SingleAsync(d => d.Id == documentId);
            var revision = document.Revisions.Single(r => r.Status == RevisionStatus.InReview);
            document.Review(revision, await ActorAsync(sp, reviewerEmail), null, at,
                new SigningEvidence(CommuneRole.Staff, ReauthenticationMethod.Password, SignedContent.Of(revision.Title, revision.Body, [])));
            await db.SaveChangesAsync();
        }, commune);

    private static async Task<DocumentActor> ActorAsync(IServiceProvider sp, string email)
    {
        var user = await sp.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        return new DocumentActor(user.Id, user.FullName, user.JobTitle);
    }
}
