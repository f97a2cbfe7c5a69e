using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Features.Documents;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Documents;
using QmsPortal.Web.Search;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Search.Sources;

public sealed class DocumentSearchSourceTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Kind = "tai-lieu";

    [Fact]
    public async Task An_issued_public_procedure_loads_for_readers_and_as_the_iso_pages_copy_without_its_text()
    {
        var (commune, author, approver) = await OfficeAsync("42");
        var id = await DocumentSeed.CreateAsync(portal, commune, "QT-01/TK", RevisionStatus.Issued, author, approver, isPublic: true, kind: DocumentKind.TthcProcedure);

        var items = await portal.LoadAsync(Kind, id);

        Assert.Equal("|cong-khai", string.Join('|', items.Select(i => i.Variant).Order()));
        Assert.All(items, i => Assert.Equal((Kind, id, commune.Id, "42", "QT-01/TK"), (i.Kind, i.ItemId, i.TenantId, i.ProvinceCode, i.Code ?? "")));
        var internalOne = items.Single(i => i.Variant == "");
        Assert.Equal(SearchAudience.Readers, internalOne.Audience);
        Assert.Equal($"tai-lieu/{id}", internalOne.PathInCommune);
        Assert.Equal("Quy trình QT-01/TK", internalOne.Title);
        Assert.Contains("Dòng giữ nguyên.", internalOne.Body);
        Assert.Contains("1.001193", internalOne.Codes);
        Assert.Contains("19/2014/QĐ-TTg", internalOne.Codes);
        Assert.Null(internalOne.Label);
        Assert.Equal(new DateOnly(2026, 1, 5), internalOne.Date);
        var publicOne = items.Single(i => i.Variant == "cong-khai");
        Assert.Equal(SearchAudience.Public, publicOne.Audience);
        Assert.True(publicOne.HasInternalTwin);
        Assert.Equal("iso#quy-trinh", publicOne.PathInCommune);
        // The public page lists a procedure by code and title only.
        Assert.Equal("", publicOne.Body);
        Assert.Empty(publicOne.Codes);
        var iso = await Html.GetDocumentAsync(portal.Anonymous(), $"/{commune.Slug}/iso");
        Assert.NotNull(iso.QuerySelector("#quy-trinh tr[data-code='QT-01/TK']"));
    }

    [Fact]
    public async Task The_quality_policy_shows_its_text_on_the_public_copy()
    {
        var (commune, author, approver) = await OfficeAsync("42");
        var id = await DocumentSeed.CreateAsync(portal, commune, "CS-01", RevisionStatus.Issued, author, approver, body: "Phục vụ nhân dân tận tụy, minh bạch.",
            isPublic: true, kind: DocumentKind.QualityPolicy, tthc: null);

        var publicOne = (await portal.LoadAsync(Kind, id)).Single(i => i.Variant == "cong-khai");

        Assert.Equal("iso#chinh-sach", publicOne.PathInCommune);
        Assert.Contains("Phục vụ nhân dân tận tụy, minh bạch.", publicOne.Body);
    }

    [Fact]
    public async Task A_document_never_issued_loads_only_as_a_draft_for_drafters_even_when_marked_public()
    {
        var (commune, author, approver) = await OfficeAsync("42");
        var id = await DocumentSeed.CreateAsync(portal, commune, "QT-02/TK", RevisionStatus.InReview, author, approver, isPublic: true);

        var item = Assert.Single(await portal.LoadAsync(Kind, id));

        Assert.Equal(("nhap", SearchAudience.Drafters, "Bản nháp"), (item.Variant, item.Audience, item.Label ?? ""));
        var revision = await DocumentSeed.RevisionIdAsync(portal, commune, id, 1);
        Assert.Equal($"tai-lieu/{id}?ban={revision}", item.PathInCommune);
    }

    [Fact]
    public async Task Opening_a_new_revision_feeds_the_document_and_adds_a_draft_entry_beside_the_issued_one()
    {
        var (commune, author, approver) = await OfficeAsync("42");
        var id = await DocumentSeed.CreateAsync(portal, commune, "QT-03/TK", RevisionStatus.Issued, author, approver, isPublic: false);
        var mark = await portal.FeedMarkAsync();
        var secretary = await portal.SignedInAsync(author);

        var response = await DocumentSeed.PostHandlerAsync(secretary, $"/{commune.Slug}/tai-lieu/{id}", "NewRevision");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains((Kind, id), await portal.FeedSinceAsync(mark));
        var items = await portal.LoadAsync(Kind, id);
        Assert.Equal(new[] { ("", SearchAudience.Readers), ("nhap", SearchAudience.Drafters) },
            items.OrderBy(i => i.Variant).Select(i => (i.Variant, i.Audience)).ToArray());
        // Not public: no copy for the ISO page.
        Assert.DoesNotContain(items, i => i.Audience == SearchAudience.Public);
    }

    [Fact]
    public async Task A_public_work_instruction_has_no_public_copy_because_the_iso_page_does_not_list_it()
    {
        var (commune, author, approver) = await OfficeAsync("42");
        var id = await DocumentSeed.CreateAsync(portal, commune, "HD-01", RevisionStatus.Issued, author, approver, isPublic: true, kind: DocumentKind.WorkInstruction, tthc: null);

        var item = Assert.Single(await portal.LoadAsync(Kind, id));

        Assert.Equal(SearchAudience.Readers, item.Audience);
    }

    [Fact]
    public async Task A_withdrawn_document_stays_for_readers_labelled_as_withdrawn_and_leaves_the_public_page()
    {
        var (commune, author, approver) = await OfficeAsync("42");
        var id = await DocumentSeed.CreateAsync(portal, commune, "QT-04/TK", RevisionStatus.Issued, author, approver, isPublic: true);
        var mark = await portal.FeedMarkAsync();
        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var document = await db.Set<ControlledDocument>().Include(d => d.Revisions).SingleAsync(d => d.Id == id);
            document.Withdraw(document.Revisions[0], new DocumentActor("recipe:test", "Thử", null), "Không còn áp dụng.", new DateOnly(2026, 11, 25), portal.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }, commune);

        Assert.Contains((Kind, id), await portal.FeedSinceAsync(mark));
        var item = Assert.Single(await portal.LoadAsync(Kind, id));
        Assert.Equal((SearchAudience.Readers, "Đã thu hồi"), (item.Audience, item.Label ?? ""));
        Assert.EndsWith($"?ban={await DocumentSeed.RevisionIdAsync(portal, commune, id, 1)}", item.PathInCommune);
    }

    [Fact]
    public async Task A_revision_issued_for_a_later_day_is_labelled_as_to_come_on_both_entries()
    {
        var (commune, author, approver) = await OfficeAsync("42");
        var id = await DocumentSeed.CreateAsync(portal, commune, "QT-05/TK", RevisionStatus.Issued, author, approver, isPublic: true, effective: new DateOnly(2026, 12, 10));

        var items = await portal.LoadAsync(Kind, id);

        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal("Sắp có hiệu lực từ 10/12/2026", i.Label));
        var changing = await portal.InScopeAsync(sp => sp.GetServices<ISearchSource>().Single(s => s.Kind == "tai-lieu").ChangingOn(sp.GetRequiredService<QmsDbContext>(), new DateOnly(2026, 12, 10))!.ToListAsync());
        Assert.Contains(id, changing);
    }

    [Fact]
    public async Task A_save_that_breaks_the_unique_code_leaves_no_feed_row()
    {
        var (commune, author, approver) = await OfficeAsync("42");
        await DocumentSeed.CreateAsync(portal, commune, "QT-06/TK", RevisionStatus.Draft, author, approver);
        var mark = await portal.FeedMarkAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => DocumentSeed.CreateAsync(portal, commune, "QT-06/TK", RevisionStatus.Draft, author, approver));

        Assert.Empty(await portal.FeedSinceAsync(mark));
        var count = await DocumentSeed.ReadAsync(portal, commune, db => db.Set<ControlledDocument>().CountAsync(d => d.Code == "QT-06/TK"));
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task Another_communes_documents_load_with_their_own_commune_and_province()
    {
        var (hatinh, author1, approver1) = await OfficeAsync("42");
        var (hanoi, author2, approver2) = await OfficeAsync("01");
        var first = await DocumentSeed.CreateAsync(portal, hatinh, "QT-07/TK", RevisionStatus.Issued, author1, approver1, isPublic: false);
        var second = await DocumentSeed.CreateAsync(portal, hanoi, "QT-07/TK", RevisionStatus.Issued, author2, approver2, isPublic: false);

        var items = await portal.LoadAsync(Kind, first, second);

        Assert.Equal(new[] { (first, hatinh.Id, "42"), (second, hanoi.Id, "01") },
            items.OrderBy(i => i.ItemId).Select(i => (i.ItemId, i.TenantId, i.ProvinceCode)).ToArray());
        Assert.Contains(first, await portal.AllIdsAsync(Kind));
        Assert.Empty(await portal.LoadAsync(Kind, 987654));
    }

    private async Task<(TenantInfo Commune, string Author, string Approver)> OfficeAsync(string province)
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: province);
        return (commune,
            await portal.CreateUserAsync(memberships: [(commune, CommuneRole.QualitySecretary)]),
            await portal.CreateUserAsync(memberships: [(commune, CommuneRole.Approver)]));
    }
}
