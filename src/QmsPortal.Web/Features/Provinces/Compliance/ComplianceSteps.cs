using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Documents;

namespace QmsPortal.Web.Features.Provinces.Compliance;

/// <summary>
/// The four steps as <see cref="IsoStatus.Derive"/> decides them, each dated by the day the records show its last dated
/// condition was met: 1 — the latest of the first days the commune's own policy, objectives and procedures took effect;
/// 2 — step 1's day or the first signed internal audit, closed management review or confirmation of effectiveness,
/// whichever came last; 3 — step 2's day, the announcement decision or its posting, whichever came last; 4 — step 3's
/// day or the last internal audit or management review, whichever came last. The conditions that carry no date (no legal
/// update overdue, the announced scope still matching) do not move a date.
/// </summary>
public static class ComplianceSteps
{
    public static IReadOnlyList<ComplianceStep> Of(IsoStatus status, CommuneIsoFacts facts)
    {
        var f = facts.Facts;
        DateOnly? First(IsoMilestoneKind kind) => facts.FirstMilestones.TryGetValue(kind, out var d) ? d : null;
        var built = facts.BuiltOn;
        var applied = Latest(built, First(IsoMilestoneKind.InternalAudit), First(IsoMilestoneKind.ManagementReview), First(IsoMilestoneKind.EffectivenessConfirmation));
        var announced = Latest(applied, f.Announcement?.DecisionDate, f.Announcement?.PostedOn);
        var maintained = Latest(announced, f.LastInternalAudit, f.LastManagementReview);
        DateOnly?[] dates = [built, applied, announced, maintained];
        return status.Steps.Select((s, i) => new ComplianceStep(s.Number, s.Name, s.Done, s.Done ? dates[i] : null)).ToList();
    }

    private static DateOnly? Latest(params DateOnly?[] dates) => dates.Max();
}
