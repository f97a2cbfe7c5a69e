using System.Globalization;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Audits.Objectives;

/// <summary>How objectives, targets and measured values read in Vietnamese ("96,5%", "≥ 95%", "3 phiếu").</summary>
public static class ObjectiveFormat
{
    public static string Number(decimal value) => value.ToString("#,0.##", VietnameseFormat.Culture);

    public static string Value(decimal value, string unit) => unit == "%" ? $"{Number(value)}%" : $"{Number(value)} {unit}";

    public static string Target(ObjectiveDirection direction, decimal target, string unit) =>
        $"{(direction == ObjectiveDirection.AtLeast ? "≥" : "≤")} {Value(target, unit)}";

    public static string Month(DateOnly month) => month.ToString("MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"T3/26": short enough for twelve labels under a phone-width chart.</summary>
    public static string ShortMonth(DateOnly month) => $"T{month.Month}/{month.Year % 100:00}";

    public static string Measure(DeskMeasure measure) => measure switch
    {
        DeskMeasure.OnTimeRate => "Tỷ lệ hồ sơ đúng hạn (đúng hạn / tiếp nhận)",
        DeskMeasure.Apologies => "Số phiếu xin lỗi",
        DeskMeasure.Satisfaction => "Tỷ lệ hài lòng (hài lòng / được khảo sát)",
        DeskMeasure.Late => "Số hồ sơ trễ hạn",
        _ => "Nhập tay hằng tháng",
    };

    /// <summary>
    /// A number as people type it: "96,5" or "96.5" (one decimal separator, no thousands separator), never read through
    /// the request culture, where "96.5" would mean 965.
    /// </summary>
    public static decimal? Parse(string? text)
    {
        var value = (text ?? "").Trim().Replace(',', '.');
        return value.Count(c => c == '.') <= 1 && decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
    }

    public static string Direction(ObjectiveDirection direction) => direction == ObjectiveDirection.AtLeast ? "Không thấp hơn (≥)" : "Không vượt quá (≤)";
}
