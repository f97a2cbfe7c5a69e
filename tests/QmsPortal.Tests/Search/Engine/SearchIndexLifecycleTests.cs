using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Tthc;
using QmsPortal.Web.Search;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Search.Engine;

/// <summary>The database is the truth: what is posted, changed, withdrawn or saved while the indexer was away reaches the index.</summary>
public sealed class SearchIndexLifecycleTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private SearchIndexer Indexer => portal.Services.GetRequiredService<SearchIndexer>();

    private SearchResults Search(TenantInfo commune, string text) =>
        portal.Services.GetRequiredService<ISearchIndex>().Search(new SearchRequest(text, SearchScope.PublicOf(commune.Id)));

    [Fact]
    public async Task Posting_withdrawing_and_renaming_reach_the_index()
    {
        var commune = await portal.CreateCommuneAsync();
        var code = await portal.PostNewAsync(commune, "Cấp giấy phép đào đường thử nghiệm");
        await Indexer.CatchUpAsync();
        Assert.Equal(code, Assert.Single(Search(commune, "đào đường").Hits).Code);

        // The province renames it in a new catalogue version; the commune accepts and posts it again.
        var renamed = TthcBuilder.Procedure(code, "Cấp phép đào hè phố thử nghiệm");
        await portal.ImportAsync(commune.ProvinceCode, renamed);
        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var posting = (await sp.GetRequiredService<Postings>().FindAsync(code))!;
            var latest = await db.Set<CatalogueVersion>().Where(v => v.CatalogueProcedureId == posting.CatalogueProcedureId)
                .OrderByDescending(v => v.Number).FirstAsync();
            posting.Accept(latest, portal.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }, commune);
        await Indexer.CatchUpAsync();
        // The old name no longer matches as typed (a one-edit reading such as "đồng" may still find something, said as such).
        var old = Search(commune, "đào đường");
        Assert.True(old.Total == 0 || old.DidYouMean is not null, $"{old.Total} results, did you mean: {old.DidYouMean}");
        Assert.Equal(code, Assert.Single(Search(commune, "hè phố").Hits).Code);

        await portal.InScopeAsync(async sp =>
        {
            (await sp.GetRequiredService<Postings>().FindAsync(code))!.Withdraw();
            await sp.GetRequiredService<QmsDbContext>().SaveChangesAsync();
        }, commune);
        await Indexer.CatchUpAsync();
        Assert.Empty(Search(commune, "hè phố").Hits);
    }

    [Fact]
    public async Task Another_communes_posting_is_never_found()
    {
        var mine = await portal.CreateCommuneAsync();
        var other = await portal.CreateCommuneAsync();
        await portal.PostNewAsync(other, "Đăng ký nuôi chim yến thử nghiệm");
        await Indexer.CatchUpAsync();
        Assert.Single(Search(other, "chim yến").Hits);
        Assert.Empty(Search(mine, "chim yến").Hits);
        Assert.Empty(Search(mine, "chim yến").Suggestions);
    }

    [Fact]
    public async Task Readiness_includes_the_index_and_liveness_does_not()
    {
        await Indexer.CatchUpAsync();
        var client = portal.Anonymous();
        var ready = await client.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ok", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }
}
