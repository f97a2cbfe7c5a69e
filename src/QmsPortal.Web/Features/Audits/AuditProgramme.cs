using QmsPortal.Web.Data;

namespace QmsPortal.Web.Features.Audits;

/// <summary>The yearly internal audit programme (ISO 9001 clause 9.2): the audits planned month by month.</summary>
public sealed class AuditProgramme : ITenantOwned, IStamped
{
    public const int NotesMaxLength = 2000;

    private AuditProgramme()
    {
    }

    public int Id { get; private set; }
    public int TenantId { get; set; }
    public int Year { get; private set; }
    public string? Notes { get; private set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public List<Audit> Audits { get; } = [];

    public static AuditProgramme Create(int year, string? notes)
    {
        if (year is < 2000 or > 2100)
        {
            throw new DomainException("Năm của chương trình đánh giá không hợp lệ.", "Year");
        }

        return new AuditProgramme { Year = year, Notes = AuditText.Optional(notes, NotesMaxLength, "Notes", "ghi chú") };
    }

    public void EditNotes(string? notes) => Notes = AuditText.Optional(notes, NotesMaxLength, "Notes", "ghi chú");

    /// <summary>
    /// Plans one audit. An auditor may not audit work they are responsible for (independence, ISO 9001 9.2.2 c):
    /// <paramref name="responsibleForScope"/> are the people who wrote, approved or own the documents in its scope.
    /// </summary>
    public Audit Plan(int month, string? title, AuditScope scope, AuditPerson lead, IReadOnlyList<AuditPerson> team, IReadOnlySet<string> responsibleForScope)
    {
        if (month is < 1 or > 12)
        {
            throw new DomainException("Tháng đánh giá từ 1 đến 12.", "Month");
        }

        var conflicted = team.Prepend(lead).DistinctBy(p => p.UserId).Where(p => responsibleForScope.Contains(p.UserId)).Select(p => p.Name).ToList();
        if (conflicted.Count > 0)
        {
            throw new DomainException(
                $"{string.Join(", ", conflicted)} phụ trách công việc trong phạm vi đánh giá (soạn thảo, phê duyệt hoặc chủ trì tài liệu): chuyên gia đánh giá không được đánh giá công việc của chính mình.",
                "Team");
        }

        var audit = Audit.Planned(Year, month, AuditText.Required(title, Audit.TitleMaxLength, "Title", "tên cuộc đánh giá"), scope, lead,
            team.Where(p => p.UserId != lead.UserId).DistinctBy(p => p.UserId).ToList());
        Audits.Add(audit);
        return audit;
    }
}

/// <summary>What an audit covers: processes (document codes), TTHC codes and clauses 4–10.</summary>
public sealed record AuditScope(IReadOnlyList<string> DocumentCodes, IReadOnlyList<string> TthcCodes, IReadOnlyList<string> Clauses)
{
    public static AuditScope Create(IEnumerable<string>? documentCodes, IEnumerable<string>? tthcCodes, IEnumerable<string>? clauses)
    {
        var clauseList = (clauses ?? []).Select(c => IsoClauses.Check(c, "Clauses")).Distinct().OrderBy(c => c, ClauseOrder.Instance).ToList();
        if (clauseList.Count == 0)
        {
            throw new DomainException("Chọn ít nhất một điều khoản của TCVN ISO 9001:2015 trong phạm vi đánh giá.", "Clauses");
        }

        return new AuditScope(
            (documentCodes ?? []).Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct().Order().ToList(),
            (tthcCodes ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().Order().ToList(),
            clauseList);
    }
}

/// <summary>Orders clauses as the standard does (4.1 before 4.4 before 10.1), not as strings.</summary>
public sealed class ClauseOrder : IComparer<string>
{
    public static readonly ClauseOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        var a = (x ?? "").Split('.');
        var b = (y ?? "").Split('.');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length && int.TryParse(a[i], out var l) ? l : -1;
            var right = i < b.Length && int.TryParse(b[i], out var r) ? r : -1;
            if (left != right)
            {
                return left.CompareTo(right);
            }
        }

        return 0;
    }
}

public enum AuditStatus
{
    Planned,
    InProgress,

    /// <summary>The lead auditor signed the report: the audit is held and its record is final.</summary>
    Reported,

    Cancelled,
}

