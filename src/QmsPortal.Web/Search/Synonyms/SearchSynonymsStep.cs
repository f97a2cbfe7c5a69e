using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Recipes;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Search.Synonyms;

/// <summary>
/// <c>"step": "search-synonyms"</c> (platform recipes) — the everyday words citizens type for the official words of
/// procedure names: <c>{"province": "42", "replace": false, "entries": [{"everyday": "công chứng", "official": "chứng thực"}]}</c>.
/// Without <c>province</c> the rows are national (every commune uses them); with it, only that province's communes.
/// Entries are added unless already there (compared as search compares them: folded words), so applying twice
/// changes nothing; <c>replace: true</c> makes that one table (the province's, or the national one) exactly the list.
/// The search indexer reloads the table on its next housekeeping pass (at most 30 seconds).
/// </summary>
public sealed partial class SearchSynonymsStep(QmsDbContext db) : IRecipeStep
{
    public const int MaxLength = 200;

    public string Name => "search-synonyms";

    public RecipeScope Scope => RecipeScope.Platform;

    /// <summary>One cleaned entry; <see cref="Key"/> is what search matches on, so two entries with one key are one rule.</summary>
    public sealed record Entry(string Everyday, string Official)
    {
        public string Key { get; } = KeyOf(Everyday, Official);
    }

    public async Task ValidateAsync(RecipeStepContext step, CancellationToken cancellationToken)
    {
        if (Province(step) is { } province && !await db.Provinces.AnyAsync(p => p.Code == province, cancellationToken))
        {
            step.Error("province", $"Không có tỉnh/thành phố mã \"{province}\" trong danh mục 34 tỉnh, thành phố. Bỏ trường này để sửa bảng dùng chung toàn quốc.");
        }

        var entries = Read(step, report: true);
        if (entries.Count == 0 && !Replace(step) && !step.HasErrors)
        {
            step.Error("entries", "Danh sách trống: không có gì để thêm (muốn xóa hết bảng của tỉnh thì ghi \"replace\": true).");
        }
    }

    public async Task ApplyAsync(RecipeStepContext step, CancellationToken cancellationToken)
    {
        var province = Province(step);
        var wanted = Read(step, report: false);
        var existing = await db.Set<SearchSynonym>().Where(s => s.ProvinceCode == province).ToListAsync(cancellationToken);
        var byKey = new Dictionary<string, SearchSynonym>();
        foreach (var row in existing)
        {
            var key = KeyOf(row.Everyday, row.Official);
            if (!byKey.TryAdd(key, row) && Replace(step))
            {
                // Two stored spellings of one rule (written before this step cleaned text): keep one.
                db.Remove(row);
            }
        }

        foreach (var entry in wanted)
        {
            if (byKey.Remove(entry.Key, out var row))
            {
                // The file's spelling wins, so the table reads as the recipe was written.
                row.Everyday = entry.Everyday;
                row.Official = entry.Official;
            }
            else
            {
                db.Add(new SearchSynonym { ProvinceCode = province, Everyday = entry.Everyday, Official = entry.Official });
            }
        }

        if (Replace(step))
        {
            db.RemoveRange(byKey.Values);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The step's entries, cleaned; with <paramref name="report"/>, every problem is reported on its field.</summary>
    public static List<Entry> Read(RecipeStepContext step, bool report)
    {
        var result = new List<Entry>();
        var seen = new Dictionary<string, int>();
        var i = 0;
        foreach (var item in step.Json["entries"] is JsonArray entries ? entries : [])
        {
            var field = $"entries[{i}]";
            var index = i++;
            if (item is not JsonObject entry)
            {
                Report(step, report, field, "Mỗi mục phải là một đối tượng {\"everyday\": …, \"official\": …}.");
                continue;
            }

            var everyday = Clean(entry["everyday"]);
            var official = Clean(entry["official"]);
            var badEveryday = Check(everyday, "cụm từ người dân hay dùng");
            var badOfficial = Check(official, "từ ngữ chính thức trong tên thủ tục");
            if (badEveryday is not null)
            {
                Report(step, report, field + ".everyday", badEveryday);
            }

            if (badOfficial is not null)
            {
                Report(step, report, field + ".official", badOfficial);
            }

            if (badEveryday is not null || badOfficial is not null)
            {
                continue;
            }

            var cleaned = new Entry(everyday, official);
            if (SearchSynonyms.FoldedWords(everyday).SequenceEqual(SearchSynonyms.FoldedWords(official)))
            {
                Report(step, report, field + ".official", $"\"{official}\" trùng với từ thông dụng \"{everyday}\" khi tìm kiếm (không phân biệt hoa thường, dấu): dòng này không có tác dụng.");
                continue;
            }

            if (seen.TryGetValue(cleaned.Key, out var earlier))
            {
                Report(step, report, field + ".everyday", $"\"{everyday}\" → \"{official}\" đã khai ở entries[{earlier}]: mỗi cặp từ chỉ khai một lần.");
                continue;
            }

            seen[cleaned.Key] = index;
            result.Add(cleaned);
        }

        return result;
    }

    /// <summary>NFC, trimmed, inner runs of spaces as one space: what is stored and shown.</summary>
    public static string Clean(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var text) ? Spaces().Replace(VietnameseText.Normalize(text), " ").Trim() : "";

    private static string? Check(string text, string what) =>
        text.Length == 0 ? $"Để trống: hãy ghi {what}."
        : text.Length > MaxLength ? $"Dài {text.Length} ký tự, tối đa {MaxLength}."
        : !text.Any(char.IsLetter) ? $"\"{text}\" không có chữ cái nào: hãy ghi {what}."
        : null;

    private static string KeyOf(string everyday, string official) =>
        string.Join(' ', SearchSynonyms.FoldedWords(everyday)) + "\u2192" + string.Join(' ', SearchSynonyms.FoldedWords(official));

    private static string? Province(RecipeStepContext step) => (string?)step.Json["province"];

    private static bool Replace(RecipeStepContext step) => step.Json["replace"] is JsonValue v && v.TryGetValue<bool>(out var replace) && replace;

    private static void Report(RecipeStepContext step, bool report, string field, string message)
    {
        if (report)
        {
            step.Error(field, message);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
