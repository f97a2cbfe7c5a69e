using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits;

namespace QmsPortal.Tests.Features.Audits;

/// <summary>The rules of the audit records, on the entities themselves (no database).</summary>
public sealed class AuditRulesTests
{
    private static readonly AuditPerson Lead = new("u-lead", "Nguyễn Trưởng Đoàn", "Chuyên gia đánh giá");
    private static readonly AuditPerson Member = new("u-member", "Trần Thành Viên", null);
    private static readonly AuditPerson Secretary = new("u-secretary", "Lê Thư Ký", "Thư ký ISO");
    private static readonly AuditPerson Chair = new("u-chair", "Phạm Chủ Tịch", "Chủ tịch UBND xã");
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    private static ChecklistQuestion[] Bank() =>
    [
        ChecklistQuestion.Create("7.5.3", "Tài liệu đang áp dụng có đúng bản ban hành mới nhất không?", isStarter: true),
        ChecklistQuestion.Create("8.5", "Hồ sơ TTHC có được trả đúng hẹn không?", isStarter: true),
        ChecklistQuestion.Create("9.3", "Lãnh đạo đã xem xét hệ thống trong năm chưa?", isStarter: true),
    ];

    private static Audit PlannedAudit(params string[] clauses) =>
        AuditProgramme.Create(2026, null).Plan(10, "Đánh giá quy trình hộ tịch", AuditScope.Create(["QT-05/TB-HT"], ["1.001193"], clauses), Lead, [Member], new HashSet<string>());

    [Fact]
    public void An_auditor_responsible_for_work_in_the_scope_cannot_audit_it()
    {
        var programme = AuditProgramme.Create(2026, null);

        var refused = Assert.Throws<DomainException>(() => programme.Plan(10, "Đánh giá hộ tịch", AuditScope.Create([], ["1.001193"], ["8"]), Lead, [Member],
            new HashSet<string> { Member.UserId }));

        Assert.Contains("Trần Thành Viên", refused.Message);
        Assert.Contains("không được đánh giá công việc của chính mình", refused.Message);
        Assert.Equal("Team", refused.Field);
        Assert.Empty(programme.Audits);
    }

    [Fact]
    public void Opening_builds_the_checklist_from_the_clauses_in_scope_and_their_sub_clauses()
    {
        var audit = PlannedAudit("7", "8");

        audit.Open(new DateOnly(2026, 10, 5), "Đoàn đánh giá, bộ phận Tư pháp – Hộ tịch", Bank(), Lead);

        Assert.Equal(AuditStatus.InProgress, audit.Status);
        Assert.Equal(["7.5.3", "8.5"], audit.Answers.Select(a => a.Clause));
        Assert.Equal(new DateOnly(2026, 10, 31), audit.DueDate);
    }

    [Fact]
    public void The_report_is_signed_only_by_the_lead_once_every_question_is_answered_and_the_dates_are_in_order()
    {
        var audit = PlannedAudit("7", "8");
        audit.Open(new DateOnly(2026, 10, 5), null, Bank(), Lead);

        var unanswered = Assert.Throws<DomainException>(() => audit.SignReport(new DateOnly(2026, 10, 6), "Hệ thống phù hợp.", Lead, Now));
        audit.Answer(audit.Answers[0], AnswerResult.Conform, null, Member);
        Assert.Throws<DomainException>(() => audit.Answer(audit.Answers[1], AnswerResult.Nonconform, null, Member));
        audit.Answer(audit.Answers[1], AnswerResult.Nonconform, "Hồ sơ số 12 trả trễ 2 ngày, không có phiếu xin lỗi.", Member);
        var notLead = Assert.Throws<DomainException>(() => audit.SignReport(new DateOnly(2026, 10, 6), "Kết luận.", Member, Now));
        var backwards = Assert.Throws<DomainException>(() => audit.SignReport(new DateOnly(2026, 10, 4), "Kết luận.", Lead, Now));
        audit.SignReport(new DateOnly(2026, 10, 6), "Hệ thống cơ bản phù hợp; một điểm không phù hợp nhẹ.", Lead, Now);

        Assert.Contains("chưa có kết quả", unanswered.Message);
        Assert.Contains("trưởng đoàn", notLead.Message);
        Assert.Equal("ClosingMeetingOn", backwards.Field);
        Assert.Equal(AuditStatus.Reported, audit.Status);
        Assert.Throws<DomainException>(() => audit.Answer(audit.Answers[0], AnswerResult.Observation, "Sau khi ký.", Lead));
    }

