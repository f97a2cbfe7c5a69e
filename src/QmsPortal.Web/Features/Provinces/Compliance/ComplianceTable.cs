using System.Globalization;
using Microsoft.AspNetCore.Http;
using QmsPortal.Web.Exports;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Provinces.Compliance;

public enum ColumnKind
{
    Commune,
    Step,
    Date,
    Count,
    Percent,
    Objective,
}

/// <summary>A column as the page, its filters and the exports name it: <see cref="Key"/> is its query-string name.</summary>
public sealed record ComplianceColumnInfo(ComplianceColumn Column, string Key, string Header, ColumnKind Kind);

public static class ComplianceColumns
{
    public static readonly IReadOnlyList<ComplianceColumnInfo> All =
    [
        new(ComplianceColumn.Commune, "xa", "Xã, phường", ColumnKind.Commune),
        new(ComplianceColumn.Step1, "buoc-1", "Bước 1: Xây dựng", ColumnKind.Step),
        new(ComplianceColumn.Step2, "buoc-2", "Bước 2: Áp dụng", ColumnKind.Step),
        new(ComplianceColumn.Step3, "buoc-3", "Bước 3: Công bố", ColumnKind.Step),
        new(ComplianceColumn.Step4, "buoc-4", "Bước 4: Duy trì, cải tiến", ColumnKind.Step),
        new(ComplianceColumn.LastInternalAudit, "danh-gia-noi-bo", "Đánh giá nội bộ gần nhất", ColumnKind.Date),
        new(ComplianceColumn.LastManagementReview, "xem-xet-lanh-dao", "Xem xét của lãnh đạo gần nhất", ColumnKind.Date),
        new(ComplianceColumn.OpenCorrectiveActions, "khac-phuc-mo", "Hành động khắc phục đang mở", ColumnKind.Count),
        new(ComplianceColumn.OverdueCorrectiveActions, "khac-phuc-qua-han", "Hành động khắc phục quá hạn", ColumnKind.Count),
        new(ComplianceColumn.DocumentsOverdueForReview, "tai-lieu-qua-han", "Tài liệu quá hạn xem xét định kỳ", ColumnKind.Count),
        new(ComplianceColumn.LegalUpdatesOverdue, "van-ban-qua-han", "Cập nhật theo văn bản pháp luật quá hạn", ColumnKind.Count),
        new(ComplianceColumn.PostingCompleteness, "niem-yet", "Niêm yết TTHC đầy đủ (%)", ColumnKind.Percent),
        new(ComplianceColumn.StalePostings, "niem-yet-cu", "TTHC niêm yết chưa cập nhật", ColumnKind.Count),
        new(ComplianceColumn.OpenCitizenReports, "phan-anh", "Phản ánh của người dân chưa xử lý", ColumnKind.Count),
        new(ComplianceColumn.OnTimeRate, "dung-han", "Tỷ lệ hồ sơ đúng hạn", ColumnKind.Objective),
        new(ComplianceColumn.Satisfaction, "hai-long", "Mức độ hài lòng", ColumnKind.Objective),
    ];

    public static ComplianceColumnInfo Of(ComplianceColumn column) => All.Single(c => c.Column == column);

    public static ComplianceStep? Step(ComplianceRow row, ComplianceColumn column) => column switch
    {
        ComplianceColumn.Step1 => row.Steps.FirstOrDefault(s => s.Number == 1),
        ComplianceColumn.Step2 => row.Steps.FirstOrDefault(s => s.Number == 2),
        ComplianceColumn.Step3 => row.Steps.FirstOrDefault(s => s.Number == 3),
        ComplianceColumn.Step4 => row.Steps.FirstOrDefault(s => s.Number == 4),
        _ => null,
    };

    public static DateOnly? Date(ComplianceRow row, ComplianceColumn column) => column switch
    {
        ComplianceColumn.LastInternalAudit => row.LastInternalAudit,
        ComplianceColumn.LastManagementReview => row.LastManagementReview,
        _ => Step(row, column)?.Date,
    };

