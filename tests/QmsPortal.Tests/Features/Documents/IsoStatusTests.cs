using QmsPortal.Web.Features.Documents;

namespace QmsPortal.Tests.Features.Documents;

public sealed class IsoStatusTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static IsoFacts Facts(ConformityAnnouncementFacts? announcement = null, DateOnly? audit = null, DateOnly? review = null, string[]? scope = null,
        IsoDocumentFacts? policy = null, IsoDocumentFacts? procedures = null) => new(
        Policy: policy ?? new(1), Objectives: new(1), Procedures: procedures ?? new(3), audit, review, LastEffectivenessConfirmation: audit,
        announcement, (scope ?? ["1.001193", "1.000894"]).ToHashSet(), OverdueLegalUpdates: 0, Today);

    private static ConformityAnnouncementFacts Announcement(params string[] scope) =>
        new("12/QĐ-UBND", new DateOnly(2026, 3, 2), "Trần Văn Chính", "Chủ tịch UBND xã", scope.ToHashSet(), new DateOnly(2026, 3, 3), "Bộ phận Một cửa");

    [Fact]
    public void Built_but_not_applied_until_audit_review_and_confirmation_exist()
    {
        var status = IsoStatus.Derive(Facts());

        Assert.True(status.Steps[0].Done);
        Assert.False(status.Steps[1].Done);
        Assert.Equal(1, status.StepsDone);
    }

    [Fact]
    public void All_four_steps_are_done_with_recent_evidence_and_a_posted_announcement_of_the_same_scope()
    {
        var status = IsoStatus.Derive(Facts(Announcement("1.001193", "1.000894"), new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 1)));

        Assert.Equal(4, status.StepsDone);
        Assert.False(status.ReannouncementRequired);
    }

    [Fact]
    public void A_changed_scope_requires_re_announcement_and_names_the_difference()
    {
        var status = IsoStatus.Derive(Facts(Announcement("1.001193", "1.000656"), new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 1)));

        Assert.True(status.ReannouncementRequired);
        Assert.Equal(["1.000894"], status.ScopeAdded);
        Assert.Equal(["1.000656"], status.ScopeRemoved);
        Assert.False(status.Steps[3].Done);
    }

    [Fact]
    public void Maintenance_lapses_when_the_last_audit_is_over_a_year_old()
    {
        var status = IsoStatus.Derive(Facts(Announcement("1.001193", "1.000894"), new DateOnly(2025, 10, 1), new DateOnly(2026, 6, 1)));

        Assert.True(status.Steps[2].Done);
        Assert.False(status.Steps[3].Done);
        Assert.Contains("Chưa đánh giá nội bộ trong 12 tháng qua", status.Steps[3].Missing);
    }

    [Fact]
    public void Templates_from_a_recipe_do_not_build_the_system_and_the_step_says_why()
    {
        var status = IsoStatus.Derive(Facts(policy: new(Issued: 0, Templates: 1), procedures: new(Issued: 0, Templates: 15)));

        Assert.False(status.Steps[0].Done);
        Assert.Equal(0, status.StepsDone);
        Assert.Contains("Chưa ban hành chính sách chất lượng: chính sách chất lượng đang áp dụng mới là bản mẫu từ công thức khởi tạo, xã cần điều chỉnh, phê duyệt và ban hành",
            status.Steps[0].Missing);
        Assert.Contains(status.Steps[0].Missing, m => m.StartsWith("Chưa ban hành quy trình nào: các quy trình đang áp dụng mới là bản mẫu", StringComparison.Ordinal));
        Assert.Contains("Mục tiêu chất lượng đã được xã phê duyệt và ban hành", status.Steps[0].Evidence);
    }

    [Fact]
    public void A_policy_issued_by_the_commune_with_a_future_date_does_not_count_until_that_date()
    {
        var status = IsoStatus.Derive(Facts(policy: new(Issued: 0, Templates: 1, Upcoming: new DateOnly(2026, 12, 1))));

        Assert.False(status.Steps[0].Done);
        Assert.Contains("Chính sách chất lượng do xã ban hành sắp có hiệu lực từ 01/12/2026", status.Steps[0].Missing);
    }
}
