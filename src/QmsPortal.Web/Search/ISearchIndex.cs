namespace QmsPortal.Web.Search;

/// <summary>
/// The search engine seam: pages and the API ask it, the indexer feeds it. Only <c>LuceneSearchIndex</c> knows
/// the engine, so replacing Lucene.Net touches one folder.
/// </summary>
public interface ISearchIndex
{
    /// <summary>False until the indexer has caught up with the feed once since the process started (or rebuilt).</summary>
    bool IsReady { get; }

    /// <summary>Never throws on what a person typed: odd text yields fewer results, not an error.</summary>
    SearchResults Search(SearchRequest request);
}