public enum AnswerResult
{
    Unanswered,
    Conform,
    Nonconform,
    Observation,
    NotApplicable,
}

/// <summary>
/// One internal audit: planned in a month, opened with a meeting (its checklist copied from the question bank for its
/// clauses), answered question by question with evidence, closed with a meeting, and signed off by the lead auditor.
/// </summary>
public sealed class Audit : ITenantOwned, IStamped
{
    public const int TitleMaxLength = 200;
    public const int EvidenceMaxLength = 4000;
    public const int TextMaxLength = 4000;

    private Audit()
    {
    }

    public int Id { get; private set; }
    public int TenantId { get; set; }
    public int ProgrammeId { get; private set; }
    public int Year { get; private set; }
    public int Month { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>Document codes in scope, one space between them.</summary>
    public string ScopeDocuments { get; private set; } = "";

    /// <summary>TTHC codes in scope, one space between them.</summary>
    public string ScopeTthc { get; private set; } = "";

    /// <summary>Clauses in scope, one space between them ("4 5 7.5 9.2").</summary>
    public string ScopeClauses { get; private set; } = "";

    public string LeadAuditorId { get; private set; } = "";
    public string LeadAuditorName { get; private set; } = "";

    /// <summary>Team members as "id|name" lines.</summary>
    public string Team { get; private set; } = "";

    public AuditStatus Status { get; private set; }
    public DateOnly? OpeningMeetingOn { get; private set; }
    public DateOnly? ClosingMeetingOn { get; private set; }
    public string? Participants { get; private set; }
    public string? Conclusion { get; private set; }
    public string? ReportSignedById { get; private set; }
    public string? ReportSignedByName { get; private set; }
    public DateTimeOffset? ReportSignedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public List<AuditAnswer> Answers { get; } = [];

    /// <summary>When the audit is due: the last day of its planned month (what a reminder lists).</summary>
    public DateOnly DueDate => new DateOnly(Year, Month, 1).AddMonths(1).AddDays(-1);

    public IReadOnlyList<string> Clauses => ScopeClauses.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<AuditPerson> TeamMembers => Team.Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(line => line.Split('|', 2)).Select(p => new AuditPerson(p[0], p.Length > 1 ? p[1] : p[0], null)).ToList();

    public bool IsAuditor(string userId) => LeadAuditorId == userId || TeamMembers.Any(p => p.UserId == userId);

    internal static Audit Planned(int year, int month, string title, AuditScope scope, AuditPerson lead, IReadOnlyList<AuditPerson> team) => new()
    {
        Year = year, Month = month, Title = title, Status = AuditStatus.Planned,
        ScopeDocuments = string.Join(' ', scope.DocumentCodes), ScopeTthc = string.Join(' ', scope.TthcCodes), ScopeClauses = string.Join(' ', scope.Clauses),
        LeadAuditorId = lead.UserId, LeadAuditorName = lead.Name,
        Team = string.Join('\n', team.Select(p => $"{p.UserId}|{p.Name}")),
    };

    /// <summary>Opens the audit: the checklist is built from the active questions of its clauses (a sub-clause's questions count for its main clause).</summary>
    public void Open(DateOnly openingOn, string? participants, IEnumerable<ChecklistQuestion> bank, AuditPerson actor)
    {
        RequireAuditor(actor);
        if (Status != AuditStatus.Planned)
        {
            throw new DomainException("Cuộc đánh giá đã mở họp khai mạc rồi.");
        }

        var scope = Clauses.ToHashSet();
        var questions = bank.Where(q => q.IsActive && (scope.Contains(q.Clause) || scope.Contains(IsoClauses.MainClause(q.Clause))))
            .OrderBy(q => q.Clause, ClauseOrder.Instance).ThenBy(q => q.Id).ToList();
        if (questions.Count == 0)
        {
            throw new DomainException("Ngân hàng câu hỏi chưa có câu hỏi nào cho các điều khoản trong phạm vi: hãy thêm câu hỏi trước khi mở cuộc đánh giá.");
        }

        OpeningMeetingOn = openingOn;
        Participants = AuditText.Optional(participants, TextMaxLength, "Participants", "thành phần tham dự");
        var order = 0;
        Answers.AddRange(questions.Select(q => new AuditAnswer(q.Clause, q.Text, ++order)));
        Status = AuditStatus.InProgress;
    }

    public void Answer(AuditAnswer answer, AnswerResult result, string? evidence, AuditPerson actor)
    {
        RequireAuditor(actor);
        RequireOpen();
        if (!Answers.Contains(answer))
        {
            throw new DomainException("Câu hỏi này không thuộc cuộc đánh giá.");
        }

        answer.Record(result, AuditText.Optional(evidence, EvidenceMaxLength, "Evidence", "bằng chứng"));
    }

    /// <summary>The closing meeting and the lead auditor's sign-off: every question answered, dates in order. Final afterwards.</summary>
    public void SignReport(DateOnly closingOn, string? conclusion, AuditPerson actor, DateTimeOffset at)
    {
        RequireOpen();
        if (actor.UserId != LeadAuditorId)
        {
            throw new DomainException("Chỉ trưởng đoàn đánh giá ký báo cáo đánh giá.");
        }

        if (closingOn < OpeningMeetingOn)
        {
            throw new DomainException($"Ngày họp kết thúc không được trước ngày họp khai mạc ({Text.VietnameseFormat.Date(OpeningMeetingOn!.Value)}).", "ClosingMeetingOn");
        }

        var open = Answers.Count(a => a.Result == AnswerResult.Unanswered);
        if (open > 0)
        {
            throw new DomainException($"Còn {open} câu hỏi chưa có kết quả: trả lời hết (hoặc đánh dấu \"không áp dụng\") trước khi ký báo cáo.");
        }

        ClosingMeetingOn = closingOn;
        Conclusion = AuditText.Required(conclusion, TextMaxLength, "Conclusion", "kết luận đánh giá");
        ReportSignedById = actor.UserId;
        ReportSignedByName = actor.Name;
        ReportSignedAt = at;
        Status = AuditStatus.Reported;
    }

    public void Cancel(string? reason)
    {
        if (Status is AuditStatus.Reported or AuditStatus.Cancelled)
        {
            throw new DomainException("Không hủy được cuộc đánh giá đã ký báo cáo hoặc đã hủy.");
        }

        Conclusion = AuditText.Required(reason, TextMaxLength, "Reason", "lý do hủy");
        Status = AuditStatus.Cancelled;
    }

    private void RequireAuditor(AuditPerson actor)
    {
        if (!IsAuditor(actor.UserId))
        {
            throw new DomainException("Chỉ trưởng đoàn và thành viên đoàn đánh giá được ghi nhận kết quả cuộc đánh giá này.");
        }
    }

    private void RequireOpen()
    {
        if (Status != AuditStatus.InProgress)
        {
            throw new DomainException(Status == AuditStatus.Reported
                ? "Báo cáo đánh giá đã ký: hồ sơ không còn sửa được."
                : "Cuộc đánh giá chưa họp khai mạc.");
        }
    }
}

/// <summary>One checklist question of an audit, copied from the bank when the audit opened, with its result and evidence.</summary>
public sealed class AuditAnswer : ITenantOwned
{
    private AuditAnswer()
    {
    }

