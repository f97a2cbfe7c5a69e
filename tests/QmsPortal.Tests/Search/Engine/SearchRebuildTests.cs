using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Cli;
using QmsPortal.Web.Search;

namespace QmsPortal.Tests.Search.Engine;

/// <summary>The rebuild verb: a running process rebuilds beside the index it serves, which answers throughout.</summary>
public sealed class SearchRebuildTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Search_rebuild_leaves_a_running_process_folder_to_it_which_rebuilds_and_keeps_answering()
    {
        var commune = await portal.CreateCommuneAsync();
        var code = TthcBuilder.NextCode();
        await portal.ImportAsync(commune.ProvinceCode, TthcBuilder.Procedure(code, "Cấp phép khai thác nước ngầm thử nghiệm"));
        await portal.PostAsync(commune, true, code);
        var indexer = portal.Services.GetRequiredService<SearchIndexer>();
        await indexer.CatchUpAsync();
        var active = await File.ReadAllTextAsync(Path.Combine(indexer.Folder, "active"));

        var output = new StringWriter();
        var exit = await CommandLine.RunAsync(portal.Services, ["search", "rebuild"], output, new StringWriter());

        Assert.Equal(0, exit);
        // This test's portal holds its folder, as a running process would: the verb leaves it to that process.
        Assert.Contains(indexer.Folder + ": đang được một tiến trình dùng", output.ToString(), StringComparison.Ordinal);
        var index = portal.Services.GetRequiredService<ISearchIndex>();
        Assert.Single(index.Search(new SearchRequest("nước ngầm", SearchScope.PublicOf(commune.Id))).Hits);
        await indexer.CatchUpAsync();
        Assert.NotEqual(active, await File.ReadAllTextAsync(Path.Combine(indexer.Folder, "active")));
        Assert.Equal(code, Assert.Single(index.Search(new SearchRequest("nuoc ngam", SearchScope.PublicOf(commune.Id))).Hits).Code);
    }
}
