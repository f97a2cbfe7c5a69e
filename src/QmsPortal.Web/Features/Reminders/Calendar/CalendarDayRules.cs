namespace QmsPortal.Web.Features.Reminders.Calendar;

/// <summary>
/// What a calendar day must satisfy, wherever it is written (the recipe step <c>working-calendar</c>, the page
/// /admin/lich-lam-viec): each check returns a Vietnamese message, or null when the day is acceptable.
/// </summary>
public static class CalendarDayRules
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    /// <summary>A make-up working day replaces a day off the week gives (nghị định: làm bù vào thứ Bảy), so it must fall on a weekend.</summary>
    public static string? CheckMakeUpDay(DateOnly date) =>
        date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
            ? null
            : $"Ngày làm bù {Text.VietnameseFormat.Date(date)} là {Weekday(date)}: ngày làm bù phải là thứ Bảy hoặc Chủ nhật (ngày thường vốn đã là ngày làm việc).";

    /// <summary>Holidays need their name (the reminder mail and the page show it); make-up days may go without one.</summary>
    public static string? CheckName(string? name, CalendarDayKind kind)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0 && kind == CalendarDayKind.Holiday)
        {
            return "Nhập tên ngày nghỉ (ví dụ \"Tết Dương lịch\", \"Nghỉ bù Giỗ Tổ Hùng Vương\").";
        }

        return trimmed.Length > CalendarDay.NameMaxLength ? $"Tên ngày tối đa {CalendarDay.NameMaxLength} ký tự." : null;
    }

    public static string? CheckYear(int year) =>
        year is < MinYear or > MaxYear ? $"Năm phải từ {MinYear} đến {MaxYear}." : null;

    public static string Both(DateOnly date) =>
        $"Ngày {Text.VietnameseFormat.Date(date)} vừa là ngày nghỉ vừa là ngày làm bù: một ngày chỉ có một loại.";

    /// <summary>The name stored: trimmed, and "Ngày làm bù" for a make-up day given none.</summary>
    public static string StoredName(string? name, CalendarDayKind kind) =>
        name?.Trim() is { Length: > 0 } trimmed ? trimmed : kind == CalendarDayKind.MakeUpWorkingDay ? "Ngày làm bù" : "";

    /// <summary>"Thứ Hai" … "Chủ nhật".</summary>
    public static string Weekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Monday => "thứ Hai",
        DayOfWeek.Tuesday => "thứ Ba",
        DayOfWeek.Wednesday => "thứ Tư",
        DayOfWeek.Thursday => "thứ Năm",
        DayOfWeek.Friday => "thứ Sáu",
        DayOfWeek.Saturday => "thứ Bảy",
        _ => "Chủ nhật",
    };
}
