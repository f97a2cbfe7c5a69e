using System.Text;
using QmsPortal.Web.Search;
using QmsPortal.Web.Search.Analysis;

namespace QmsPortal.Tests.Search.Analysis;

public sealed class SearchSnippetsTests
{
    private static readonly HashSet<string> None = [];

    private static HashSet<string> Set(params string[] words) => [.. words];

    private static SnippetPart M(string text) => new(text, true);

    private static SnippetPart P(string text) => new(text, false);

    private static readonly SnippetPart Cut = new("…", false);

    [Fact]
    public void Mark_marks_words_whose_fold_is_a_term()
    {
        var parts = SearchSnippets.Mark("Đăng ký khai sinh", Set("dang", "ki"), None);

        Assert.Equal([M("Đăng"), P(" "), M("ký"), P(" khai sinh")], parts);
    }

    [Fact]
    public void Mark_marks_words_starting_with_a_prefix()
    {
        var parts = SearchSnippets.Mark("Đăng ký khai sinh", Set("dang"), Set("kh"));

        Assert.Equal([M("Đăng"), P(" ký "), M("khai"), P(" sinh")], parts);
    }

    [Fact]
    public void Mark_keeps_the_text_whole_when_nothing_matches()
    {
        Assert.Equal([P("Cấp giấy phép xây dựng")], SearchSnippets.Mark("Cấp giấy phép xây dựng", Set("khai"), Set("sinh")));
    }

    [Fact]
    public void Mark_of_empty_text_has_no_parts()
    {
        Assert.Empty(SearchSnippets.Mark("", Set("khai"), None));
    }

    [Fact]
    public void Mark_marks_a_match_at_the_very_end()
    {
        Assert.Equal([P("Thủ tục khai "), M("sinh")], SearchSnippets.Mark("Thủ tục khai sinh", Set("sinh"), None));
        Assert.Equal([P("Thủ tục khai "), M("sinh"), P(".")], SearchSnippets.Mark("Thủ tục khai sinh.", Set("sinh"), None));
    }

    [Fact]
    public void Mark_cuts_decomposed_text_without_changing_it()
    {
        var nfd = "Đăng ký khai sinh".Normalize(NormalizationForm.FormD);

        var parts = SearchSnippets.Mark(nfd, Set("ki"), None);

        Assert.Equal([P("Đăng ".Normalize(NormalizationForm.FormD)), M("ký".Normalize(NormalizationForm.FormD)), P(" khai sinh")], parts);
    }

    [Fact]
    public void Mark_compares_codes_by_their_parts()
    {
        Assert.Equal(
            [P("Nghị định "), M("15"), P("/2020/"), M("NĐ"), P("-CP")],
            SearchSnippets.Mark("Nghị định 15/2020/NĐ-CP", Set("15", "nd"), None));
    }

    private const string Instructions =
        "Giấy chứng sinh do bệnh viện cấp. Người đi đăng ký khai sinh cho trẻ em mang theo giấy tờ tùy thân của mình.";

    [Fact]
    public void Best_shows_the_window_with_the_most_distinct_terms_with_context_before_it()
    {
        var parts = SearchSnippets.Best(Instructions, Set("dang", "ki", "khai", "sinh"), None, 30);

        Assert.Equal(
            [Cut, P("đi "), M("đăng"), P(" "), M("ký"), P(" "), M("khai"), P(" "), M("sinh"), P(" cho trẻ"), Cut],
            parts);
    }

    [Fact]
    public void Best_prefers_matches_next_to_each_other()
    {
        const string text = "Tờ khai của người yêu cầu và bản sao giấy tờ chứng minh nơi sinh của trẻ, " +
            "kèm giấy chứng nhận khai sinh bản chính.";

        var parts = SearchSnippets.Best(text, Set("khai", "sinh"), None, 70);

        Assert.Equal(Cut, parts[0]);
        Assert.Single(parts, p => p == M("khai"));
        var khai = parts.ToList().IndexOf(M("khai"));
        Assert.Equal([M("khai"), P(" "), M("sinh")], parts.Skip(khai).Take(3));
    }