    internal AuditAnswer(string clause, string question, int order)
    {
        Clause = clause;
        Question = question;
        Order = order;
    }

    public int Id { get; private set; }
    public int TenantId { get; set; }
    public int AuditId { get; private set; }
    public int Order { get; private set; }
    public string Clause { get; private set; } = "";
    public string Question { get; private set; } = "";
    public AnswerResult Result { get; private set; }
    public string? Evidence { get; private set; }

    internal void Record(AnswerResult result, string? evidence)
    {
        if (result == AnswerResult.Unanswered)
        {
            throw new DomainException("Chọn kết quả: phù hợp, không phù hợp, khuyến nghị hoặc không áp dụng.", "Result");
        }

        if (result is AnswerResult.Nonconform or AnswerResult.Observation && evidence is null)
        {
            throw new DomainException("Ghi bằng chứng khách quan cho kết quả không phù hợp hoặc khuyến nghị.", "Evidence");
        }

        Result = result;
        Evidence = evidence;
    }
}

/// <summary>A file of evidence attached to an audit answer; bytes in the content-addressed file store.</summary>
public sealed class AuditEvidenceFile : ITenantOwned, IStamped
{
    public int Id { get; set; }
    public int TenantId { get; set; }
    public int AuditId { get; set; }
    public int AnswerId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string ContentKey { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}
