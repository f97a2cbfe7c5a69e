using Microsoft.Extensions.Time.Testing;
using QmsPortal.Web.Text;

namespace QmsPortal.Tests.Text;

public sealed class VietnameseFormatTests
{
    [Theory]
    [InlineData(200000, "200.000 đ")]
    [InlineData(8000, "8.000 đ")]
    [InlineData(0, "0 đ")]
    public void Money_uses_dot_grouping_and_the_dong_sign(decimal amount, string expected) =>
        Assert.Equal(expected, VietnameseFormat.Money(amount));

    [Fact]
    public void Dates_are_day_month_year_in_Ho_Chi_Minh_time()
    {
        // 18:30 UTC on 31/12 is already 01:30 on 01/01 in Việt Nam (UTC+7).
        var instant = new DateTimeOffset(2025, 12, 31, 18, 30, 0, TimeSpan.Zero);

        Assert.Equal("01/01/2026", VietnameseFormat.Date(instant));
        Assert.Equal("01:30 01/01/2026", VietnameseFormat.DateTime(instant));
        Assert.Equal(new DateOnly(2026, 1, 1), VietnameseFormat.Today(new FakeTimeProvider(instant)));
    }
}
