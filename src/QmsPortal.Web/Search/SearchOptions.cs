using System.ComponentModel.DataAnnotations;

namespace QmsPortal.Web.Search;

public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>
    /// Where this process keeps its index, relative to the content root. Each process takes its own numbered
    /// folder under it (the first it can lock), so processes on one machine never share an index directory.
    /// </summary>
    [Required]
    public string IndexRoot { get; set; } = "App_Data/search";

    /// <summary>How often the indexer looks for new feed rows; a change is searchable within about this much.</summary>
    [Range(10, 60_000)]
    public int PollMilliseconds { get; set; } = 250;

    /// <summary>Feed rows older than this are deleted; an index whose last commit is older is rebuilt on start.</summary>
    [Range(1, 720)]
    public int FeedRetentionHours { get; set; } = 48;
}
