using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace QmsPortal.Web.Features.Audits.Objectives;

/// <summary>One month of the one-stop desk's figures read from a CSV row.</summary>
public sealed record DeskMonth(int Row, DateOnly Month, int Received, int OnTime, int Late, int Apologies, int Satisfied, int Surveyed)
{
    public DeskStatistics ToStatistics() => new()
    {
        Month = Month, Received = Received, OnTime = OnTime, Late = Late, Apologies = Apologies, Satisfied = Satisfied, Surveyed = Surveyed,
    };
}

/// <summary>A row and column of the file and what is wrong there, in Vietnamese.</summary>
public sealed record CsvProblem(int Row, string? Column, string Message)
{
    public override string ToString() => Column is null ? $"Dòng {Row}: {Message}" : $"Dòng {Row}, cột {Column}: {Message}";
}

/// <summary>
/// Reads the one-stop desk's monthly statistics: UTF-8 with or without BOM, comma or semicolon, a header row naming the
/// columns <c>thang</c> (yyyy-MM or MM/yyyy), <c>tiep_nhan</c>, <c>dung_han</c>, <c>tre_han</c>, <c>xin_loi</c>,
/// <c>hai_long</c>, <c>khao_sat</c> in any order (other columns are ignored). Every row is checked; the caller imports
/// nothing unless there is no problem at all. Rows are numbered as a spreadsheet shows them (the header is row 1).
/// </summary>
public static partial class DeskCsv
{
    public const int MaxBytes = 1024 * 1024;
    public const int MaxProblems = 20;

    public static readonly IReadOnlyList<string> Columns = ["thang", "tiep_nhan", "dung_han", "tre_han", "xin_loi", "hai_long", "khao_sat"];

    private const int MaxCount = 1_000_000;

    public static (IReadOnlyList<DeskMonth> Months, IReadOnlyList<CsvProblem> Problems) Parse(byte[] bytes, DateOnly today)
    {
        var problems = new List<CsvProblem>();
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return ([], [new CsvProblem(1, null, "Tệp không phải văn bản UTF-8: hãy lưu lại dạng \"CSV UTF-8\".")]);
        }

        var lines = text.TrimStart('\uFEFF').Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var header = lines.Count == 0 ? "" : lines[0];
        if (header.Trim().Length == 0)
        {
            return ([], [new CsvProblem(1, null, $"Dòng đầu phải là tên cột: {string.Join(", ", Columns)}.")]);
        }

        var separator = header.Count(c => c == ';') > header.Count(c => c == ',') ? ';' : ',';
        var names = Split(header, separator).Select(n => n.Trim().ToLowerInvariant()).ToList();
        var index = Columns.ToDictionary(c => c, c => names.IndexOf(c));
        var missing = Columns.Where(c => index[c] < 0).ToList();
        if (missing.Count > 0)
        {
            return ([], [new CsvProblem(1, string.Join(", ", missing), $"Thiếu cột. Dòng đầu phải có các cột: {string.Join(", ", Columns)}.")]);
        }

        var months = new List<DeskMonth>();
        var seen = new Dictionary<DateOnly, int>();
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        for (var i = 1; i < lines.Count && problems.Count < MaxProblems; i++)
        {
            var row = i + 1;
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            var fields = Split(lines[i], separator);
            string Field(string column) => index[column] < fields.Count ? fields[index[column]].Trim() : "";

            var before = problems.Count;
            var month = ParseMonth(Field("thang"));
            if (month is null)
            {
                problems.Add(new CsvProblem(row, "thang", $"\"{Field("thang")}\" không phải tháng (viết 2026-03 hoặc 03/2026)."));
            }
            else if (month > thisMonth)
            {
                problems.Add(new CsvProblem(row, "thang", $"Tháng {ObjectiveFormat.Month(month.Value)} chưa đến."));
            }
            else if (seen.TryGetValue(month.Value, out var earlier))
            {
                problems.Add(new CsvProblem(row, "thang", $"Tháng {ObjectiveFormat.Month(month.Value)} đã có ở dòng {earlier}."));
            }

            var counts = new Dictionary<string, int>();
            foreach (var column in Columns.Skip(1))
            {
                var value = Field(column);
                if (!CountPattern().IsMatch(value) || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > MaxCount)
                {
                    problems.Add(new CsvProblem(row, column, value.Length == 0 ? "Ô trống: cần một số nguyên không âm." : $"\"{value}\" không phải số nguyên không âm (tối đa 1.000.000)."));
                }
                else
                {
                    counts[column] = n;
                }
            }

            if (problems.Count > before)
            {
                continue;
            }

            var desk = new DeskMonth(row, month!.Value, counts["tiep_nhan"], counts["dung_han"], counts["tre_han"], counts["xin_loi"], counts["hai_long"], counts["khao_sat"]);
            if (desk.ToStatistics().Check() is { } bad)
            {
                problems.Add(new CsvProblem(row, bad.Column.Length == 0 ? null : bad.Column, bad.Problem));
                continue;
            }

            seen[desk.Month] = row;
            months.Add(desk);
        }

        if (problems.Count == 0 && months.Count == 0)
        {
            problems.Add(new CsvProblem(2, null, "Tệp không có dòng số liệu nào."));
        }

        return problems.Count > 0 ? ([], problems) : (months, []);
    }

    /// <summary>"2026-03" or "03/2026" (also "3/2026") → the first day of the month.</summary>
    public static DateOnly? ParseMonth(string? text)
    {
        var match = MonthPattern().Match(text?.Trim() ?? "");
        if (!match.Success)
        {
            return null;
        }

        var year = int.Parse(match.Groups["y1"].Success ? match.Groups["y1"].Value : match.Groups["y2"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m1"].Success ? match.Groups["m1"].Value : match.Groups["m2"].Value, CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 && year is >= 2000 and <= 2100 ? new DateOnly(year, month, 1) : null;
    }

    /// <summary>Splits one line; a field may be quoted ("...", with "" for a quote) so a spreadsheet's export reads as written.</summary>
    private static List<string> Split(string line, char separator)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == separator)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }

    [GeneratedRegex(@"^\d{1,7}$")]
    private static partial Regex CountPattern();

    [GeneratedRegex(@"^(?:(?<y1>\d{4})-(?<m1>\d{1,2})|(?<m2>\d{1,2})/(?<y2>\d{4}))$")]
    private static partial Regex MonthPattern();
}
