using System.Diagnostics;
using System.Globalization;
using QmsPortal.Benchmarks.Verbs;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Features.Audits.Reviews;

namespace QmsPortal.Benchmarks.Harness;

/// <summary>The year the loader wrote, so the verb can check the pages show it.</summary>
internal sealed record AuditYear(int ProgrammeYear, DateOnly From, DateOnly To, int Rows);

/// <summary>
/// Writes a year of audit records per commune straight into the Audits tables (names from the EF model's configuration,
/// AuditsConfigurations.cs): a programme with two reported audits of 40 answered questions, ten findings, ten corrective
/// actions in every state with their history, five objectives with twelve monthly values and the desk figures behind
/// them, and the previous year's closed management review with its decisions, the head's confirmation and the ISO
/// milestones those records write. The entities' rules (AuditProgramme.Plan, Audit.SignReport, CorrectiveAction.Plan …)
/// are bypassed only because every row written here is one they would accept: answers all given before the report is
/// signed, closing after opening, nonconformities closed only with an effective action, checks after their due date,
/// decisions due after the meeting, a review held after its period. Dates run relative to <c>today</c>: the year is the
/// twelve months that ended last month, so the review page's default period (after the last review) covers all of it.
/// </summary>
internal static class AuditLoader
{
    public const int AnswersPerAudit = 40;
    public const int FindingsPerCommune = 10;
    public const int ActionsPerCommune = 10;
    public const int Objectives = 5;

    private const int CommunesPerTransaction = 20;
    private const string Actor = "benchmark";
    private const string LeadId = "bench-auditor-lead";
    private const string LeadName = "Trần Thị Đánh Giá";
    private const string MemberId = "bench-auditor-member";
    private const string MemberName = "Phạm Văn Kiểm";
    private const string SecretaryId = "bench-secretary";
    private const string SecretaryName = "Nguyễn Thị Thư";
    private const string ChairId = "bench-chair";
    private const string ChairName = "Lê Văn Duyệt";
    private const string StaffId = "bench-staff";
    private const string StaffName = "Hoàng Văn Một Cửa";

    private static readonly string[] Tables =
    [
        "AuditProgrammes", "Audits", "AuditAnswers", "Findings", "CorrectiveActions", "CorrectiveActionEvents", "QualityObjectives", "ObjectiveValues",
        "DeskStatistics", "ManagementReviews", "ReviewActions", "EffectivenessConfirmations", "IsoEvidence",
    ];

    // Sorted as Audit.Open orders a checklist (by clause as the standard numbers them).
    private static readonly string[] Clauses = new[]
    {
        "4.1", "4.2", "4.3", "4.4", "5.1", "5.1.2", "5.2", "5.3", "6.1", "6.2", "6.3", "7.1", "7.2", "7.3", "7.4", "7.5", "7.5.2", "7.5.3", "8.1", "8.2",
        "8.4", "8.5", "8.5.3", "8.6", "8.7", "9.1", "9.1.2", "9.1.3", "9.2", "9.3", "10.1", "10.2", "10.3", "4.4", "7.5.3", "8.5", "8.7", "9.1.2", "10.2", "8.2",
    }.Order(ClauseOrder.Instance).ToArray();

    private static readonly string[] Questions =
    [
        "Bộ phận có nắm được quy trình đang áp dụng và phiên bản hiện hành không?",
        "Hồ sơ giải quyết TTHC có phiếu kiểm soát quá trình đầy đủ chữ ký không?",
        "Các hồ sơ trễ hạn có văn bản xin lỗi gửi người dân không?",
        "Tài liệu hết hiệu lực có được thu hồi khỏi nơi sử dụng không?",
        "Mục tiêu chất lượng có được theo dõi và báo cáo hằng tháng không?",
        "Phản ánh, kiến nghị của người dân có được tiếp nhận và trả lời đúng hạn không?",
        "Công chức có được phổ biến chính sách chất lượng không?",
        "Hồ sơ lưu trữ có được sắp xếp, dễ tìm và đúng thời hạn lưu không?",
    ];

