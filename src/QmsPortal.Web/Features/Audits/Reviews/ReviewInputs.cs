using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Audits.Reviews;

/// <summary>
/// The inputs of a management review (ISO 9001 9.3.2) for a period, as the system finds them on <see cref="GatheredOn"/>:
/// what earlier reviews decided, audit results, findings and corrective actions, objectives with their measured values,
/// citizens' reports, the one-stop desk's figures and legal changes. Frozen as JSON into
/// <see cref="ManagementReview.InputsSnapshot"/> when the review is opened, so the minutes never change afterwards.
/// "Open" and "overdue" are counted on <see cref="GatheredOn"/>; "raised", "closed" and "resolved" within the period.
/// </summary>
public sealed record ReviewInputs(
    int Format,
    DateOnly PeriodFrom,
    DateOnly PeriodTo,
    DateOnly GatheredOn,
    IReadOnlyList<PreviousAction> PreviousActions,
    IReadOnlyList<AuditResult> Audits,
    FindingFigures Findings,
    IReadOnlyList<OpenFinding> OpenFindings,
    ActionFigures CorrectiveActions,
    IReadOnlyList<OverdueAction> OverdueActions,
    IReadOnlyList<ObjectiveResult> Objectives,
    FeedbackFigures Feedback,
    DeskFigures Desk,
    LegalFigures LegalChanges,
    IReadOnlyList<LegalItem> UnresolvedLegalItems)
{
    /// <summary>Bumped when the shape changes, so an old snapshot is never read as a new one.</summary>
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter() },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The stored snapshot, or null when it is not one this version can read.</summary>
    public static ReviewInputs? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ReviewInputs>(json, Json) is { Format: CurrentFormat } inputs ? inputs : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Gathers the inputs for the period from the commune's records (the current commune of <paramref name="db"/>).</summary>
    public static async Task<ReviewInputs> GatherAsync(QmsDbContext db, DateOnly from, DateOnly to, DateOnly today, CancellationToken cancellationToken = default)
    {
        var firstMonth = new DateOnly(from.Year, from.Month, 1);

        var previous = await db.Set<ReviewAction>().AsNoTracking()
            .Where(a => a.DoneOn == null || a.DoneOn >= from)
            .Join(db.Set<ManagementReview>(), a => a.ReviewId, r => r.Id, (a, r) => new PreviousAction(a.Text, a.OwnerName, a.DueDate, a.DoneOn, r.HeldOn))
            .ToListAsync(cancellationToken);

        var audits = await db.Set<Audit>().AsNoTracking()
            .Where(a => a.Status == AuditStatus.Reported && a.ClosingMeetingOn >= from && a.ClosingMeetingOn <= to)
            .Select(a => new { a.Id, a.Title, a.OpeningMeetingOn, ClosedOn = a.ClosingMeetingOn!.Value, a.LeadAuditorName, a.Conclusion })
            .ToListAsync(cancellationToken);
        var auditIds = audits.Select(a => a.Id).ToList();
        var answers = auditIds.Count == 0 ? [] : await db.Set<AuditAnswer>().AsNoTracking().Where(a => auditIds.Contains(a.AuditId))
            .Select(a => new
            {
                a.AuditId, a.Order, a.Result,
                Clause = a.Result == AnswerResult.Nonconform ? a.Clause : null,
                Question = a.Result == AnswerResult.Nonconform ? a.Question : null,
                Evidence = a.Result == AnswerResult.Nonconform ? a.Evidence : null,
            })
            .ToListAsync(cancellationToken);
        var auditResults = audits.OrderBy(a => a.ClosedOn).Select(a =>
        {
            var mine = answers.Where(x => x.AuditId == a.Id).ToList();
            int Count(AnswerResult result) => mine.Count(x => x.Result == result);
            return new AuditResult(a.Title, a.OpeningMeetingOn, a.ClosedOn, a.LeadAuditorName, a.Conclusion, mine.Count,
                Count(AnswerResult.Conform), Count(AnswerResult.Nonconform), Count(AnswerResult.Observation), Count(AnswerResult.NotApplicable),
                mine.Where(x => x.Result == AnswerResult.Nonconform).OrderBy(x => x.Order).Select(x => new AuditNonconformity(x.Clause!, x.Question!, x.Evidence)).ToList());
        }).ToList();

        var findings = await db.Set<Finding>().AsNoTracking()
            .Where(f => f.Status == FindingStatus.Open || (f.RaisedOn >= from && f.RaisedOn <= to) || (f.ClosedOn >= from && f.ClosedOn <= to))
            .Select(f => new { f.Id, f.Reference, f.Grade, f.Clause, f.Subject, f.RaisedOn, f.Status, f.ClosedOn })
            .ToListAsync(cancellationToken);
        bool Raised(DateOnly on) => on >= from && on <= to;
        int RaisedOf(FindingGrade grade) => findings.Count(f => f.Grade == grade && Raised(f.RaisedOn));
        var open = findings.Where(f => f.Status == FindingStatus.Open).ToList();
        bool Nonconformity(FindingGrade g) => g is FindingGrade.MajorNonconformity or FindingGrade.MinorNonconformity;
        var findingFigures = new FindingFigures(
            RaisedOf(FindingGrade.MajorNonconformity), RaisedOf(FindingGrade.MinorNonconformity), RaisedOf(FindingGrade.Observation), RaisedOf(FindingGrade.Opportunity),
            open.Count(f => Nonconformity(f.Grade)), open.Count(f => !Nonconformity(f.Grade)),
            findings.Count(f => f.ClosedOn is { } c && c >= from && c <= to));
        var openFindings = open.OrderBy(f => f.Grade).ThenBy(f => f.RaisedOn).ThenBy(f => f.Reference, StringComparer.Ordinal)
            .Select(f => new OpenFinding(f.Reference, f.Grade, f.Clause, f.Subject, f.RaisedOn)).ToList();

        // Effective actions checked before the period are settled history: everything else may count.
        var actions = await db.Set<CorrectiveAction>().AsNoTracking()
            .Where(a => a.Status != CorrectiveActionStatus.Effective || a.CheckedOn >= from)
            .Join(db.Set<Finding>(), a => a.FindingId, f => f.Id, (a, f) => new { a.Id, f.Reference, a.Action, a.OwnerName, a.DueDate, a.Status, a.CheckedOn, a.CreatedAt })
            .ToListAsync(cancellationToken);
        // DateTimeOffset cannot be compared by SQLite: the reopenings are few, their dates are compared here.
        var reopenings = await db.Set<CorrectiveActionEvent>().AsNoTracking().Where(e => e.Change == CorrectiveActionChange.CheckedNotEffective)
            .Select(e => e.At).ToListAsync(cancellationToken);
        bool InPeriod(DateTimeOffset at) => LocalDate(at) is var d && d >= from && d <= to;
        var actionFigures = new ActionFigures(
            actions.Count(a => InPeriod(a.CreatedAt)),
            actions.Count(a => a.Status == CorrectiveActionStatus.Open),
            actions.Count(a => a.Status == CorrectiveActionStatus.Open && a.DueDate < today),
            actions.Count(a => a.Status == CorrectiveActionStatus.Done),
            actions.Count(a => a.Status == CorrectiveActionStatus.Effective && a.CheckedOn <= to),
            reopenings.Count(InPeriod));
        var overdue = actions.Where(a => a.Status == CorrectiveActionStatus.Open && a.DueDate < today).OrderBy(a => a.DueDate)
            .Select(a => new OverdueAction(a.Reference, a.Action, a.OwnerName, a.DueDate)).ToList();

        var objectives = await db.Set<QualityObjective>().AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.Name, o.Indicator, o.Unit, o.Target, o.Direction }).ToListAsync(cancellationToken);
        var values = await db.Set<ObjectiveValue>().AsNoTracking().Where(v => v.Month >= firstMonth && v.Month <= to)
            .Select(v => new { v.ObjectiveId, v.Month, v.Value }).ToListAsync(cancellationToken);
        var objectiveResults = objectives.Select(o => new ObjectiveResult(o.Name, o.Indicator, o.Unit, o.Target, o.Direction,
            values.Where(v => v.ObjectiveId == o.Id).OrderBy(v => v.Month)
                .Select(v => new MonthValue(v.Month, v.Value, o.Direction == ObjectiveDirection.AtLeast ? v.Value >= o.Target : v.Value <= o.Target)).ToList())).ToList();

        var desk = await db.Set<DeskStatistics>().AsNoTracking().Where(s => s.Month >= firstMonth && s.Month <= to).ToListAsync(cancellationToken);
        var deskFigures = new DeskFigures(desk.Count, desk.Sum(s => s.Received), desk.Sum(s => s.OnTime), desk.Sum(s => s.Late), desk.Sum(s => s.Apologies),
            desk.Sum(s => s.Satisfied), desk.Sum(s => s.Surveyed));

        var feedback = await OutsideInputs.CitizenReportsAsync(db, from, to, cancellationToken);
        var (legal, unresolved) = await OutsideInputs.LegalChangesAsync(db, from, to, today, cancellationToken);

        return new ReviewInputs(CurrentFormat, from, to, today,
            previous.OrderBy(p => p.ReviewHeldOn).ThenBy(p => p.DueDate).ToList(), auditResults, findingFigures, openFindings, actionFigures, overdue,
            objectiveResults, feedback, deskFigures, legal, unresolved);
    }

    internal static DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(VietnameseFormat.Local(at).DateTime);
}

