using QmsPortal.Web.Search.Analysis;

namespace QmsPortal.Tests.Search.Analysis;

public sealed class VietnameseQuestionWordsTests
{
    [Fact]
    public void Question_words_are_folded_syllables()
    {
        Assert.All(VietnameseQuestionWords.Folded, w =>
        {
            Assert.Equal(w, VietnameseSyllables.Fold(w));
            Assert.True(VietnameseSyllables.IsSyllable(w), w);
        });
    }

    [Fact]
    public void A_typical_question_keeps_only_what_it_asks_about()
    {
        var question = "Tôi muốn làm giấy khai sinh thì cần những giấy tờ gì ở đâu mất bao nhiêu tiền";

        var kept = question.Split(' ').Select(VietnameseSyllables.Fold).Where(w => !VietnameseQuestionWords.Folded.Contains(w));

        Assert.Equal(["khai", "sinh"], kept);
    }

    [Theory]
    [InlineData("sao")]
    [InlineData("ban")]
    [InlineData("minh")]
    [InlineData("ho")]
    [InlineData("dan")]
    [InlineData("khai")]
    [InlineData("dang")]
    public void Words_that_name_procedures_are_not_question_words(string folded) =>
        Assert.DoesNotContain(folded, VietnameseQuestionWords.Folded);
}
