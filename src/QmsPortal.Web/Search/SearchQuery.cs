namespace QmsPortal.Web.Search;

/// <summary>
/// Where a search looks and what it may return: one commune or every commune of a province, and the audiences the
/// person holds there. Built only by <see cref="SearchScopes"/> from the person's roles, never from the request.
/// </summary>
public sealed record SearchScope(int? TenantId, string? ProvinceCode, IReadOnlySet<SearchAudience> Audiences)
{
    /// <summary>Everyone's scope in a commune: what is posted publicly.</summary>
    public static SearchScope PublicOf(int tenantId) => new(tenantId, null, new HashSet<SearchAudience> { SearchAudience.Public });

    /// <summary>True when the person also reads internal entries, so public copies of them are left out.</summary>
    public bool ReadsInternal => Audiences.Contains(SearchAudience.Readers);
}

/// <summary>A search as a page or the API asks it. <paramref name="Kind"/> limits to one source ("thu-tuc"); page is 1-based.</summary>
public sealed record SearchRequest(string? Text, SearchScope Scope, string? Kind = null, int Page = 1, int PageSize = 20)
{
    /// <summary>Longer queries are cut here: no citizen types more, and the cost of a query grows with its terms.</summary>
    public const int MaxTextLength = 200;
}

/// <summary>A piece of a snippet or title: the original accented text, marked where it matched the query.</summary>
public readonly record struct SnippetPart(string Text, bool Match);

/// <summary>One result: what it is, where it lives and why it matched.</summary>
public sealed record SearchHit(
    string Kind,
    string KindName,
    int TenantId,
    string Title,
    string? Code,
    string PathInCommune,
    IReadOnlyList<SnippetPart> TitleParts,
    IReadOnlyList<SnippetPart> Snippet,
    float Score)
{
    public string? Label { get; init; }
    public DateOnly? Date { get; init; }

    /// <summary>The snippet as plain text (API).</summary>
    public string SnippetText => string.Concat(Snippet.Select(p => p.Text));
}

/// <summary>
/// A page of results. When nothing matched exactly, <see cref="DidYouMean"/> names the corrected query whose results
/// are shown (one edit per longer word), and <see cref="Suggestions"/> the closest procedures when even that found nothing.
/// </summary>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total, string Query)
{
    public static readonly SearchResults Empty = new([], 0, "");

    public string? DidYouMean { get; init; }
    public IReadOnlyList<SearchHit> Suggestions { get; init; } = [];
}
