using QmsPortal.Web.Search;

namespace QmsPortal.Web.Features.Search;

/// <summary>The kinds a search may be limited to (<c>loai=</c>, <c>kind=</c>): those of the registered sources.</summary>
public sealed class SearchKinds(IEnumerable<ISearchSource> sources)
{
    /// <summary>Kinds that hold public entries; citizens are offered only these, the rest would always be empty for them.</summary>
    private static readonly string[] PublicKinds = ["thu-tuc", "tai-lieu"];

    public sealed record Kind(string Key, string Name);

    public IReadOnlyList<Kind> All { get; } = sources.Select(s => new Kind(s.Kind, s.KindName)).DistinctBy(k => k.Key).ToList();

    public bool IsKnown(string kind) => All.Any(k => k.Key == kind);

    /// <summary>The choices of the kind filter for someone with this scope.</summary>
    public IReadOnlyList<Kind> OfferedTo(SearchScope scope) =>
        scope.Audiences.Count > 1 ? All : All.Where(k => PublicKinds.Contains(k.Key)).ToList();
}
