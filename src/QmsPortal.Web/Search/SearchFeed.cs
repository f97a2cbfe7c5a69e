using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace QmsPortal.Web.Search;

/// <summary>
/// One change to searchable content, written in the same transaction as the change itself
/// (<see cref="SearchFeedInterceptor"/>). Every process's indexer tails these rows from its own checkpoint.
/// Not tenant-owned: the indexer reads all communes' rows.
/// </summary>
public sealed class SearchFeedEntry
{
    public long Id { get; set; }
    public string Kind { get; set; } = "";
    public int ItemId { get; set; }
    /// <summary>UTC; a DateTime because SQLite can compare those in SQL (pruning, rebuild start) and not DateTimeOffset.</summary>
    public DateTime At { get; set; }
}

/// <summary>A request to rebuild the index from the database (CLI or /admin); each process honours each request once.</summary>
public sealed class SearchRebuildRequest
{
    public int Id { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public string RequestedBy { get; set; } = "";
}

/// <summary>
/// An everyday phrase and the official words of the procedure it means ("giấy độc thân" → "xác nhận tình trạng
/// hôn nhân"). National rows have no province; a province's own rows are added to them.
/// </summary>
public sealed class SearchSynonym
{
    public int Id { get; set; }
    public string? ProvinceCode { get; set; }
    public string Everyday { get; set; } = "";
    public string Official { get; set; } = "";
}

internal sealed class SearchFeedEntryConfiguration : IEntityTypeConfiguration<SearchFeedEntry>
{
    public void Configure(EntityTypeBuilder<SearchFeedEntry> builder)
    {
        builder.ToTable("SearchFeed");
        builder.Property(e => e.Kind).HasMaxLength(32);
        builder.HasIndex(e => e.At);
    }
}

internal sealed class SearchRebuildRequestConfiguration : IEntityTypeConfiguration<SearchRebuildRequest>
{
    public void Configure(EntityTypeBuilder<SearchRebuildRequest> builder)
    {
        builder.ToTable("SearchRebuildRequests");
        builder.Property(e => e.RequestedBy).HasMaxLength(200);
    }
}

internal sealed class SearchSynonymConfiguration : IEntityTypeConfiguration<SearchSynonym>
{
    public void Configure(EntityTypeBuilder<SearchSynonym> builder)
    {
        builder.ToTable("SearchSynonyms");
        builder.Property(e => e.ProvinceCode).HasMaxLength(8);
        builder.Property(e => e.Everyday).HasMaxLength(200);
        builder.Property(e => e.Official).HasMaxLength(200);
        builder.HasIndex(e => new { e.ProvinceCode, e.Everyday, e.Official }).IsUnique();
    }
}
