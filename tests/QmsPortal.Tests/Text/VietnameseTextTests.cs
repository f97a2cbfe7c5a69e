using System.Text;
using QmsPortal.Web.Text;

namespace QmsPortal.Tests.Text;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Đăng ký khai sinh", "dang ky khai sinh")]
    [InlineData("ĐẮK LẮK", "dak lak")]
    [InlineData("Chứng thực bản sao", "chung thuc ban sao")]
    [InlineData("Thủy Hóa", "thuy hoa")]
    public void Fold_removes_tone_marks_and_maps_d_with_stroke(string input, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(input));

    [Fact]
    public void Fold_treats_old_and_new_tone_placement_alike()
    {
        Assert.Equal(VietnameseText.Fold("hoá"), VietnameseText.Fold("hóa"));
        Assert.Equal(VietnameseText.Fold("thuỷ"), VietnameseText.Fold("thủy"));
    }

    [Fact]
    public void Fold_keeps_one_char_per_char_of_NFC_text_so_offsets_map_back()
    {
        var original = "Xã Kỳ Đồng, tỉnh Hà Tĩnh";
        var folded = VietnameseText.Fold(original);

        Assert.Equal(original.Length, folded.Length);
        var at = folded.IndexOf("dong", StringComparison.Ordinal);
        Assert.Equal("Đồng", original.Substring(at, 4));
    }

    [Fact]
    public void Normalize_composes_text_pasted_in_decomposed_form()
    {
        var decomposed = "Hộ tịch".Normalize(NormalizationForm.FormD);

        var normalized = VietnameseText.Normalize(decomposed);

        Assert.Equal("Hộ tịch", normalized);
        Assert.True(normalized.Length < decomposed.Length);
    }

    [Theory]
    [InlineData("Xã Kỳ Đồng", "xa-ky-dong")]
    [InlineData("  Phường Sông Trí (mới) ", "phuong-song-tri-moi")]
    public void Slugify_makes_an_ascii_slug(string name, string slug) => Assert.Equal(slug, VietnameseText.Slugify(name));
}
