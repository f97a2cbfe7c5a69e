using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Search;

namespace QmsPortal.Tests.Search.Sources;

/// <summary>What the source tests read: the indexing feed written by saves, and a registered source's entries as the indexer would load them.</summary>
internal static class SourceKit
{
    /// <summary>The newest feed row's id, so a test reads only the rows its own saves wrote.</summary>
    public static Task<long> FeedMarkAsync(this PortalFactory portal) =>
        portal.InScopeAsync(async sp => await sp.GetRequiredService<QmsDbContext>().Set<SearchFeedEntry>().MaxAsync(e => (long?)e.Id) ?? 0);

    /// <summary>(Kind, ItemId) of the feed rows written after <paramref name="mark"/>.</summary>
    public static Task<List<(string Kind, int ItemId)>> FeedSinceAsync(this PortalFactory portal, long mark) =>
        portal.InScopeAsync(async sp => (await sp.GetRequiredService<QmsDbContext>().Set<SearchFeedEntry>().AsNoTracking()
                .Where(e => e.Id > mark).OrderBy(e => e.Id).Select(e => new { e.Kind, e.ItemId }).ToListAsync())
            .Select(e => (e.Kind, e.ItemId)).ToList());

    /// <summary>The registered source of a kind, loaded outside any commune (the indexer runs with no tenant entered).</summary>
    public static Task<IReadOnlyList<SearchItem>> LoadAsync(this PortalFactory portal, string kind, params int[] ids) =>
        portal.InScopeAsync(sp => Source(sp, kind).LoadAsync(sp.GetRequiredService<QmsDbContext>(), ids, CancellationToken.None));

    public static Task<List<int>> AllIdsAsync(this PortalFactory portal, string kind) =>
        portal.InScopeAsync(async sp =>
        {
            var ids = new List<int>();
            await foreach (var id in Source(sp, kind).AllItemIdsAsync(sp.GetRequiredService<QmsDbContext>(), CancellationToken.None))
            {
                ids.Add(id);
            }

            return ids;
        });

    /// <summary>Every text field of an entry, to assert that something never reaches the index.</summary>
    public static string AllText(SearchItem item) =>
        string.Join('\n', new[] { item.Title, item.Code, item.PathInCommune, item.Papers, item.Body, item.Label }.Concat(item.Codes));

    private static ISearchSource Source(IServiceProvider sp, string kind) => sp.GetServices<ISearchSource>().Single(s => s.Kind == kind);
}
