using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Documents;

/// <summary>Where a revision stands on a given day, as people read it: its status says what was done, its dates say whether it applies.</summary>
public enum Validity
{
    /// <summary>Draft, awaiting review or approval, or approved but not issued.</summary>
    Unissued,

    /// <summary>Issued with an effective date still to come ("Sắp có hiệu lực").</summary>
    Upcoming,

    InForce,

    /// <summary>Superseded or withdrawn on or before the day, or never in force because it ended before it began.</summary>
    Ended,
}

public static class RevisionValidity
{
    /// <summary>
    /// Issuing with a future effective date records the new revision as issued and the one it replaces as superseded at
    /// once, with the same date as the end of one and the start of the other: only the dates tell which applies today.
    /// </summary>
    public static Validity On(RevisionStatus status, DateOnly? effective, DateOnly? end, DateOnly day)
    {
        if (status is RevisionStatus.Draft or RevisionStatus.InReview or RevisionStatus.Approved || effective is not { } from)
        {
            return Validity.Unissued;
        }

        if (end is { } until && (until <= day || until <= from))
        {
            return Validity.Ended;
        }

        return from > day ? Validity.Upcoming : Validity.InForce;
    }

    /// <summary>What a person reads next to a revision on <paramref name="day"/>: "Đang hiệu lực" only when it applies that day.</summary>
    public static string Label(RevisionStatus status, DateOnly? effective, DateOnly? end, DateOnly day, bool awaitingReview = false) =>
        On(status, effective, end, day) switch
        {
            Validity.Upcoming => $"Sắp có hiệu lực từ {VietnameseFormat.Date(effective!.Value)}",
            Validity.InForce => "Đang hiệu lực",
            Validity.Ended => status == RevisionStatus.Withdrawn ? "Đã thu hồi" : "Đã bị thay thế",
            _ => awaitingReview ? "Chờ xem xét" : DocumentLabels.Status(status),
        };

    public static string Badge(RevisionStatus status, DateOnly? effective, DateOnly? end, DateOnly day) =>
        On(status, effective, end, day) switch
        {
            Validity.Upcoming => "badge badge-warn",
            Validity.InForce => "badge badge-ok",
            Validity.Ended => "badge badge-danger",
            _ => DocumentLabels.Badge(status),
        };

    /// <summary>The diagonal watermark of a page or print of a revision that does not apply on <paramref name="day"/>, or null.</summary>
    public static string? Watermark(RevisionStatus status, DateOnly? effective, DateOnly? end, DateOnly day) =>
        On(status, effective, end, day) switch
        {
            Validity.Upcoming => "CHƯA CÓ HIỆU LỰC",
            Validity.InForce => null,
            Validity.Ended => status == RevisionStatus.Withdrawn ? "ĐÃ THU HỒI" : "ĐÃ BỊ THAY THẾ",
            _ => "DỰ THẢO",
        };
}

/// <summary>
/// An issued revision (in force, to come, or ended) with who approved and issued it. A recipe's actors are no person:
/// what a recipe issued is a template the commune has not adopted as its own.
/// </summary>
public sealed record IssuedRow(int DocumentId, int RevisionId, int IssueNumber, RevisionStatus Status, DateOnly EffectiveDate, DateOnly? EndDate,
    string? ApproverId, string? IssuerId)
{
    /// <summary>Approved or issued by a recipe, not by people of the commune (no electronic signature).</summary>
    public bool IsTemplate => IsRecipe(ApproverId) || IsRecipe(IssuerId ?? ApproverId);

    public Validity On(DateOnly day) => RevisionValidity.On(Status, EffectiveDate, EndDate, day);

    private static bool IsRecipe(string? actorId) => actorId?.StartsWith(DocumentActor.RecipePrefix, StringComparison.Ordinal) == true;
}

/// <summary>One document's issued revisions seen on a day: the one that applies, and the one that will apply next.</summary>
public sealed record DocumentStanding(IssuedRow? InForce, IssuedRow? Upcoming)
{
    public static readonly DocumentStanding None = new(null, null);

    /// <summary>In force and approved and issued by the commune's own people (not a recipe template).</summary>
    public bool InForceAsCommunes => InForce is { IsTemplate: false };

    public static DocumentStanding Of(IEnumerable<IssuedRow> revisions, DateOnly day)
    {
        var list = revisions as IReadOnlyCollection<IssuedRow> ?? revisions.ToList();
        return new DocumentStanding(
            list.Where(r => r.On(day) == Validity.InForce).MaxBy(r => r.EffectiveDate),
            list.Where(r => r.On(day) == Validity.Upcoming).MinBy(r => r.EffectiveDate));
    }
}