    private static Finding Nonconformity() =>
        Finding.Raise("PH-2026-001", FindingGrade.MinorNonconformity, "8.5", FindingSubject.Tthc, "1.001193", "Trả hồ sơ trễ hạn không xin lỗi.", FindingOrigin.Direct, Lead, Today);

    [Fact]
    public void A_nonconformity_closes_only_with_an_action_checked_effective()
    {
        var finding = Nonconformity();
        var action = CorrectiveAction.Plan(finding, "Gọi điện xin lỗi người dân.", "Không theo dõi hạn trả.", "Lập sổ theo dõi hạn trả hằng ngày.", Member,
            Today.AddDays(14), "Không còn hồ sơ trễ hạn trong 2 tháng.", 30, Secretary, Today, Now);

        var early = Assert.Throws<DomainException>(() => finding.Close([action], null, Secretary, Today));
        var notDone = Assert.Throws<DomainException>(() => action.CheckEffectiveness(true, "Tốt.", Today.AddDays(60), Secretary, Now));
        action.Complete("Sổ theo dõi đã lập từ 01/12.", Today.AddDays(5), Member, Now);
        var tooSoon = Assert.Throws<DomainException>(() => action.CheckEffectiveness(true, "Tốt.", Today.AddDays(10), Secretary, Now));
        var byOwner = Assert.Throws<DomainException>(() => action.CheckEffectiveness(true, "Tốt.", Today.AddDays(40), Member, Now));
        action.CheckEffectiveness(true, "Hai tháng không có hồ sơ trễ.", Today.AddDays(40), Secretary, Now);
        finding.Close([action], null, Secretary, Today.AddDays(40));

        Assert.Contains("hiệu lực", early.Message);
        Assert.Contains("chưa được báo hoàn thành", notDone.Message);
        Assert.Equal("CheckedOn", tooSoon.Field);
        Assert.Contains("không tự kiểm tra", byOwner.Message);
        Assert.Equal(FindingStatus.Closed, finding.Status);
        Assert.Equal([CorrectiveActionChange.Planned, CorrectiveActionChange.Completed, CorrectiveActionChange.CheckedEffective], action.Events.Select(e => e.Change));
    }

    [Fact]
    public void Not_effective_reopens_the_action_and_keeps_the_history()
    {
        var action = CorrectiveAction.Plan(Nonconformity(), "Khoanh vùng.", "Nguyên nhân.", "Hành động.", Member, Today.AddDays(7), "Tiêu chí.", 0, Secretary, Today, Now);
        action.Complete("Đã làm.", Today.AddDays(1), Member, Now);

        action.CheckEffectiveness(false, "Vẫn còn 3 hồ sơ trễ hạn.", Today.AddDays(1), Secretary, Now);

        Assert.Equal(CorrectiveActionStatus.Open, action.Status);
        Assert.Null(action.CompletedOn);
        Assert.Equal(CorrectiveActionChange.CheckedNotEffective, action.Events[^1].Change);
        Assert.Equal(3, action.Events.Count);
        Assert.True(action.IsOverdue(Today.AddDays(8)));
    }

    [Fact]
    public void Observations_need_no_action_but_a_note_to_close_and_get_no_corrective_action()
    {
        var observation = Finding.Raise("PH-2026-002", FindingGrade.Observation, "7.4", FindingSubject.Process, "Trao đổi thông tin", "Bảng tin chưa cập nhật.", FindingOrigin.Direct, Lead, Today);

        Assert.Throws<DomainException>(() => CorrectiveAction.Plan(observation, "a", "b", "c", Member, Today, "d", 0, Secretary, Today, Now));
        Assert.Equal("Note", Assert.Throws<DomainException>(() => observation.Close([], null, Secretary, Today)).Field);
        observation.Close([], "Đã nhắc bộ phận Một cửa cập nhật.", Secretary, Today);
        Assert.Equal(FindingStatus.Closed, observation.Status);
    }

