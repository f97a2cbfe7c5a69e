using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Search;
using QmsPortal.Web.Search.Lucene;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Search.Engine;

/// <summary>A crash or restart loses nothing: the index resumes from the checkpoint in its last commit. Own class: it stops the portal's indexer.</summary>
public sealed class SearchIndexRestartTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private SearchIndexer Indexer => portal.Services.GetRequiredService<SearchIndexer>();

    [Fact]
    public async Task A_restarted_indexer_resumes_from_its_commit_and_applies_what_was_saved_meanwhile()
    {
        var commune = await portal.CreateCommuneAsync();
        var before = await portal.PostNewAsync(commune, "Cấp phép khai thác cát sỏi thử nghiệm");
        await Indexer.CatchUpAsync();
        var folder = Indexer.Folder;
        await Indexer.StopAsync(CancellationToken.None);

        // Saved while no indexer runs: only the feed knows.
        var meanwhile = await portal.PostNewAsync(commune, "Cấp phép nuôi ong mật thử nghiệm");

        var index = new LuceneSearchIndex(portal.Services.GetServices<ISearchSource>(), portal.Services.GetRequiredService<SearchSynonyms>(),
            portal.Services.GetRequiredService<ILogger<LuceneSearchIndex>>());
        var restarted = ActivatorUtilities.CreateInstance<SearchIndexer>(portal.Services, index);
        await restarted.StartAsync(CancellationToken.None);
        try
        {
            await restarted.CatchUpAsync();
            Assert.Equal(folder, restarted.Folder);
            Assert.True(index.IsReady);
            var search = (string text) => index.Search(new SearchRequest(text, SearchScope.PublicOf(commune.Id))).Hits.Select(h => h.Code).ToList();
            Assert.Equal([before], search("cát sỏi"));
            Assert.Equal([meanwhile], search("ong mật"));
        }
        finally
        {
            await restarted.StopAsync(CancellationToken.None);
        }
    }
}
