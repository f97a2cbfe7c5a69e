using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Tests.Features.Documents;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Features.Documents.Signatures;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Isolation;

/// <summary>Commune B's signatures and their integrity check never reach commune A's users, and A cannot sign B's revisions.</summary>
public sealed class SignaturesIsolationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Another_communes_reader_cannot_open_the_integrity_check_or_see_signatures_by_guessed_ids()
    {
        var a = await portal.CreateCommuneAsync();
        var b = await portal.CreateCommuneAsync();
        var readerA = await portal.CreateUserAsync(memberships: [(a, CommuneRole.Staff)]);
        var signerB = await portal.CreateUserAsync(memberships: [(b, CommuneRole.Approver)], fullName: "Đặng Văn Ký Bê");
        var issuedB = await DocumentSeed.CreateAsync(portal, b, "QT-60", RevisionStatus.Issued, await portal.CreateUserAsync(memberships: [(b, CommuneRole.QualitySecretary)]), signerB);
        var revisionB = await DocumentSeed.RevisionIdAsync(portal, b, issuedB, 1);
        var ownA = await DocumentSeed.CreateAsync(portal, a, "QT-60", RevisionStatus.Draft, await portal.CreateUserAsync(memberships: [(a, CommuneRole.QualitySecretary)]));
        var client = await portal.SignedInAsync(readerA);

        foreach (var url in new[] { $"/{a.Slug}/tai-lieu/{issuedB}/kiem-tra-toan-ven", $"/{a.Slug}/tai-lieu/{issuedB}", $"/{a.Slug}/tai-lieu/{issuedB}/in",
                     $"/{a.Slug}/tai-lieu/{ownA}?ban={revisionB}", $"/{a.Slug}/tai-lieu/{ownA}/in?ban={revisionB}" })
        {
            Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
        }

        var foreign = await client.GetAsync($"/{b.Slug}/tai-lieu/{issuedB}/kiem-tra-toan-ven");
        Assert.Equal(HttpStatusCode.Redirect, foreign.StatusCode);
        Assert.Contains("khong-co-quyen", foreign.Headers.Location!.ToString(), StringComparison.Ordinal);
        var anonymous = await portal.Anonymous().GetAsync($"/{b.Slug}/tai-lieu/{issuedB}/kiem-tra-toan-ven");
        Assert.Contains("dang-nhap", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);

        var ownIntegrity = await Html.GetDocumentAsync(client, $"/{a.Slug}/tai-lieu/{ownA}/kiem-tra-toan-ven");
        Assert.DoesNotContain("Đặng Văn Ký Bê", ownIntegrity.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(ownIntegrity.QuerySelector("#khong-co-chu-ky"));
    }

    [Fact]
    public async Task An_approver_of_commune_A_cannot_sign_commune_Bs_revision_through_A()
    {
        var a = await portal.CreateCommuneAsync();
        var b = await portal.CreateCommuneAsync();
        var approverA = await portal.CreateUserAsync(memberships: [(a, CommuneRole.Approver)]);
        var secretaryA = await portal.CreateUserAsync(memberships: [(a, CommuneRole.QualitySecretary)]);
        var inReviewB = await DocumentSeed.CreateAsync(portal, b, "QT-61", RevisionStatus.InReview, await portal.CreateUserAsync(memberships: [(b, CommuneRole.QualitySecretary)]));
        var revisionB = await DocumentSeed.RevisionIdAsync(portal, b, inReviewB, 1);
        var ownA = await DocumentSeed.CreateAsync(portal, a, "QT-61", RevisionStatus.InReview, secretaryA);
        var client = await portal.SignedInAsync(approverA);

        var response = await DocumentSeed.PostHandlerAsync(client, $"/{a.Slug}/tai-lieu/{ownA}", "Approve",
            new() { ["revision"] = revisionB.ToString(CultureInfo.InvariantCulture), ["password"] = PortalFactory.DefaultPassword });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(RevisionStatus.InReview, await DocumentSeed.ReadAsync(portal, b, db => db.Set<DocumentRevision>().Where(r => r.Id == revisionB).Select(r => r.Status).SingleAsync()));
        Assert.Equal(0, await DocumentSeed.ReadAsync(portal, b, db => db.Set<DocumentSignature>().CountAsync()));
        Assert.Equal(0, await DocumentSeed.ReadAsync(portal, a, db => db.Set<DocumentSignature>().CountAsync()));
    }
}
