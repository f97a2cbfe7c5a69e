using System.Text;
using QmsPortal.Web.Search.Analysis;

namespace QmsPortal.Tests.Search.Analysis;

public sealed class VietnameseWordsTests
{
    private static string[] Words(string text) =>
        VietnameseWords.Split(text).Select(w => text.Substring(w.Start, w.Length)).ToArray();

    [Fact]
    public void Split_gives_offsets_into_the_text()
    {
        Assert.Equal([(0, 4), (5, 2), (8, 4), (13, 4)], VietnameseWords.Split("Đăng ký khai sinh").ToArray());
    }

    [Fact]
    public void Split_cuts_codes_at_punctuation()
    {
        Assert.Equal(["1", "001193"], Words("1.001193"));
        Assert.Equal(["NĐ", "CP"], Words("NĐ-CP"));
        Assert.Equal(
            [(0, 5), (6, 4), (11, 2), (14, 2), (17, 4), (22, 2), (25, 2)],
            VietnameseWords.Split("Quyết định số 15/2020/NĐ-CP").ToArray());
    }

    [Fact]
    public void Split_keeps_combining_marks_inside_their_word()
    {
        var nfd = "Đăng ký, khai sinh.".Normalize(NormalizationForm.FormD);

        Assert.Equal(
            ["Đăng".Normalize(NormalizationForm.FormD), "ký".Normalize(NormalizationForm.FormD), "khai", "sinh"],
            Words(nfd));
        Assert.Equal([(0, 5), (6, 3), (11, 4), (16, 4)], VietnameseWords.Split(nfd).ToArray());
    }

    [Fact]
    public void Split_treats_surrogate_pairs_as_one_character()
    {
        Assert.Equal(["𝐀bc"], Words("𝐀bc"));
        Assert.Equal(["a", "b"], Words("a😀b"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" ,.-/() ")]
    [InlineData("\u0301")]
    public void Split_finds_no_word_in_text_without_letters_or_digits(string text) =>
        Assert.Empty(VietnameseWords.Split(text));

    [Fact]
    public void Split_reads_letters_and_digits_together_and_every_kind_of_space_apart()
    {
        Assert.Equal(["Mẫu", "01a", "Tờ", "khai"], Words("Mẫu 01a\u00a0Tờ\tkhai\n"));
    }
}
