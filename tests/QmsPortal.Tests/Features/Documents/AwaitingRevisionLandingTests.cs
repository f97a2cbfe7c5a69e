using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Documents;

/// <summary>
/// A document whose newer revision waits for approval opens on that revision for an approver (with the approve form) and
/// for its named reviewer (with the review form); everyone else still sees the issued one.
/// </summary>
public sealed class AwaitingRevisionLandingTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private Task<int> SubmitRevisionAsync(TenantInfo commune, int documentId, string authorEmail, string? reviewerEmail) =>
        portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            async Task<DocumentActor> Actor(string email)
            {
                var user = (await users.FindByEmailAsync(email))!;
                return new DocumentActor(user.Id, user.FullName, user.JobTitle);
            }

            var document = await db.Set<ControlledDocument>().Include(d => d.Revisions).SingleAsync(d => d.Id == documentId);
            var author = await Actor(authorEmail);
            var at = portal.Clock.GetUtcNow();
            var revision = document.StartRevision(author, at);
            await db.SaveChangesAsync();
            document.EditDraft(revision, document.Title, document.Owner, document.ReviewIntervalMonths, document.TthcCodes, document.LegalBases, document.IsPublic,
                DocumentSeed.Body + "Dòng mới.\n", "Sửa đổi", author, at);
            document.Submit(revision, author, at, reviewerEmail is null ? null : await Actor(reviewerEmail), reviewRequired: reviewerEmail is not null);
            await db.SaveChangesAsync();
            return revision.Id;
        }, commune);

    [Fact]
    public async Task The_approver_lands_on_the_revision_awaiting_approval_and_staff_on_the_issued_one()
    {
        var commune = await portal.CreateCommuneAsync();
        var secretary = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)]);
        var chair = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Approver)]);
        var staff = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Staff)]);
        var document = await DocumentSeed.CreateAsync(portal, commune, "QT-11", RevisionStatus.Issued, secretary, chair);
        var issued = await DocumentSeed.RevisionIdAsync(portal, commune, document, 1);
        var submitted = await SubmitRevisionAsync(commune, document, secretary, null);

        var approverPage = await Html.GetDocumentAsync(await portal.SignedInAsync(chair), $"/{commune.Slug}/tai-lieu/{document}");
        var staffPage = await Html.GetDocumentAsync(await portal.SignedInAsync(staff), $"/{commune.Slug}/tai-lieu/{document}");

        Assert.Contains($"revision={submitted}", approverPage.QuerySelector("form#ky-phe-duyet")!.GetAttribute("action"), StringComparison.Ordinal);
        Assert.Contains($"ban={issued}", approverPage.QuerySelector("#ban-dang-hieu-luc a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Null(staffPage.QuerySelector("form#ky-phe-duyet"));
        Assert.Null(staffPage.QuerySelector("#ban-dang-hieu-luc"));

        // Asking for the issued revision by its number still shows it to the approver.
        var asked = await Html.GetDocumentAsync(await portal.SignedInAsync(chair), $"/{commune.Slug}/tai-lieu/{document}?ban={issued}");
        Assert.Null(asked.QuerySelector("form#ky-phe-duyet"));
    }

    [Fact]
    public async Task The_named_reviewer_lands_on_the_revision_to_review_and_the_approver_waits_on_the_issued_one()
    {
        var commune = await portal.CreateCommuneAsync();
        var secretary = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)]);
        var chair = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Approver)]);
        var vice = await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Staff)]);
        var document = await DocumentSeed.CreateAsync(portal, commune, "QT-12", RevisionStatus.Issued, secretary, chair);
        var submitted = await SubmitRevisionAsync(commune, document, secretary, vice);

        var reviewerPage = await Html.GetDocumentAsync(await portal.SignedInAsync(vice), $"/{commune.Slug}/tai-lieu/{document}");
        var approverPage = await Html.GetDocumentAsync(await portal.SignedInAsync(chair), $"/{commune.Slug}/tai-lieu/{document}");

        Assert.Contains($"revision={submitted}", reviewerPage.QuerySelector("form#ky-xem-xet")!.GetAttribute("action"), StringComparison.Ordinal);
        Assert.Null(approverPage.QuerySelector("form#ky-phe-duyet"));
        Assert.Null(approverPage.QuerySelector("#ban-dang-hieu-luc"));
    }
}
