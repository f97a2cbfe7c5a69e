using Microsoft.EntityFrameworkCore.ChangeTracking;
using QmsPortal.Web.Data;

namespace QmsPortal.Web.Search;

/// <summary>
/// Who may find an item. Stored as a filter term on each indexed entry; a query adds the terms the person
/// holds in that commune, so an item outside them can never be returned, whatever the query text says.
/// </summary>
public enum SearchAudience
{
    /// <summary>Anyone, signed in or not: posted TTHC, the public ISO page's documents.</summary>
    Public,

    /// <summary>Whoever may read the commune's internal records: members, the province's auditors, platform admins (<c>CommunePolicies.Reader</c>).</summary>
    Readers,

    /// <summary>Members of the commune and platform admins only (<c>CommunePolicies.Member</c>), e.g. citizen reports.</summary>
    Members,

    /// <summary>Those who work on drafts: quality secretary, commune admin, approver, platform admin.</summary>
    Drafters,
}

/// <summary>
/// One searchable entry as a source hands it to the index: the original (NFC) text in fields of falling
/// weight, and what the index needs to scope and show it. An item (Kind, ItemId) may yield several entries
/// (the issued revision and a draft, a public copy and the internal one), told apart by <see cref="Variant"/>.
/// </summary>
public sealed record SearchItem(
    string Kind,
    int ItemId,
    int TenantId,
    string ProvinceCode,
    SearchAudience Audience,
    string Title,
    string? Code,
    string PathInCommune,
    string Papers,
    string Body)
{
    /// <summary>Distinguishes entries of one item ("", "nhap", "cong-khai").</summary>
    public string Variant { get; init; } = "";

    /// <summary>Legal numbers and other codes found whole ("61/2018/NĐ-CP"), besides <see cref="Code"/>.</summary>
    public IReadOnlyList<string> Codes { get; init; } = [];

    /// <summary>A short Vietnamese label shown beside the kind ("Bản nháp", "Quá hạn"), or null.</summary>
    public string? Label { get; init; }

    /// <summary>The date shown with the result (issued, held, received), or null.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>
    /// A public copy of something readers also find as an internal entry: people who may read the internal one
    /// do not get both.
    /// </summary>
    public bool HasInternalTwin { get; init; }
}

/// <summary>
/// A feature's searchable content. Registered with <see cref="SearchRegistration.AddSearchSource{T}"/>; the
/// indexer calls it with the ids the feed names, or for everything on a rebuild. Loads ignore the tenant query
/// filter (the indexer serves every commune) and must apply the same visibility rules as the feature's pages.
/// </summary>
public interface ISearchSource
{
    /// <summary>The kind as the API's <c>kind=</c> names it: "thu-tuc", "tai-lieu", …</summary>
    string Kind { get; }

    /// <summary>The Vietnamese name of the kind shown on results ("Thủ tục hành chính").</summary>
    string KindName { get; }

    /// <summary>The entity types whose rows make up this source's items; saves touching none of them cost nothing.</summary>
    IReadOnlyCollection<Type> Watches { get; }

    /// <summary>
    /// The item of this source that a changed row belongs to (its own id, or its parent's), or null when the row
    /// is not this source's. Called for added rows after they are saved (ids known), for changed and deleted rows before.
    /// </summary>
    int? ItemOf(EntityEntry entry);

    /// <summary>The entries of these items as they are now; an id with no entry returned is removed from the index.</summary>
    Task<IReadOnlyList<SearchItem>> LoadAsync(QmsDbContext db, IReadOnlyCollection<int> itemIds, CancellationToken cancellationToken);

    /// <summary>Every item's ids, for a rebuild (then loaded in batches with <see cref="LoadAsync"/>).</summary>
    IAsyncEnumerable<int> AllItemIdsAsync(QmsDbContext db, CancellationToken cancellationToken);

    /// <summary>
    /// The items whose entries change on this day without any row changing (a revision coming into force, an action
    /// becoming overdue), or null when no entry depends on the date. Each indexer re-reads them when its day turns.
    /// </summary>
    IQueryable<int>? ChangingOn(QmsDbContext db, DateOnly day) => null;
}