    [Fact]
    public void A_management_review_needs_an_approver_as_chair_and_a_period_in_order()
    {
        var noChair = Assert.Throws<DomainException>(() => ManagementReview.Open(Today, new(2026, 1, 1), new(2026, 10, 31), null, false, null, "{}"));
        var notApprover = Assert.Throws<DomainException>(() => ManagementReview.Open(Today, new(2026, 1, 1), new(2026, 10, 31), Secretary, false, null, "{}"));
        var backwards = Assert.Throws<DomainException>(() => ManagementReview.Open(Today, new(2026, 10, 31), new(2026, 1, 1), Chair, true, null, "{}"));
        var review = ManagementReview.Open(Today, new(2026, 1, 1), new(2026, 10, 31), Chair, true, "Lãnh đạo UBND, thư ký ISO", "{}");
        review.Decide("Bổ sung biểu mẫu theo Thông tư 03/2025.", Secretary, Today.AddMonths(1));
        var notChair = Assert.Throws<DomainException>(() => review.Close(Secretary, Now));
        review.RecordOutputs(null, "Hệ thống phù hợp và được duy trì.", null, null, null);
        review.Close(Chair, Now);

        Assert.Equal("ChairId", noChair.Field);
        Assert.Equal("ChairId", notApprover.Field);
        Assert.Equal("PeriodFrom", backwards.Field);
        Assert.Contains("chủ trì", notChair.Message);
        Assert.Equal(ReviewStatus.Closed, review.Status);
        Assert.Throws<DomainException>(() => review.Decide("Sau khi kết thúc.", Secretary, Today.AddMonths(1)));
    }

    [Fact]
    public void Objective_values_are_one_per_month_checked_against_the_unit_and_computed_from_desk_statistics()
    {
        var onTime = QualityObjective.Create("Giải quyết đúng hạn", "Tỷ lệ hồ sơ giải quyết đúng hạn", "%", 95, ObjectiveDirection.AtLeast, DeskMeasure.OnTimeRate);
        var month = new DeskStatistics { Month = new(2026, 10, 1), Received = 200, OnTime = 192, Late = 8, Apologies = 8, Satisfied = 180, Surveyed = 190 };

        onTime.SetValue(new DateOnly(2026, 10, 17), 90, ObjectiveValueSource.Typed);
        onTime.SetValue(new DateOnly(2026, 10, 1), onTime.ValueFrom(month)!.Value, ObjectiveValueSource.Imported);

        var value = Assert.Single(onTime.Values);
        Assert.Equal((96m, new DateOnly(2026, 10, 1), ObjectiveValueSource.Imported), (value.Value, value.Month, value.Source));
        Assert.True(onTime.Meets(96));
        Assert.Equal("Value", Assert.Throws<DomainException>(() => onTime.SetValue(Today, 101, ObjectiveValueSource.Typed)).Field);
        Assert.Null(month.Check());
        Assert.Equal("dung_han", new DeskStatistics { Received = 10, OnTime = 9, Late = 2 }.Check()!.Value.Column);
    }

    [Fact]
    public void The_corrective_report_of_a_province_inspection_is_due_two_months_after_the_minutes()
    {
        var inspection = ProvinceInspection.Record(new(2026, 9, 10), new(2026, 9, 12), "Sở Khoa học và Công nghệ", "Đoàn kiểm tra của Sở", true, null, Secretary);

        Assert.Equal(new DateOnly(2026, 11, 12), inspection.ReportDueDate);
        Assert.Equal("MinutesDate", Assert.Throws<DomainException>(() => ProvinceInspection.Record(new(2026, 9, 10), new(2026, 9, 9), "Sở", "Đoàn", false, null, Secretary)).Field);
        Assert.Throws<DomainException>(() => inspection.SubmitReport(new(2026, 9, 1), "Báo cáo số 12/BC-UBND"));
        inspection.SubmitReport(new(2026, 11, 1), "Báo cáo số 12/BC-UBND");
        Assert.Equal(new DateOnly(2026, 11, 1), inspection.ReportSubmittedOn);
    }
}
