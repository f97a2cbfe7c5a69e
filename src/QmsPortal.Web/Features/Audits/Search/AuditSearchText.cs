using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Audits.Search;

/// <summary>What the audit records' search sources share: text joined as the pages show it, and a child row's parent.</summary>
internal static class AuditSearchText
{
    /// <summary>The non-empty parts, NFC, one per line.</summary>
    public static string Lines(IEnumerable<string?> parts) =>
        string.Join('\n', parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => VietnameseText.Normalize(p).Trim()));

    /// <summary>A child row's parent id: as it was before a deletion (the row's values are gone after it), else as it is now.</summary>
    public static int? Parent(EntityEntry entry, string foreignKey)
    {
        var property = entry.Property(foreignKey);
        return (int?)(entry.State == EntityState.Deleted ? property.OriginalValue : property.CurrentValue);
    }

    public static IReadOnlyList<string> Codes(params string?[] spaceSeparated) =>
        spaceSeparated.SelectMany(s => (s ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct().ToList();
}