    public static int Count(ComplianceRow row, ComplianceColumn column) => column switch
    {
        ComplianceColumn.OpenCorrectiveActions => row.OpenCorrectiveActions,
        ComplianceColumn.OverdueCorrectiveActions => row.OverdueCorrectiveActions,
        ComplianceColumn.DocumentsOverdueForReview => row.DocumentsOverdueForReview,
        ComplianceColumn.LegalUpdatesOverdue => row.LegalUpdatesOverdue,
        ComplianceColumn.StalePostings => row.StalePostings,
        ComplianceColumn.OpenCitizenReports => row.OpenCitizenReports,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, null),
    };

    public static ObjectiveReading? Objective(ComplianceRow row, ComplianceColumn column) =>
        column == ComplianceColumn.OnTimeRate ? row.OnTimeRate : column == ComplianceColumn.Satisfaction ? row.Satisfaction : null;

    /// <summary>The figure a percentage filter compares: posting completeness or an objective's latest value.</summary>
    public static decimal? Percent(ComplianceRow row, ComplianceColumn column) =>
        column == ComplianceColumn.PostingCompleteness ? row.PostingCompleteness : Objective(row, column)?.Value;
}

/// <summary>
/// What the reader asked of the table through the query string (one GET form, no script): the day, the filters of every
/// column and the sort. The same view serves the page and the downloads, so a file holds exactly the rows shown.
/// </summary>
public sealed class ComplianceView
{
    public const string DateKey = "ngay";
    public const string NameKey = "ten";
    public const string SortKey = "sap-xep";
    public const string DirectionKey = "chieu";
    public const string Ascending = "tang";
    public const string Descending = "giam";

    /// <summary>Values of a step filter: reached, or not reached.</summary>
    public const string Reached = "dat";
    public const string NotReached = "chua";

    /// <summary>Values of a date filter: no record, last one 12 months old or more, within the 12 months.</summary>
    public const string NoDate = "chua-co";
    public const string OlderThanYear = "qua-12-thang";
    public const string WithinYear = "trong-12-thang";

    /// <summary>Values of a count filter.</summary>
    public const string Zero = "0";
    public const string AboveZero = "lon-hon-0";

    public static string BelowKey(ComplianceColumnInfo column) => column.Key + "-duoi";

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public DateOnly AsOf { get; private init; }
    public bool IsToday { get; private init; }
    public string Name { get; private init; } = "";
    public ComplianceColumn Sort { get; private init; }
    public bool SortDescending { get; private init; }
    public List<string> Errors { get; } = [];

    /// <summary>The accepted value of a filter (or the date / name), as typed, to show again in the form.</summary>
    public string Value(string key) => _values.GetValueOrDefault(key, "");