    [Fact]
    public void Best_shows_the_start_when_nothing_matches()
    {
        Assert.Equal([P("Giấy chứng sinh do bệnh viện"), Cut], SearchSnippets.Best(Instructions, Set("xyz"), None, 30));
    }

    [Fact]
    public void Best_of_empty_text_has_no_parts()
    {
        Assert.Empty(SearchSnippets.Best("", Set("khai"), None));
    }

    [Fact]
    public void Best_of_a_short_text_is_the_whole_text_marked()
    {
        Assert.Equal([P("Khai "), M("sinh")], SearchSnippets.Best("Khai sinh", Set("sinh"), None));
    }

    [Fact]
    public void Best_keeps_a_match_at_the_very_end_without_a_trailing_cut()
    {
        var parts = SearchSnippets.Best(Instructions + " Sau đó nộp lệ phí hộ tịch.", Set("tich"), None, 30);

        Assert.Equal([Cut, P("Sau đó nộp lệ phí hộ "), M("tịch"), P(".")], parts);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(25)]
    [InlineData(40)]
    [InlineData(80)]
    [InlineData(109)]
    public void Best_stays_within_max_chars_and_cuts_only_between_words(int maxChars)
    {
        foreach (var text in new[] { Instructions, Instructions.Normalize(NormalizationForm.FormD) })
        {
            var parts = SearchSnippets.Best(text, Set("tuy", "than"), Set("gi"), maxChars);

            var shown = string.Concat(parts.Where(p => p != Cut).Select(p => p.Text));
            Assert.InRange(shown.Length, 1, maxChars);
            var at = text.IndexOf(shown, StringComparison.Ordinal);
            Assert.True(at >= 0, shown);
            Assert.True(at == 0 || !char.IsLetterOrDigit(text[at - 1]), shown);
            var end = at + shown.Length;
            Assert.True(end == text.Length || !char.IsLetterOrDigit(text[end]), shown);
            Assert.Equal(at > 0, parts[0] == Cut);
            Assert.Equal(end < text.Length, parts[^1] == Cut);
            Assert.All(parts.Where(p => p.Match), p => Assert.True(
                VietnameseSyllables.Fold(p.Text) is "tuy" or "than" || VietnameseSyllables.Fold(p.Text).StartsWith("gi", StringComparison.Ordinal), p.Text));
            for (var i = 1; i < parts.Count; i++)
            {
                Assert.False(!parts[i].Match && !parts[i - 1].Match && parts[i] != Cut && parts[i - 1] != Cut, "unmerged plain parts");
            }
        }
    }

    [Fact]
    public void Best_marks_decomposed_text_in_its_own_characters()
    {
        var nfd = Instructions.Normalize(NormalizationForm.FormD);

        var parts = SearchSnippets.Best(nfd, Set("dang", "ki", "khai", "sinh"), None, 40);

        Assert.Equal(
            ["đăng".Normalize(NormalizationForm.FormD), "ký".Normalize(NormalizationForm.FormD), "khai", "sinh"],
            parts.Where(p => p.Match).Select(p => p.Text));
    }

    [Fact]
    public void Best_cuts_a_word_longer_than_the_window_between_characters()
    {
        var text = string.Concat(Enumerable.Repeat("𝐀", 20));

        Assert.Equal([P("𝐀𝐀"), Cut], SearchSnippets.Best(text, Set("x"), None, 5));
    }

    [Fact]
    public void Best_finds_the_earliest_of_equal_windows()
    {
        const string text = "Khai sinh tại xã. Rồi khai sinh lại ở phường khi cần thiết nữa.";

        var parts = SearchSnippets.Best(text, Set("khai", "sinh"), None, 20);

        Assert.Equal([M("Khai"), P(" "), M("sinh"), P(" tại xã"), Cut], parts);
    }
}
