using System.Text.Json.Nodes;

namespace QmsPortal.Web.Features.Provinces.Ranking.Schemes;

/// <summary>A scheme as a recipe step writes it, checked field by field; not yet stored.</summary>
public sealed record SchemeDraft(string ProvinceCode, int Year, int Version, string Title, IReadOnlyList<SchemeCriterion> Criteria)
{
    public string CriteriaJson => Scheme.CriteriaToJson(Criteria);
}

/// <summary>
/// Reads a scheme from its JSON, reporting each problem on the field at fault (<c>criteria[2].key</c>,
/// <c>criteria[0].thresholds.fullAt</c>, <c>criteria[].weight</c> for the sum), so a refusal says what to fix.
/// </summary>
public static class SchemeReader
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    /// <summary>The scheme of a <c>province-scoring</c> step, or null after reporting every problem.</summary>
    public static SchemeDraft? Read(JsonObject json, Action<string, string> report)
    {
        var ok = true;
        var province = (json["province"] as JsonValue)?.TryGetValue<string>(out var p) == true ? p : null;
        if (province is null || province.Length != 2 || !province.All(char.IsAsciiDigit))
        {
            report("province", "Phải là mã tỉnh, thành phố gồm 2 chữ số, ví dụ \"44\".");
            ok = false;
        }

        var year = Integer(json["year"]);
        if (year is not (>= MinYear and <= MaxYear))
        {
            report("year", $"Phải là năm chấm điểm, một số nguyên từ {MinYear} đến {MaxYear}.");
            ok = false;
        }

        var version = Integer(json["version"]);
        if (version is not >= 1)
        {
            report("version", "Phải là số phiên bản, một số nguyên từ 1 trở lên (tăng mỗi lần tỉnh sửa bộ tiêu chí của năm).");
            ok = false;
        }

        var title = (json["title"] as JsonValue)?.TryGetValue<string>(out var t) == true ? t.Trim() : "";
        if (title.Length == 0 || title.Length > ScoringScheme.TitleMaxLength)
        {
            report("title", $"Phải có tên bộ tiêu chí, 1–{ScoringScheme.TitleMaxLength} ký tự.");
            ok = false;
        }

        var criteria = ReadCriteria(json["criteria"], report);
        return ok && criteria is not null ? new SchemeDraft(province!, year!.Value, version!.Value, title, criteria) : null;
    }

    /// <summary>Criteria stored by a step that validated them; a stored row that no longer reads is a bug, not user input.</summary>
    public static IReadOnlyList<SchemeCriterion> StoredCriteria(string json)
    {
        var problems = new List<string>();
        var criteria = ReadCriteria(JsonNode.Parse(json), (field, message) => problems.Add($"{field}: {message}"));
        return criteria ?? throw new InvalidOperationException("A stored scoring scheme does not read: " + string.Join(" ", problems));
    }

    private static List<SchemeCriterion>? ReadCriteria(JsonNode? node, Action<string, string> report)
    {
        if (node is not JsonArray items || items.Count == 0)
        {
            report("criteria", "Phải là danh sách có ít nhất một tiêu chí {\"key\", \"weight\", \"thresholds\"}.");
            return null;
        }

        var ok = true;
        var result = new List<SchemeCriterion>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var weights = new List<int>();
        for (var i = 0; i < items.Count; i++)
        {
            var at = $"criteria[{i}]";
            if (items[i] is not JsonObject item)
            {
                report(at, "Mỗi tiêu chí phải là một đối tượng {\"key\", \"weight\", \"thresholds\"}.");
                ok = false;
                continue;
            }

            var key = (item["key"] as JsonValue)?.TryGetValue<string>(out var k) == true ? k : null;
            var criterion = ScoringCriteria.Find(key);
            if (criterion is null)
            {
                report(at + ".key", (key is null ? "Thiếu tên tiêu chí." : $"Không có tiêu chí \"{key}\".")
                    + " Các tiêu chí có thể dùng: " + string.Join(", ", ScoringCriteria.All.Select(c => c.Key)) + ".");
                ok = false;
            }
            else if (seen.TryGetValue(criterion.Key, out var earlier))
            {
                report(at + ".key", $"Tiêu chí \"{criterion.Key}\" đã khai ở criteria[{earlier}]: mỗi tiêu chí chỉ khai một lần.");
                ok = false;
                criterion = null;
            }
            else
            {
                seen[criterion.Key] = i;
            }

            var weight = Integer(item["weight"]);
            if (weight is not (>= 1 and <= Scheme.TotalWeight))
            {
                report(at + ".weight", $"Phải là trọng số (số điểm tối đa của tiêu chí), một số nguyên từ 1 đến {Scheme.TotalWeight}.");
                ok = false;
            }
            else
            {
                weights.Add(weight.Value);
            }

            foreach (var name in item.Select(p => p.Key).Where(n => n is not ("key" or "weight" or "thresholds")))
            {
                report($"{at}.{name}", "Trường không được hỗ trợ: mỗi tiêu chí chỉ có \"key\", \"weight\", \"thresholds\".");
                ok = false;
            }

            if (criterion is null)
            {
                continue;
            }

            var thresholdsAt = at + ".thresholds";
            var thresholds = Thresholds.Read(item["thresholds"], criterion.Fields, (name, message) => report(name is null ? thresholdsAt : $"{thresholdsAt}.{name}", message));
            if (thresholds is null)
            {
                ok = false;
                continue;
            }

            if (criterion.Check(thresholds) is { } problem)
            {
                report($"{thresholdsAt}.{problem.Field}", problem.Message);
                ok = false;
                continue;
            }

            if (weight is { } w)
            {
                result.Add(new SchemeCriterion(criterion, w, thresholds));
            }
        }

        if (weights.Count == items.Count && weights.Sum() != Scheme.TotalWeight)
        {
            report("criteria[].weight", $"Tổng trọng số là {weights.Sum()} ({string.Join(" + ", weights)}), phải đúng {Scheme.TotalWeight}.");
            ok = false;
        }

        return ok ? result : null;
    }

    internal static int? Integer(JsonNode? node) =>
        Thresholds.TryNumber(node, out var d) && d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue
            ? (int)d : null;
}