public sealed record PreviousAction(string Text, string OwnerName, DateOnly DueDate, DateOnly? DoneOn, DateOnly ReviewHeldOn)
{
    public bool IsOverdue(DateOnly on) => DoneOn is null && DueDate < on;
}

public sealed record AuditResult(string Title, DateOnly? OpenedOn, DateOnly ClosedOn, string LeadAuditor, string? Conclusion, int Questions, int Conform,
    int Nonconform, int Observations, int NotApplicable, IReadOnlyList<AuditNonconformity> Nonconformities);

public sealed record AuditNonconformity(string Clause, string Question, string? Evidence);

public sealed record FindingFigures(int RaisedMajor, int RaisedMinor, int RaisedObservations, int RaisedOpportunities, int OpenNonconformities, int OpenOthers,
    int ClosedInPeriod)
{
    public int Raised() => RaisedMajor + RaisedMinor + RaisedObservations + RaisedOpportunities;
}

public sealed record OpenFinding(string Reference, FindingGrade Grade, string Clause, string Subject, DateOnly RaisedOn);

/// <summary>Planned in the period, open / overdue / awaiting the effectiveness check when gathered, found effective by the end of the period, reopened in the period.</summary>
public sealed record ActionFigures(int Planned, int Open, int Overdue, int AwaitingCheck, int Effective, int Reopened);

public sealed record OverdueAction(string FindingReference, string Action, string OwnerName, DateOnly DueDate);

public sealed record ObjectiveResult(string Name, string Indicator, string Unit, decimal Target, ObjectiveDirection Direction, IReadOnlyList<MonthValue> Values)
{
    public int MonthsMet() => Values.Count(v => v.Met);
}

public sealed record MonthValue(DateOnly Month, decimal Value, bool Met);

public sealed record FeedbackFigures(int Received, int Handled);

public sealed record DeskFigures(int Months, int Received, int OnTime, int Late, int Apologies, int Satisfied, int Surveyed)
{
    public decimal? OnTimeRate() => Received == 0 ? null : Math.Round(100m * OnTime / Received, 2);

    public decimal? SatisfactionRate() => Surveyed == 0 ? null : Math.Round(100m * Satisfied / Surveyed, 2);
}

public sealed record LegalFigures(int DueInPeriod, int ResolvedInPeriod, int Overdue);

public sealed record LegalItem(string Number, string Title, string DocumentCode, DateOnly DueDate);
