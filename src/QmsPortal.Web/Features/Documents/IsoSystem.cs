using System.Text.RegularExpressions;
using QmsPortal.Web.Data;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Documents;

/// <summary>
/// A legal text registered because it affects the commune's documents. The QMS must be updated within three
/// months after it takes effect (Quyết định 19/2014/QĐ-TTg), so each affected document gets an update item.
/// </summary>
public sealed partial class LegalText : ITenantOwned, IStamped
{
    public const int UpdateMonths = 3;

    private LegalText()
    {
    }

    public int Id { get; private set; }
    public int TenantId { get; set; }
    public string Number { get; private set; } = "";
    public string Title { get; private set; } = "";
    public DateOnly EffectiveDate { get; private set; }
    public string? Replaces { get; private set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public List<LegalChangeItem> Items { get; } = [];

    public DateOnly UpdateDue => EffectiveDate.AddMonths(UpdateMonths);

    public static LegalText Register(string? number, string? title, DateOnly effectiveDate, string? replaces, IEnumerable<int> documentIds)
    {
        number = VietnameseText.Normalize(number).Trim();
        if (number.Length > 60 || !NumberPattern().IsMatch(number))
        {
            throw new DomainException("Số hiệu văn bản không đúng định dạng, ví dụ: 61/2018/NĐ-CP hoặc 101/QĐ-BKHCN.", "Number");
        }

        title = VietnameseText.Normalize(title).Trim();
        if (title.Length is 0 or > 300)
        {
            throw new DomainException("Vui lòng nhập trích yếu văn bản (tối đa 300 ký tự).", "Title");
        }

        var ids = documentIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            throw new DomainException("Chọn ít nhất một tài liệu chịu ảnh hưởng của văn bản này.", "DocumentIds");
        }

        replaces = VietnameseText.Normalize(replaces).Trim();
        var text = new LegalText { Number = number, Title = title, EffectiveDate = effectiveDate, Replaces = replaces.Length == 0 ? null : replaces[..Math.Min(200, replaces.Length)] };
        text.Items.AddRange(ids.Select(id => new LegalChangeItem { DocumentId = id, DueDate = text.UpdateDue }));
        return text;
    }

    [GeneratedRegex(@"^\d{1,5}(/\d{4})?/\p{L}{1,6}(-[\p{L}0-9]{1,12}){0,3}$")]
    private static partial Regex NumberPattern();
}

/// <summary>"Update required": one document must be brought in line with a legal text by <see cref="DueDate"/>.</summary>
public sealed class LegalChangeItem : ITenantOwned
{
    public int Id { get; set; }
    public int TenantId { get; set; }
    public int LegalTextId { get; set; }
    public LegalText? LegalText { get; set; }
    public int DocumentId { get; set; }
    public DateOnly DueDate { get; set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public string? ResolvedBy { get; private set; }
    public string? Resolution { get; private set; }

    public void Resolve(string? resolution, DocumentActor actor, DateTimeOffset at)
    {
        if (ResolvedAt is not null)
        {
            throw new DomainException("Yêu cầu cập nhật này đã được xử lý.");
        }

        resolution = VietnameseText.Normalize(resolution).Trim();
        if (resolution.Length is 0 or > 500)
        {
            throw new DomainException("Ghi rõ tài liệu đã được cập nhật thế nào (tối đa 500 ký tự).", "Resolution");
        }

        ResolvedAt = at;
        ResolvedBy = actor.Name;
        Resolution = resolution;
    }
}

/// <summary>The chair's decision announcing the QMS conforms to TCVN ISO 9001:2015, with its scope and posting.</summary>
public sealed class ConformityAnnouncement : ITenantOwned, IStamped
{
    public int Id { get; set; }
    public int TenantId { get; set; }
    public string DecisionNumber { get; set; } = "";
    public DateOnly DecisionDate { get; set; }
    public string SignerName { get; set; } = "";
    public string SignerTitle { get; set; } = "";

    /// <summary>TTHC codes covered, one space between them.</summary>
    public string Scope { get; set; } = "";

