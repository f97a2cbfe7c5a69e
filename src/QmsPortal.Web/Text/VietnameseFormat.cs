using System.Globalization;

namespace QmsPortal.Web.Text;

/// <summary>How the product writes dates, money and times for Vietnamese readers.</summary>
public static class VietnameseFormat
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Asia/Ho_Chi_Minh (UTC+7, no daylight saving).</summary>
    public static readonly TimeZoneInfo TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset instant) => Local(instant).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset instant) => Local(instant).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>200000 → "200.000 đ".</summary>
    public static string Money(decimal amount) => amount.ToString("#,0", Culture) + " đ";

    public static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Local(clock.GetUtcNow()).DateTime);
}
