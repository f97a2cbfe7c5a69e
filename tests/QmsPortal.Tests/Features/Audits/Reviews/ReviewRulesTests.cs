using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Features.Audits.Reviews;

namespace QmsPortal.Tests.Features.Audits.Reviews;

/// <summary>The rules a management review adds to its record: minutes with content before closing, confirmation after closing.</summary>
public sealed class ReviewRulesTests
{
    private static readonly AuditPerson Chair = new("u-chair", "Phạm Chủ Tịch", "Chủ tịch UBND xã");
    private static readonly AuditPerson Deputy = new("u-deputy", "Lê Phó Chủ Tịch", "Phó Chủ tịch UBND xã");
    private static readonly DateOnly HeldOn = new(2026, 11, 20);
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    private static ManagementReview Review() => ManagementReview.Open(HeldOn, new(2025, 11, 1), new(2026, 10, 31), Chair, true, null, "{}");

    [Fact]
    public void The_minutes_close_only_once_the_discussion_is_written()
    {
        var review = Review();

        var empty = Assert.Throws<DomainException>(() => review.Close(Chair, Now));
        review.RecordOutputs("Rủi ro nhân sự.", "Hệ thống phù hợp.", null, null, null);
        review.Close(Chair, Now);

        Assert.Equal("Discussion", empty.Field);
        Assert.Equal(ReviewStatus.Closed, review.Status);
        Assert.Equal("Rủi ro nhân sự.", review.Risks);
        Assert.Throws<DomainException>(() => review.RecordOutputs(null, "Sửa sau khi kết thúc.", null, null, null));
    }

    [Fact]
    public void Effectiveness_is_confirmed_by_an_approver_after_the_minutes_are_closed_on_a_date_between_the_meeting_and_today()
    {
        var review = Review();
        var today = new DateOnly(2026, 11, 25);

        var draft = Assert.Throws<DomainException>(() => review.ConfirmEffectiveness(today, Deputy, true, "Có hiệu lực.", today, Now));
        review.RecordOutputs(null, "Hệ thống phù hợp.", null, null, null);
        review.Close(Chair, Now);
        var beforeMeeting = Assert.Throws<DomainException>(() => review.ConfirmEffectiveness(HeldOn.AddDays(-1), Deputy, true, "Có hiệu lực.", today, Now));
        var future = Assert.Throws<DomainException>(() => review.ConfirmEffectiveness(today.AddDays(1), Deputy, true, "Có hiệu lực.", today, Now));
        var notApprover = Assert.Throws<DomainException>(() => review.ConfirmEffectiveness(today, Deputy, false, "Có hiệu lực.", today, Now));
        var confirmation = review.ConfirmEffectiveness(today, Deputy, true, "Hệ thống có hiệu lực.", today, Now);

        Assert.Contains("kết thúc biên bản", draft.Message, StringComparison.Ordinal);
        Assert.Equal("ConfirmedOn", beforeMeeting.Field);
        Assert.Equal("ConfirmedOn", future.Field);
        Assert.Contains("phê duyệt", notApprover.Message, StringComparison.Ordinal);
        Assert.Equal((today, "Lê Phó Chủ Tịch", "Hệ thống có hiệu lực."), (confirmation.ConfirmedOn, confirmation.ApproverName, confirmation.Statement));
    }

    [Fact]
    public void A_snapshot_reads_back_as_written_and_an_unknown_one_reads_as_nothing()
    {
        var inputs = new ReviewInputs(ReviewInputs.CurrentFormat, new(2025, 11, 1), new(2026, 10, 31), new(2026, 11, 20), [], [],
            new FindingFigures(1, 2, 3, 4, 5, 6, 7), [new OpenFinding("PH-2026-001", FindingGrade.MajorNonconformity, "8.5", "1.001193", new(2026, 10, 7))],
            new ActionFigures(1, 2, 3, 4, 5, 6), [],
            [new ObjectiveResult("Đúng hạn", "Tỷ lệ đúng hạn", "%", 95, ObjectiveDirection.AtLeast, [new MonthValue(new(2026, 10, 1), 96.5m, true)])],
            new FeedbackFigures(3, 1), new DeskFigures(1, 200, 190, 10, 9, 171, 180), new LegalFigures(1, 0, 1), []);

        var back = ReviewInputs.FromJson(inputs.ToJson())!;

        Assert.Contains("Đúng hạn", inputs.ToJson(), StringComparison.Ordinal);
        Assert.Equal(inputs.Findings, back.Findings);
        Assert.Equal(inputs.OpenFindings, back.OpenFindings);
        Assert.Equal(96.5m, back.Objectives[0].Values[0].Value);
        Assert.Equal(95m, back.Desk.OnTimeRate());
        Assert.Null(ReviewInputs.FromJson("{}"));
        Assert.Null(ReviewInputs.FromJson("không phải JSON"));
    }
}
