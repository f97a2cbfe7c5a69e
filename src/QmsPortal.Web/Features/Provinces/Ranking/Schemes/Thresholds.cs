using System.Globalization;
using System.Text.Json.Nodes;

namespace QmsPortal.Web.Features.Provinces.Ranking.Schemes;

public enum ThresholdType
{
    /// <summary>A whole number (a count, months, steps).</summary>
    WholeNumber,

    /// <summary>A number that may have decimals (a percentage).</summary>
    Number,

    /// <summary>One of a few words, e.g. <c>"target"</c> or <c>"threshold"</c>.</summary>
    Choice,
}

/// <summary>One threshold a criterion reads: its JSON name, type, allowed range and what it means (for error messages and the page).</summary>
public sealed record ThresholdField(string Name, ThresholdType Type, string Meaning, decimal Min = 0, decimal Max = 100, IReadOnlyList<string>? Choices = null, bool Optional = false);

/// <summary>
/// The thresholds of one criterion in a scheme, read and type-checked against the criterion's fields. Stored as the
/// JSON object it came from, so a scheme reads back exactly as the recipe wrote it.
/// </summary>
public sealed class Thresholds
{
    private readonly Dictionary<string, decimal> _numbers;
    private readonly Dictionary<string, string> _choices;

    private Thresholds(Dictionary<string, decimal> numbers, Dictionary<string, string> choices)
    {
        _numbers = numbers;
        _choices = choices;
    }

    public int WholeNumber(string name) => (int)_numbers[name];

    public decimal Number(string name) => _numbers[name];

    public bool Has(string name) => _numbers.ContainsKey(name) || _choices.ContainsKey(name);

    public string Choice(string name) => _choices[name];

    public JsonObject ToJson()
    {
        var json = new JsonObject();
        foreach (var (name, value) in _choices)
        {
            json[name] = value;
        }

        foreach (var (name, value) in _numbers)
        {
            json[name] = value == decimal.Truncate(value) ? JsonValue.Create((long)value) : JsonValue.Create(value);
        }

        return json;
    }

    /// <summary>
    /// Reads <paramref name="json"/> against <paramref name="fields"/>; each problem goes to <paramref name="report"/> with
    /// the threshold's name. Returns null when anything is wrong (missing, wrong type, out of range, unknown).
    /// </summary>
    public static Thresholds? Read(JsonNode? json, IReadOnlyList<ThresholdField> fields, Action<string?, string> report)
    {
        if (json is not JsonObject values)
        {
            report(null, "Phải là một đối tượng JSON các ngưỡng, ví dụ " + Example(fields) + ".");
            return null;
        }

        var numbers = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var choices = new Dictionary<string, string>(StringComparer.Ordinal);
        var ok = true;
        foreach (var (name, _) in values)
        {
            if (fields.All(f => f.Name != name))
            {
                report(name, $"Tiêu chí này không có ngưỡng \"{name}\"; các ngưỡng là: {string.Join(", ", fields.Select(f => f.Name))}.");
                ok = false;
            }
        }

        foreach (var field in fields)
        {
            var value = values[field.Name];
            if (value is null)
            {
                if (!field.Optional)
                {
                    report(field.Name, $"Thiếu ngưỡng \"{field.Name}\" ({field.Meaning}).");
                    ok = false;
                }

                continue;
            }

            var problem = field.Type switch
            {
                ThresholdType.Choice => ReadChoice(value, field, choices),
                _ => ReadNumber(value, field, numbers),
            };
            if (problem is not null)
            {
                report(field.Name, problem);
                ok = false;
            }
        }

        return ok ? new Thresholds(numbers, choices) : null;
    }

    private static string? ReadChoice(JsonNode value, ThresholdField field, Dictionary<string, string> choices)
    {
        var allowed = string.Join(" hoặc ", field.Choices!.Select(c => $"\"{c}\""));
        if (value is not JsonValue v || !v.TryGetValue<string>(out var text))
        {
            return $"Phải là chữ {allowed} ({field.Meaning}), không phải {Describe(value)}.";
        }

        if (!field.Choices!.Contains(text))
        {
            return $"\"{text}\" không được chấp nhận: phải là {allowed} ({field.Meaning}).";
        }

        choices[field.Name] = text;
        return null;
    }

    private static string? ReadNumber(JsonNode value, ThresholdField field, Dictionary<string, decimal> numbers)
    {
        var kind = field.Type == ThresholdType.WholeNumber ? "một số nguyên" : "một số";
        if (!TryNumber(value, out var number))
        {
            return $"Phải là {kind} ({field.Meaning}), không phải {Describe(value)}.";
        }

        if (field.Type == ThresholdType.WholeNumber && number != decimal.Truncate(number))
        {
            return $"Phải là {kind} ({field.Meaning}), không phải {number.ToString(CultureInfo.InvariantCulture)}.";
        }

        if (number < field.Min || number > field.Max)
        {
            return $"{number.ToString(CultureInfo.InvariantCulture)} ngoài khoảng cho phép {field.Min.ToString(CultureInfo.InvariantCulture)}–{field.Max.ToString(CultureInfo.InvariantCulture)} ({field.Meaning}).";
        }

        numbers[field.Name] = number;
        return null;
    }

    /// <summary>A JSON number as a decimal, whether it was parsed from a file or built in code (either JsonValue kind).</summary>
    internal static bool TryNumber(JsonNode? node, out decimal number)
    {
        number = 0;
        return node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number
            && decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    private static string Describe(JsonNode value) => value switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => $"chữ \"{s}\"",
        JsonValue v when v.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => "giá trị đúng/sai",
        JsonValue => value.ToJsonString(),
        JsonArray => "một danh sách",
        _ => "một đối tượng",
    };

    private static string Example(IReadOnlyList<ThresholdField> fields) =>
        "{" + string.Join(", ", fields.Where(f => !f.Optional).Select(f => $"\"{f.Name}\": " + (f.Type == ThresholdType.Choice ? $"\"{f.Choices![0]}\"" : f.Max.ToString(CultureInfo.InvariantCulture)))) + "}";
}