    public DateOnly? PostedOn { get; set; }
    public string? PostingPlace { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public IEnumerable<string> ScopeCodes => Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// One kind of document the first step needs, counted on the day: issued by the commune's own people and in force,
/// still a recipe template in force, and the first date a commune-issued one takes effect when none applies yet.
/// </summary>
public sealed record IsoDocumentFacts(int Issued, int Templates = 0, DateOnly? Upcoming = null)
{
    public static readonly IsoDocumentFacts None = new(0);
}

/// <summary>What the four steps of Quyết định 19/2014/QĐ-TTg need, gathered from the library and the evidence.</summary>
public sealed record IsoFacts(
    IsoDocumentFacts Policy,
    IsoDocumentFacts Objectives,
    IsoDocumentFacts Procedures,
    DateOnly? LastInternalAudit,
    DateOnly? LastManagementReview,
    DateOnly? LastEffectivenessConfirmation,
    ConformityAnnouncementFacts? Announcement,
    IReadOnlySet<string> CurrentScope,
    int OverdueLegalUpdates,
    DateOnly Today);

public sealed record ConformityAnnouncementFacts(string DecisionNumber, DateOnly DecisionDate, string SignerName, string SignerTitle, IReadOnlySet<string> Scope, DateOnly? PostedOn, string? PostingPlace);

public sealed record IsoStep(int Number, string Name, bool Done, IReadOnlyList<string> Evidence, IReadOnlyList<string> Missing);

/// <summary>The derived four-step status; pure, so the rules are tested without a database.</summary>
public sealed record IsoStatus(IReadOnlyList<IsoStep> Steps, bool ReannouncementRequired, IReadOnlyList<string> ScopeAdded, IReadOnlyList<string> ScopeRemoved)
{
    public int StepsDone => Steps.TakeWhile(s => s.Done).Count();

    public static IsoStatus Derive(IsoFacts f)
    {
        // Only documents the commune's own people approved and issued count: a recipe's templates are a starting point, not a system.
        var build = Step(1, "Xây dựng", [
            (f.Policy.Issued > 0, "Chính sách chất lượng đã được xã phê duyệt và ban hành", Missing(f.Policy, "chính sách chất lượng", "Chính sách chất lượng")),
            (f.Objectives.Issued > 0, "Mục tiêu chất lượng đã được xã phê duyệt và ban hành", Missing(f.Objectives, "mục tiêu chất lượng", "Mục tiêu chất lượng")),
            (f.Procedures.Issued > 0, $"{f.Procedures.Issued} quy trình đã được xã phê duyệt và ban hành", Missing(f.Procedures, "quy trình nào", "Các quy trình")),
        ]);
        var apply = Step(2, "Áp dụng", [
            (build.Done, "Tài liệu đã được ban hành để áp dụng", "Cần hoàn thành bước xây dựng"),
            (f.LastInternalAudit is not null, $"Đánh giá nội bộ ngày {D(f.LastInternalAudit)}", "Chưa có đánh giá nội bộ"),
            (f.LastManagementReview is not null, $"Xem xét của lãnh đạo ngày {D(f.LastManagementReview)}", "Chưa có cuộc xem xét của lãnh đạo"),
            (f.LastEffectivenessConfirmation is not null, $"Người đứng đầu xác nhận hiệu lực ngày {D(f.LastEffectivenessConfirmation)}", "Người đứng đầu chưa xác nhận hiệu lực"),
        ]);
        var a = f.Announcement;
        var announce = Step(3, "Công bố", [
            (apply.Done, "Hệ thống đã được áp dụng", "Cần hoàn thành bước áp dụng"),
            (a is not null, a is null ? "" : $"Quyết định công bố số {a.DecisionNumber} ngày {D(a.DecisionDate)}, {a.SignerTitle} {a.SignerName} ký", "Chưa có quyết định công bố"),
            (a?.PostedOn is not null, $"Đã niêm yết ngày {D(a?.PostedOn)}{(a?.PostingPlace is { } p ? " tại " + p : "")}", "Chưa niêm yết quyết định công bố"),
        ]);
        var added = a is null ? [] : f.CurrentScope.Except(a.Scope).Order().ToList();
        var removed = a is null ? [] : a.Scope.Except(f.CurrentScope).Order().ToList();
        var reannounce = a is not null && (added.Count > 0 || removed.Count > 0);
        var yearAgo = f.Today.AddYears(-1);
        var maintain = Step(4, "Duy trì, cải tiến", [
            (announce.Done, "Hệ thống đã được công bố", "Cần hoàn thành bước công bố"),
            (f.LastInternalAudit > yearAgo, "Đánh giá nội bộ trong 12 tháng qua", "Chưa đánh giá nội bộ trong 12 tháng qua"),
            (f.LastManagementReview > yearAgo, "Xem xét của lãnh đạo trong 12 tháng qua", "Chưa xem xét của lãnh đạo trong 12 tháng qua"),
            (f.OverdueLegalUpdates == 0, "Không có văn bản pháp luật mới quá hạn cập nhật", $"{f.OverdueLegalUpdates} yêu cầu cập nhật theo văn bản mới đã quá 3 tháng"),
            (!reannounce, "Phạm vi công bố khớp với các quy trình đang áp dụng", "Phạm vi đã thay đổi: cần công bố lại"),
        ]);
        return new IsoStatus([build, apply, announce, maintain], reannounce, added, removed);
    }

    private static string Missing(IsoDocumentFacts facts, string what, string subject) => (facts.Upcoming, facts.Templates) switch
    {
        ({ } from, _) => $"{subject} do xã ban hành sắp có hiệu lực từ {D(from)}",
        (null, > 0) => $"Chưa ban hành {what}: {subject.ToLowerInvariant()} đang áp dụng mới là bản mẫu từ công thức khởi tạo, xã cần điều chỉnh, phê duyệt và ban hành",
        _ => $"Chưa ban hành {what}",
    };

    private static IsoStep Step(int number, string name, (bool Ok, string Evidence, string Missing)[] checks) => new(
        number, name, checks.All(c => c.Ok),
        checks.Where(c => c.Ok).Select(c => c.Evidence).ToList(),
        checks.Where(c => !c.Ok).Select(c => c.Missing).ToList());

    private static string D(DateOnly? date) => date is { } d ? VietnameseFormat.Date(d) : "";
}
