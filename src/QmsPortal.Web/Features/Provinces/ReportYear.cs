using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Provinces;

/// <summary>
/// The year a province page works on (<c>?nam=2026</c>): this year in Viet Nam when none is given, otherwise a year from
/// 2015 (Quyết định 19/2014/QĐ-TTg took effect) to next year, so a plan can be drafted ahead.
/// </summary>
public static class ReportYear
{
    public const int First = 2015;

    public static (int Year, string? Error) Parse(string? text, TimeProvider clock)
    {
        var thisYear = VietnameseFormat.Today(clock).Year;
        if (string.IsNullOrWhiteSpace(text))
        {
            return (thisYear, null);
        }

        return int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
            && year >= First && year <= thisYear + 1
            ? (year, null)
            : (thisYear, $"Năm phải là số từ {First} đến {thisYear + 1}.");
    }
}
