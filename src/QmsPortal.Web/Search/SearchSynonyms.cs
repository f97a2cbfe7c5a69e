using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Search.Analysis;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Search;

/// <summary>
/// The everyday-word table in memory, folded, by province ("" for national rows), and each commune's province so a
/// commune search uses its province's rows. Reloaded by the indexer; readers see one consistent snapshot.
/// </summary>
public sealed class SearchSynonyms
{
    public sealed record Rule(string[] Everyday, string[] Official);

    private sealed record Snapshot(IReadOnlyDictionary<string, Rule[]> ByProvince, IReadOnlyDictionary<int, string> ProvinceOfCommune);

    private volatile Snapshot _snapshot = new(new Dictionary<string, Rule[]>(), new Dictionary<int, string>());

    /// <summary>National rules plus those of the province (of the commune when only the commune is known).</summary>
    public IReadOnlyList<Rule> For(int? tenantId, string? provinceCode)
    {
        var snapshot = _snapshot;
        if (provinceCode is null && tenantId is { } id)
        {
            snapshot.ProvinceOfCommune.TryGetValue(id, out provinceCode);
        }

        var national = snapshot.ByProvince.GetValueOrDefault("") ?? [];
        return provinceCode is not null && snapshot.ByProvince.TryGetValue(provinceCode, out var own) ? [.. own, .. national] : national;
    }

    public async Task ReloadAsync(QmsDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Set<SearchSynonym>().AsNoTracking().ToListAsync(cancellationToken);
        // Across communes on purpose: every commune's province, to pick each commune's synonyms.
        var communes = await db.Tenants.IgnoreQueryFilters().AsNoTracking()
            .Select(t => new { t.Id, t.ProvinceCode }).ToDictionaryAsync(t => t.Id, t => t.ProvinceCode, cancellationToken);
        var byProvince = rows
            .Select(r => (Province: r.ProvinceCode ?? "", Rule: new Rule(FoldedWords(r.Everyday), FoldedWords(r.Official))))
            .Where(r => r.Rule.Everyday.Length > 0 && r.Rule.Official.Length > 0)
            // Longer everyday phrases first: "giấy chứng tử" is tried before "chứng tử".
            .GroupBy(r => r.Province)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Rule).OrderByDescending(r => r.Everyday.Length).ToArray());
        _snapshot = new Snapshot(byProvince, communes);
    }

    public static string[] FoldedWords(string text)
    {
        var nfc = VietnameseText.Normalize(text);
        return VietnameseWords.Split(nfc).Select(w => VietnameseSyllables.Fold(nfc.Substring(w.Start, w.Length))).ToArray();
    }
}