    public static ComplianceView Parse(IQueryCollection query, DateOnly today)
    {
        string Raw(string key) => VietnameseText.Normalize(query[key].ToString()).Trim();
        var dateText = Raw(DateKey);
        var asOf = today;
        var errors = new List<string>();
        if (dateText.Length > 0)
        {
            if (!DateOnly.TryParseExact(dateText, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
            {
                errors.Add($"Ngày xem số liệu \"{Cut(dateText)}\" không đúng dạng ngày/tháng/năm (ví dụ {VietnameseFormat.Date(today)}): bảng hiện số liệu hôm nay.");
                asOf = today;
                dateText = "";
            }
            else if (asOf > today)
            {
                errors.Add($"Ngày xem số liệu {dateText} là ngày trong tương lai: bảng hiện số liệu hôm nay.");
                asOf = today;
                dateText = "";
            }
        }

        var sortKey = Raw(SortKey);
        var sort = ComplianceColumns.All.FirstOrDefault(c => c.Key == sortKey)?.Column ?? ComplianceColumn.Commune;
        var view = new ComplianceView
        {
            AsOf = asOf,
            IsToday = asOf == today,
            Name = Raw(NameKey),
            Sort = sort,
            SortDescending = Raw(DirectionKey) == Descending,
        };
        view.Errors.AddRange(errors);
        view.Keep(DateKey, dateText);
        view.Keep(NameKey, view.Name.Length > 200 ? view.Name[..200] : view.Name);
        foreach (var column in ComplianceColumns.All)
        {
            switch (column.Kind)
            {
                case ColumnKind.Step:
                    view.Keep(column.Key, Raw(column.Key) is Reached or NotReached ? Raw(column.Key) : "");
                    break;
                case ColumnKind.Date:
                    view.Keep(column.Key, Raw(column.Key) is NoDate or OlderThanYear or WithinYear ? Raw(column.Key) : "");
                    break;
                case ColumnKind.Count:
                    view.Keep(column.Key, Raw(column.Key) is Zero or AboveZero ? Raw(column.Key) : "");
                    break;
                case ColumnKind.Percent or ColumnKind.Objective:
                    var text = Raw(BelowKey(column));
                    if (text.Length > 0 && ParsePercent(text) is null)
                    {
                        view.Errors.Add($"Ô \"{column.Header} dưới\" cần một số từ 0 đến 100 (đã nhập \"{Cut(text)}\"): bộ lọc này chưa được áp dụng.");
                        text = "";
                    }

                    view.Keep(BelowKey(column), text);
                    break;
            }
        }

        return view;
    }

    public IReadOnlyList<ComplianceRow> Apply(IEnumerable<ComplianceRow> rows)
    {
        var words = VietnameseText.LooseWords(Name);
        var yearAgo = AsOf.AddYears(-1);
        var filtered = rows.Where(r => words.Length == 0 || VietnameseText.LooseMatches(VietnameseText.Loose(r.Name), words));
        foreach (var column in ComplianceColumns.All)
        {
            var c = column.Column;
            switch (column.Kind)
            {
                case ColumnKind.Step when Value(column.Key) is { Length: > 0 } v:
                    filtered = filtered.Where(r => ComplianceColumns.Step(r, c)?.Done == (v == Reached));
                    break;
                case ColumnKind.Date when Value(column.Key) is { Length: > 0 } v:
                    filtered = filtered.Where(r => ComplianceColumns.Date(r, c) is { } d
                        ? v == OlderThanYear ? d <= yearAgo : v == WithinYear && d > yearAgo
                        : v == NoDate);
                    break;
                case ColumnKind.Count when Value(column.Key) is { Length: > 0 } v:
                    filtered = filtered.Where(r => v == Zero ? ComplianceColumns.Count(r, c) == 0 : ComplianceColumns.Count(r, c) > 0);
                    break;
                case ColumnKind.Percent or ColumnKind.Objective when ParsePercent(Value(BelowKey(column))) is { } below:
                    filtered = filtered.Where(r => ComplianceColumns.Percent(r, c) < below);
                    break;
            }
        }

        var byName = StringComparer.Create(VietnameseFormat.Culture, CompareOptions.IgnoreCase);
        var sorted = SortDescending ? filtered.OrderByDescending(r => r, Comparer(Sort, byName)) : filtered.OrderBy(r => r, Comparer(Sort, byName));
        return sorted.ThenBy(r => r.Name, byName).ThenBy(r => r.TenantId).ToList();
    }

    /// <summary>The query string of this view with another sort (the header links), or as it is (the downloads).</summary>
    public string QueryString(ComplianceColumn? sort = null, bool? descending = null)
    {
        var pairs = _values.Where(p => p.Value.Length > 0).Select(p => (p.Key, p.Value)).ToList();
        var s = sort ?? Sort;
        var desc = descending ?? SortDescending;
        if (s != ComplianceColumn.Commune || desc)
        {
            pairs.Add((SortKey, ComplianceColumns.Of(s).Key));
            pairs.Add((DirectionKey, desc ? Descending : Ascending));
        }

        return pairs.Count == 0 ? "" : "?" + string.Join("&", pairs.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
    }

    public bool IsFiltered => _values.Any(p => p.Key != DateKey && p.Value.Length > 0);

    /// <summary>The table as a file: the rows shown, in the order shown, one column per figure (dates and values in their own cells).</summary>
    public static ExportTable Export(string provinceName, DateOnly asOf, IReadOnlyList<ComplianceRow> rows)
    {
        var columns = new List<ExportColumn> { new("Xã, phường", 28), new("Mã", 8) };
        foreach (var column in ComplianceColumns.All.Skip(1))
        {
            switch (column.Kind)
            {
                case ColumnKind.Step:
                    columns.Add(new(column.Header, 12));
                    columns.Add(new("Ngày đạt " + column.Header.Split(':')[0].ToLower(VietnameseFormat.Culture), 12));
                    break;
                case ColumnKind.Objective:
                    columns.Add(new(column.Header + " (%)", 12));
                    columns.Add(new(column.Header + ": tháng", 10));
                    columns.Add(new(column.Header + ": chỉ tiêu (%)", 12));
                    columns.Add(new(column.Header + ": đạt chỉ tiêu", 10));
                    break;
                default:
                    columns.Add(new(column.Header, 14));
                    break;
            }
        }

        var table = new ExportTable("Tuân thủ ISO", columns);
        table.Preamble.Add($"{provinceName}: tình hình áp dụng, duy trì hệ thống quản lý chất lượng của các xã, phường");
        table.Preamble.Add($"Số liệu tính đến ngày {VietnameseFormat.Date(asOf)}");
        foreach (var r in rows)
        {
            var cells = new List<ExportCell> { r.Name, r.Code };
            foreach (var column in ComplianceColumns.All.Skip(1))
            {
                switch (column.Kind)
                {
                    case ColumnKind.Step:
                        var step = ComplianceColumns.Step(r, column.Column);
                        cells.Add(step?.Done == true ? "Đạt" : "Chưa đạt");
                        cells.Add(ExportCell.Of(step?.Date));
                        break;
                    case ColumnKind.Date:
                        cells.Add(ExportCell.Of(ComplianceColumns.Date(r, column.Column)));
                        break;
                    case ColumnKind.Count:
                        cells.Add(ComplianceColumns.Count(r, column.Column));
                        break;
                    case ColumnKind.Percent:
                        cells.Add(ExportCell.Percent(r.PostingCompleteness / 100m));
                        break;
                    case ColumnKind.Objective:
                        var o = ComplianceColumns.Objective(r, column.Column);
                        cells.Add(ExportCell.Of(o?.Value));
                        cells.Add(o is null ? ExportCell.Empty : o.Month.ToString("MM/yyyy", CultureInfo.InvariantCulture));
                        cells.Add(ExportCell.Of(o?.Target));
                        cells.Add(o is null ? ExportCell.Empty : o.Met ? "Đạt" : "Không đạt");
                        break;
                }
            }

            table.Add([.. cells]);
        }

        return table;
    }

    public static decimal? ParsePercent(string? text) =>
        decimal.TryParse(text?.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 100 ? value : null;

    private void Keep(string key, string value) => _values[key] = value;

    private static string Cut(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static Comparer<ComplianceRow> Comparer(ComplianceColumn column, StringComparer byName) => Comparer<ComplianceRow>.Create(ComplianceColumns.Of(column).Kind switch
    {
        ColumnKind.Commune => (a, b) => byName.Compare(a.Name, b.Name),
        // A step reached sorts after one not reached; among those reached, by the day it was reached.
        ColumnKind.Step => (a, b) => (ComplianceColumns.Step(a, column)?.Done ?? false, ComplianceColumns.Date(a, column) ?? DateOnly.MinValue)
            .CompareTo((ComplianceColumns.Step(b, column)?.Done ?? false, ComplianceColumns.Date(b, column) ?? DateOnly.MinValue)),
        ColumnKind.Date => (a, b) => Nullable.Compare(ComplianceColumns.Date(a, column), ComplianceColumns.Date(b, column)),
        ColumnKind.Count => (a, b) => ComplianceColumns.Count(a, column).CompareTo(ComplianceColumns.Count(b, column)),
        _ => (a, b) => Nullable.Compare(ComplianceColumns.Percent(a, column), ComplianceColumns.Percent(b, column)),
    });
}
