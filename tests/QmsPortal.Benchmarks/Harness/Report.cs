using System.Globalization;
using System.Text.Json;

namespace QmsPortal.Benchmarks.Harness;

/// <summary>A plain-text table for people; right-aligned numbers, left-aligned labels.</summary>
internal sealed class ReportTable(string title, params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public ReportTable Row(params object?[] cells)
    {
        _rows.Add(cells.Select(Format).ToArray());
        return this;
    }

    public void Print()
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => i < r.Length ? r[i].Length : 0))).ToArray();
        Console.WriteLine();
        Console.WriteLine(title);
        Console.WriteLine(Line(headers, widths));
        Console.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in _rows)
        {
            Console.WriteLine(Line(row, widths));
        }
    }

    public static string Format(object? value) => value switch
    {
        null => "-",
        double d when double.IsNaN(d) => "-",
        double d => d.ToString(Math.Abs(d) >= 100 ? "0" : Math.Abs(d) >= 10 ? "0.0" : "0.00", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", widths.Select((w, i) =>
        {
            var cell = i < cells.Length ? cells[i] : "";
            return i == 0 || !LooksNumeric(cell) ? cell.PadRight(w) : cell.PadLeft(w);
        })).TrimEnd();

    private static bool LooksNumeric(string cell) => cell.Length > 0 && (char.IsDigit(cell[0]) || cell == "-" || (cell[0] == '-' && cell.Length > 1));
}

/// <summary>One JSON object on one line, so scripts can pick the figures out with <c>grep '^{"benchmark"'</c>.</summary>
internal static class JsonLine
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Serialize(object figures) => JsonSerializer.Serialize(figures, Options);

    public static void Print(object figures)
    {
        Console.WriteLine();
        Console.WriteLine(Serialize(figures));
    }

    public static double Round(double value, int digits = 2) => double.IsNaN(value) ? value : Math.Round(value, digits);
}