    private static readonly (string Name, string Indicator, string Unit, decimal Target, ObjectiveDirection Direction, DeskMeasure Measure)[] ObjectiveRows =
    [
        ("Giải quyết hồ sơ đúng hạn", "Tỷ lệ hồ sơ giải quyết đúng hạn", "%", 95m, ObjectiveDirection.AtLeast, DeskMeasure.OnTimeRate),
        ("Hạn chế phải xin lỗi người dân", "Số phiếu xin lỗi đã phát hành trong tháng", "phiếu", 2m, ObjectiveDirection.AtMost, DeskMeasure.Apologies),
        ("Người dân hài lòng", "Mức độ hài lòng của người dân được khảo sát", "%", 90m, ObjectiveDirection.AtLeast, DeskMeasure.Satisfaction),
        ("Giảm hồ sơ trễ hạn", "Số hồ sơ trễ hạn trong tháng", "hồ sơ", 3m, ObjectiveDirection.AtMost, DeskMeasure.Late),
        ("Số hóa hồ sơ", "Tỷ lệ hồ sơ được số hóa khi tiếp nhận", "%", 80m, ObjectiveDirection.AtLeast, DeskMeasure.None),
    ];

    /// <summary>The twelve months that ended last month, in Việt Nam.</summary>
    public static AuditYear YearFor(DateOnly today)
    {
        var to = new DateOnly(today.Year, today.Month, 1).AddDays(-1);
        return new AuditYear(to.Year, new DateOnly(to.Year, to.Month, 1).AddMonths(-11), to, 0);
    }

    public static async Task<AuditYear> LoadAsync(BenchDatabase database, IReadOnlyList<DocumentsBenchmark.TenantRow> tenants, DateOnly today)
    {
        var year = YearFor(today);
        await using var connection = BulkSql.Open(database);
        await connection.OpenAsync();
        await BulkSql.StartLoadAsync(connection);

        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in Tables)
        {
            ids[table] = await BulkSql.MaxId(connection, table);
        }

        var before = new Dictionary<string, long>(ids, StringComparer.Ordinal);
        int Next(string table) => (int)++ids[table];

