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

    [Theory]
    [InlineData("dang ki khai sinh")]
    [InlineData("dang ky khai sinh")]
    [InlineData("khaisinh")]
    [InlineData("dangki khaisinh")]
    [InlineData("ĐĂNG KÝ KHAI SINH")]
    [InlineData("Đăng kí khai sinh")]
    [InlineData("  khai   sinh ")]
    [InlineData("1001193")]
    public void Loose_match_ignores_accents_case_i_y_and_spaces_between_syllables(string query) =>
        Assert.True(VietnameseText.LooseMatches("1.001193 Đăng ký khai sinh Hộ tịch", query));

    [Theory]
    [InlineData("ket hon")]
    [InlineData("khai tu")]
    [InlineData("khaisinhx")]
    public void Loose_match_still_needs_every_word(string query) =>
        Assert.False(VietnameseText.LooseMatches("Đăng ký khai sinh", query));

    [Fact]
    public void Loose_match_treats_a_query_without_letters_or_digits_as_no_filter()
    {
        Assert.Empty(VietnameseText.LooseWords(" - , "));
        Assert.True(VietnameseText.LooseMatches("Đăng ký kết hôn", " - "));
    }

    [Fact]
    public void Loose_form_maps_y_to_i_and_drops_separators_and_d_with_stroke()
    {
        Assert.Equal("dangkikhaisinh", VietnameseText.Loose("Đăng ký khai sinh"));
        Assert.Equal(VietnameseText.Loose("Kỳ Anh"), VietnameseText.Loose("ki anh"));
        Assert.Equal("2000815", VietnameseText.Loose("2.000815"));
    }
}
