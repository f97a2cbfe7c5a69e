using QmsPortal.Web.Text;

namespace QmsPortal.Tests.Text;

public sealed class VietnamesePhoneTests
{
    [Theory]
    [InlineData("0232 3000 000", "02323000000")]
    [InlineData("0912.345.678", "0912345678")]
    [InlineData("(0232) 3822 123", "02323822123")]
    [InlineData("+84 232 3822 123", "+842323822123")]
    [InlineData("1900 1234", "19001234")]
    public void A_phone_number_alone_is_one_dialable_part(string text, string tel) =>
        Assert.Equal(new[] { new VietnamesePhone.Part(text, tel) }, VietnamesePhone.Split(text));

    [Fact]
    public void Numbers_inside_text_are_found_and_the_text_around_them_kept()
    {
        var parts = VietnamesePhone.Split("Quầy số 1, ĐT 0232 3000 000 - 0912 345 678 (giờ hành chính)");

        Assert.Equal(new[]
        {
            new VietnamesePhone.Part("Quầy số 1, ĐT ", null),
            new VietnamesePhone.Part("0232 3000 000", "02323000000"),
            new VietnamesePhone.Part(" - ", null),
            new VietnamesePhone.Part("0912 345 678", "0912345678"),
            new VietnamesePhone.Part(" (giờ hành chính)", null),
        }, parts);
    }

    [Theory]
    [InlineData("Lệ phí 20.000.000 đồng")]
    [InlineData("Mã thủ tục 1.001193")]
    [InlineData("Quyết định 125/QĐ-UBND ngày 02/03/2026")]
    [InlineData("Quầy số 0123")]
    public void Amounts_codes_dates_and_short_numbers_stay_text(string text) =>
        Assert.Equal(new[] { new VietnamesePhone.Part(text, null) }, VietnamesePhone.Split(text));
}