        // Audits in the programme year, the first about half a year before the end of the period, the second a month before it.
        var lastMonth = year.To.Month;
        var firstAuditMonth = Math.Max(1, lastMonth - 6);
        var secondAuditMonth = Math.Max(firstAuditMonth, lastMonth - 1);
        var reviewHeldOn = year.From.AddDays(14);
        var watch = Stopwatch.StartNew();
        for (var start = 0; start < tenants.Count; start += CommunesPerTransaction)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using var programme = BulkSql.Command(connection, transaction, "AuditProgrammes", "Id", "TenantId", "Year", "Notes", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy");
            await using var audit = BulkSql.Command(connection, transaction, "Audits",
                "Id", "TenantId", "ProgrammeId", "Year", "Month", "Title", "ScopeDocuments", "ScopeTthc", "ScopeClauses", "LeadAuditorId", "LeadAuditorName", "Team",
                "Status", "OpeningMeetingOn", "ClosingMeetingOn", "Participants", "Conclusion", "ReportSignedById", "ReportSignedByName", "ReportSignedAt",
                "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy");
            await using var answer = BulkSql.Command(connection, transaction, "AuditAnswers", "Id", "TenantId", "AuditId", "Order", "Clause", "Question", "Result", "Evidence");
            await using var finding = BulkSql.Command(connection, transaction, "Findings",
                "Id", "TenantId", "Reference", "Grade", "Clause", "SubjectKind", "Subject", "Description", "Source", "AuditId", "AuditAnswerId", "FeedbackId",
                "InspectionId", "RaisedById", "RaisedByName", "RaisedOn", "Status", "ClosedOn", "ClosedByName", "ClosingNote", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy");
            await using var action = BulkSql.Command(connection, transaction, "CorrectiveActions",
                "Id", "TenantId", "FindingId", "Correction", "RootCause", "Action", "OwnerId", "OwnerName", "DueDate", "SuccessCriteria", "CheckAfterDays", "Status",
                "CompletedOn", "CompletionEvidence", "CheckDueDate", "CheckedOn", "CheckedByName", "CheckNote", "Version", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy");
            await using var actionEvent = BulkSql.Command(connection, transaction, "CorrectiveActionEvents",
                "Id", "TenantId", "CorrectiveActionId", "Change", "ActorId", "ActorName", "At", "Note");
            await using var objective = BulkSql.Command(connection, transaction, "QualityObjectives",
                "Id", "TenantId", "Name", "Indicator", "Unit", "Target", "Direction", "Measure", "IsActive", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy");
            await using var value = BulkSql.Command(connection, transaction, "ObjectiveValues", "Id", "TenantId", "ObjectiveId", "Month", "Value", "Source");
            await using var desk = BulkSql.Command(connection, transaction, "DeskStatistics",
                "Id", "TenantId", "Month", "Received", "OnTime", "Late", "Apologies", "Satisfied", "Surveyed");
            await using var review = BulkSql.Command(connection, transaction, "ManagementReviews",
                "Id", "TenantId", "HeldOn", "PeriodFrom", "PeriodTo", "ChairId", "ChairName", "ChairTitle", "Participants", "InputsSnapshot", "Risks", "Discussion",
                "ImprovementOpportunities", "QmsChanges", "ResourceNeeds", "Status", "ClosedAt", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy");
            await using var decision = BulkSql.Command(connection, transaction, "ReviewActions",
                "Id", "TenantId", "ReviewId", "Text", "OwnerId", "OwnerName", "DueDate", "DoneOn", "DoneNote");
            await using var confirmation = BulkSql.Command(connection, transaction, "EffectivenessConfirmations",
                "Id", "TenantId", "ConfirmedOn", "ApproverId", "ApproverName", "ApproverTitle", "Statement", "ReviewId", "RecordedAt");
            await using var milestone = BulkSql.Command(connection, transaction, "IsoEvidence",
                "Id", "TenantId", "Kind", "Date", "Reference", "RecordPath", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy");

            foreach (var tenant in tenants.Skip(start).Take(CommunesPerTransaction))
            {
                var random = new Random(tenant.Id);
                var t = tenant.Id;

                // The previous year's review, closed, with its decisions and the head's confirmation: the page's default period starts after it.
                var reviewId = Next("ManagementReviews");
                var previousFrom = year.From.AddMonths(-12);
                var previousTo = year.From.AddDays(-1);
                var snapshot = new ReviewInputs(ReviewInputs.CurrentFormat, previousFrom, previousTo, reviewHeldOn, [], [],
                    new FindingFigures(1, 3, 2, 1, 1, 0, 6), [], new ActionFigures(4, 1, 0, 0, 3, 0), [], [],
                    new FeedbackFigures(2, 2), new DeskFigures(12, 1200, 1170, 30, 8, 520, 560), new LegalFigures(2, 2, 0), []).ToJson();
                BulkSql.Set(review, reviewId, t, reviewHeldOn, previousFrom, previousTo, ChairId, ChairName, "Chủ tịch UBND xã",
                    "Lãnh đạo UBND xã, Thư ký ISO, công chức các bộ phận", snapshot, "Số hồ sơ tăng vào cuối năm; thiếu công chức một cửa khi nghỉ phép.",
                    "Hệ thống vận hành ổn định; cần giảm hồ sơ trễ hạn ở lĩnh vực đất đai.", "Số hóa toàn bộ hồ sơ khi tiếp nhận.", null,
                    "Bổ sung một máy quét cho Bộ phận Một cửa.", nameof(ReviewStatus.Closed), At(reviewHeldOn, 0), At(reviewHeldOn, -5), Actor, At(reviewHeldOn, 0), Actor);
                await review.ExecuteNonQueryAsync();
                var decisions = new (string Text, DateOnly Due, DateOnly? Done)[]
                {
                    ("Trang bị máy quét cho Bộ phận Một cửa", reviewHeldOn.AddMonths(2), reviewHeldOn.AddMonths(1)),
                    ("Tập huấn lại quy trình kiểm soát hồ sơ cho công chức mới", reviewHeldOn.AddMonths(3), reviewHeldOn.AddMonths(3).AddDays(-4)),
                    ("Rà soát thời hạn giải quyết các TTHC lĩnh vực đất đai", reviewHeldOn.AddMonths(4), null),
                };
                foreach (var (text, due, doneOn) in decisions)
                {
                    BulkSql.Set(decision, Next("ReviewActions"), t, reviewId, text, SecretaryId, SecretaryName, due, doneOn, doneOn is null ? null : "Đã thực hiện, có hồ sơ kèm theo.");
                    await decision.ExecuteNonQueryAsync();
                }

                var confirmedOn = reviewHeldOn.AddDays(2);
                BulkSql.Set(confirmation, Next("EffectivenessConfirmations"), t, confirmedOn, ChairId, ChairName, "Chủ tịch UBND xã",
                    "Hệ thống quản lý chất lượng của xã phù hợp và vận hành có hiệu lực.", reviewId, At(confirmedOn, 0));
                await confirmation.ExecuteNonQueryAsync();
                await Milestone(milestone, Next("IsoEvidence"), t, IsoMilestoneKind.ManagementReview, reviewHeldOn,
                    $"Biên bản xem xét của lãnh đạo họp ngày {reviewHeldOn:dd/MM/yyyy}, {ChairName} chủ trì", $"danh-gia/xem-xet-lanh-dao/{reviewId}");
                await Milestone(milestone, Next("IsoEvidence"), t, IsoMilestoneKind.EffectivenessConfirmation, confirmedOn,
                    $"{ChairName} xác nhận hiệu lực sau cuộc họp ngày {reviewHeldOn:dd/MM/yyyy}", $"danh-gia/xem-xet-lanh-dao/{reviewId}");

                var programmeId = Next("AuditProgrammes");
                var programmeOn = new DateOnly(year.ProgrammeYear, 1, 5);
                BulkSql.Set(programme, programmeId, t, year.ProgrammeYear, "Đánh giá toàn bộ hệ thống hai lần trong năm.", At(programmeOn, 0), Actor, At(programmeOn, 0), Actor);
                await programme.ExecuteNonQueryAsync();

                // Two reported audits; their nonconforming and observation answers become findings.
                var nonconformAnswers = new List<(int AuditId, int AnswerId, string Clause, DateOnly On)>();
                var observationAnswers = new List<(int AuditId, int AnswerId, string Clause, DateOnly On)>();
                foreach (var (month, number) in new[] { (firstAuditMonth, 1), (secondAuditMonth, 2) })
                {
                    var auditId = Next("Audits");
                    var opened = new DateOnly(year.ProgrammeYear, month, 10);
                    var closed = opened.AddDays(2);
                    BulkSql.Set(audit, auditId, t, programmeId, year.ProgrammeYear, month, $"Đánh giá nội bộ lần {number} năm {year.ProgrammeYear}", "", "", "4 5 6 7 8 9 10", LeadId, LeadName, $"{MemberId}|{MemberName}", nameof(AuditStatus.Reported), opened, closed,
                        "Lãnh đạo UBND xã, Bộ phận Một cửa, Thư ký ISO", "Hệ thống cơ bản phù hợp; còn ba điểm không phù hợp cần khắc phục.", LeadId, LeadName, At(closed, 0),
                        At(programmeOn, 1), Actor, At(closed, 0), Actor);
                    await audit.ExecuteNonQueryAsync();
                    await Milestone(milestone, Next("IsoEvidence"), t, IsoMilestoneKind.InternalAudit, closed,
                        $"Báo cáo đánh giá nội bộ: Đánh giá nội bộ lần {number} năm {year.ProgrammeYear}", $"danh-gia/cuoc-danh-gia/{auditId}");

                    for (var order = 1; order <= AnswersPerAudit; order++)
                    {
                        var answerId = Next("AuditAnswers");
                        var clause = Clauses[order - 1];
                        var result = order switch
                        {
                            6 or 19 or 33 => AnswerResult.Nonconform,
                            10 or 24 or 37 => AnswerResult.Observation,
                            15 or 28 => AnswerResult.NotApplicable,
                            _ => AnswerResult.Conform,
                        };
                        var evidence = result switch
                        {
                            AnswerResult.Nonconform => "Hai hồ sơ trễ hạn trong tháng không có văn bản xin lỗi người dân.",
                            AnswerResult.Observation => "Sổ theo dõi ghi đầy đủ nhưng chưa ký xác nhận cuối tháng.",
                            AnswerResult.NotApplicable => null,
                            _ => "Kiểm tra 5 hồ sơ ngẫu nhiên: đầy đủ, đúng quy trình.",
                        };
                        BulkSql.Set(answer, answerId, t, auditId, order, clause, Questions[(order + random.Next(3)) % Questions.Length], result.ToString(), evidence);
                        await answer.ExecuteNonQueryAsync();
                        if (result == AnswerResult.Nonconform)
                        {
                            nonconformAnswers.Add((auditId, answerId, clause, closed));
                        }
                        else if (result == AnswerResult.Observation && !observationAnswers.Any(o => o.AuditId == auditId))
                        {
                            observationAnswers.Add((auditId, answerId, clause, closed));
                        }
                    }
                }

                // Ten findings, numbered in the order raised: 3 from each audit's nonconformities (one major), one observation from each
                // audit, a direct minor nonconformity after the first audit and a direct opportunity after the second.
                var first = nonconformAnswers.Take(3).ToList();
                var second = nonconformAnswers.Skip(3).ToList();
                var planned = new List<(FindingGrade Grade, FindingSource Source, int? AuditId, int? AnswerId, string Clause, DateOnly On)>();
                planned.AddRange(first.Select((a, i) => (i == 0 ? FindingGrade.MajorNonconformity : FindingGrade.MinorNonconformity, FindingSource.Audit, (int?)a.AuditId, (int?)a.AnswerId, a.Clause, a.On)));
                planned.Add((FindingGrade.Observation, FindingSource.Audit, observationAnswers[0].AuditId, observationAnswers[0].AnswerId, observationAnswers[0].Clause, observationAnswers[0].On));
                planned.Add((FindingGrade.MinorNonconformity, FindingSource.Direct, null, null, "7.5.3", first[0].On.AddDays(20)));
                planned.AddRange(second.Select((a, i) => (i == 0 ? FindingGrade.MajorNonconformity : FindingGrade.MinorNonconformity, FindingSource.Audit, (int?)a.AuditId, (int?)a.AnswerId, a.Clause, a.On)));
                planned.Add((FindingGrade.Observation, FindingSource.Audit, observationAnswers[1].AuditId, observationAnswers[1].AnswerId, observationAnswers[1].Clause, observationAnswers[1].On));
                planned.Add((FindingGrade.Opportunity, FindingSource.Direct, null, null, "10.3", second[0].On.AddDays(5)));

                // Corrective actions per finding index (nonconformities only): 0 → two effective (closed), 1 → effective + done,
                // 2 → reopened + open, 4 (direct) → effective (closed), 5 → overdue, 6 → done, 7 → open. The first observation (3) is closed with a note.
                var actionPlan = new Dictionary<int, CorrectiveActionStatus[]>
                {
                    [0] = [CorrectiveActionStatus.Effective, CorrectiveActionStatus.Effective],
                    [1] = [CorrectiveActionStatus.Effective, CorrectiveActionStatus.Done],
                    [2] = [CorrectiveActionStatus.Open, CorrectiveActionStatus.Open],
                    [4] = [CorrectiveActionStatus.Effective],
                    [5] = [CorrectiveActionStatus.Open],
                    [6] = [CorrectiveActionStatus.Done],
                    [7] = [CorrectiveActionStatus.Open],
                };
                for (var i = 0; i < planned.Count; i++)
                {
                    var (grade, source, auditId, answerId, clause, raisedOn) = planned[i];
                    var findingId = Next("Findings");
                    var statuses = actionPlan.GetValueOrDefault(i, []);
                    var closes = (statuses.Contains(CorrectiveActionStatus.Effective) && !statuses.Contains(CorrectiveActionStatus.Done)) || i == 3;
                    var closedOn = closes ? raisedOn.AddDays(80) : (DateOnly?)null;
                    BulkSql.Set(finding, findingId, t, string.Create(CultureInfo.InvariantCulture, $"PH-{raisedOn.Year}-{i + 1:000}"), grade.ToString(), clause,
                        nameof(FindingSubject.Process), "QT-007 Quy trình kiểm soát hồ sơ", $"Phát hiện số {i + 1}: {Questions[i % Questions.Length]} Chưa đáp ứng đầy đủ.",
                        source.ToString(), auditId, answerId, null, null, source == FindingSource.Audit ? LeadId : SecretaryId, source == FindingSource.Audit ? LeadName : SecretaryName,
                        raisedOn, closes ? nameof(FindingStatus.Closed) : nameof(FindingStatus.Open), closedOn, closes ? SecretaryName : null,
                        closes ? "Đã khắc phục và kiểm tra có hiệu lực." : null, At(raisedOn, 0), Actor, At(closedOn ?? raisedOn, 0), Actor);
                    await finding.ExecuteNonQueryAsync();

                    for (var k = 0; k < statuses.Length; k++)
                    {
                        var reopened = i == 2 && k == 0;
                        var overdue = i == 5;
                        await Action(action, actionEvent, Next, t, findingId, statuses[k], reopened, overdue, raisedOn.AddDays(3 + k), today);
                    }
                }

                // Five objectives, twelve months each; four of them read the desk's monthly figures, written too.
                var objectiveIds = new int[Objectives];
                for (var o = 0; o < Objectives; o++)
                {
                    var row = ObjectiveRows[o];
                    objectiveIds[o] = Next("QualityObjectives");
                    BulkSql.Set(objective, objectiveIds[o], t, row.Name, row.Indicator, row.Unit, row.Target, row.Direction.ToString(), row.Measure.ToString(), true,
                        At(year.From, -20), Actor, At(year.From, -20), Actor);
                    await objective.ExecuteNonQueryAsync();
                }

                for (var m = 0; m < 12; m++)
                {
                    var month = year.From.AddMonths(m);
                    var received = 80 + random.Next(80);
                    var late = random.Next(6);
                    var onTime = received - late;
                    var apologies = Math.Min(late, random.Next(4));
                    var surveyed = 30 + random.Next(30);
                    var satisfied = surveyed - random.Next(6);
                    BulkSql.Set(desk, Next("DeskStatistics"), t, month, received, onTime, late, apologies, satisfied, surveyed);
                    await desk.ExecuteNonQueryAsync();
                    var values = new[]
                    {
                        Math.Round(100m * onTime / received, 2), apologies, Math.Round(100m * satisfied / surveyed, 2), late, 70m + random.Next(25),
                    };
                    for (var o = 0; o < Objectives; o++)
                    {
                        BulkSql.Set(value, Next("ObjectiveValues"), t, objectiveIds[o], month, values[o],
                            ObjectiveRows[o].Measure == DeskMeasure.None ? nameof(ObjectiveValueSource.Typed) : nameof(ObjectiveValueSource.Imported));
                        await value.ExecuteNonQueryAsync();
                    }
                }
            }

            await transaction.CommitAsync();
            var done = Math.Min(start + CommunesPerTransaction, tenants.Count);
            if (done % 500 == 0 || done == tenants.Count)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  loaded audit records of {done}/{tenants.Count} communes in {watch.Elapsed.TotalSeconds:0.0} s"));
            }
        }

        await BulkSql.FinishLoadAsync(connection, Tables);
        return year with { Rows = (int)Tables.Sum(table => ids[table] - before[table]) };
    }

    /// <summary>
    /// One corrective action with the history its state implies (the events' Version count), as the entity would have written
    /// them: planned; completed with evidence; checked (by someone other than the owner) after the check's due date.
    /// A reopened action was found not effective and rescheduled; an overdue one is open past its due date.
    /// </summary>
    private static async Task Action(System.Data.Common.DbCommand action, System.Data.Common.DbCommand actionEvent, Func<string, int> next, int tenantId, int findingId,
        CorrectiveActionStatus status, bool reopened, bool overdue, DateOnly plannedOn, DateOnly today)
    {
        var id = next("CorrectiveActions");
        const int checkAfterDays = 30;
        var due = overdue ? today.AddDays(-10) : status == CorrectiveActionStatus.Open ? today.AddDays(30) : plannedOn.AddDays(30);
        var events = new List<(CorrectiveActionChange Change, DateOnly On, string? Note)> { (CorrectiveActionChange.Planned, plannedOn, null) };
        DateOnly? completedOn = null, checkDue = null, checkedOn = null;
        string? evidence = null, checkNote = null, checkedBy = null;
        if (status != CorrectiveActionStatus.Open || reopened)
        {
            completedOn = plannedOn.AddDays(20);
            evidence = "Đã ban hành văn bản xin lỗi mẫu và tập huấn công chức một cửa.";
            checkDue = completedOn.Value.AddDays(checkAfterDays);
            events.Add((CorrectiveActionChange.Completed, completedOn.Value, evidence));
        }

        if (status == CorrectiveActionStatus.Effective || reopened)
        {
            checkedOn = checkDue!.Value.AddDays(2);
            checkedBy = LeadName;
            checkNote = reopened ? "Tháng kiểm tra vẫn còn hồ sơ trễ hạn không có văn bản xin lỗi." : "Ba tháng liền không còn hồ sơ trễ hạn thiếu văn bản xin lỗi.";
            events.Add((reopened ? CorrectiveActionChange.CheckedNotEffective : CorrectiveActionChange.CheckedEffective, checkedOn.Value, checkNote));
        }

        if (reopened)
        {
            completedOn = null;
            checkDue = null;
            events.Add((CorrectiveActionChange.Planned, checkedOn!.Value.AddDays(1), $"Hạn mới {due:dd/MM/yyyy}"));
        }

        BulkSql.Set(action, id, tenantId, findingId, "Gửi văn bản xin lỗi cho các hồ sơ trễ hạn còn thiếu.", "Công chức mới chưa được hướng dẫn quy định về xin lỗi người dân.",
            "Bổ sung bước kiểm tra văn bản xin lỗi vào phiếu kiểm soát quá trình.", StaffId, StaffName, due, "Không còn hồ sơ trễ hạn thiếu văn bản xin lỗi trong ba tháng.",
            checkAfterDays, status.ToString(), completedOn, evidence, checkDue, checkedOn, checkedBy, checkNote, events.Count, At(plannedOn, 0), Actor, At(events[^1].On, 0), Actor);
        await action.ExecuteNonQueryAsync();
        foreach (var (change, on, note) in events)
        {
            var (actorId, actorName) = change is CorrectiveActionChange.CheckedEffective or CorrectiveActionChange.CheckedNotEffective ? (LeadId, LeadName)
                : change == CorrectiveActionChange.Completed ? (StaffId, StaffName) : (SecretaryId, SecretaryName);
            BulkSql.Set(actionEvent, (long)next("CorrectiveActionEvents"), tenantId, id, change.ToString(), actorId, actorName, At(on, 0), note);
            await actionEvent.ExecuteNonQueryAsync();
        }
    }

    private static async Task Milestone(System.Data.Common.DbCommand milestone, int id, int tenantId, IsoMilestoneKind kind, DateOnly date, string reference, string path)
    {
        BulkSql.Set(milestone, id, tenantId, (int)kind, date, reference, path, At(date, 0), Actor, At(date, 0), Actor);
        await milestone.ExecuteNonQueryAsync();
    }

    private static DateTimeOffset At(DateOnly date, int days) => new(date.AddDays(days).ToDateTime(new TimeOnly(3, 15)), TimeSpan.Zero);
}
