using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Audits.Findings;

/// <summary>
/// The commune's corrective actions: open, overdue, due for an effectiveness check, effective, or the user's own; above
/// them, what falls due in the next weeks across the audit records (the same queries the reminders will read).
/// </summary>
[Authorize(Policy = CommunePolicies.Reader)]
public sealed class ActionsModel(QmsDbContext db, AuditDesk desk, AuditDueItems due) : PageModel
{
    public const int HorizonDays = 30;

    public static readonly IReadOnlyList<(string Value, string Label)> Filters =
    [
        ("", "Tất cả"), ("dang-mo", "Đang thực hiện"), ("qua-han", "Quá hạn"), ("can-kiem-tra", "Đến hạn kiểm tra hiệu lực"), ("hieu-luc", "Có hiệu lực"),
        ("cua-toi", "Việc của tôi"),
    ];

    [BindProperty(SupportsGet = true, Name = "loc")]
    public string? Filter { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<DueItem> Due { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public string Slug => desk.Slug;

    public sealed record Row(int Id, int FindingId, string Reference, FindingGrade Grade, string Action, string OwnerName, DateOnly DueDate,
        CorrectiveActionStatus Status, DateOnly? CheckDueDate, DateOnly? CheckedOn);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = Today = desk.Today;
        var userId = desk.UserId;
        var query = db.Set<CorrectiveAction>().AsNoTracking();
        query = Filter switch
        {
            "dang-mo" => query.Where(a => a.Status == CorrectiveActionStatus.Open),
            "qua-han" => query.Where(a => a.Status == CorrectiveActionStatus.Open && a.DueDate < today),
            "can-kiem-tra" => query.Where(a => a.Status == CorrectiveActionStatus.Done && a.CheckDueDate <= today),
            "hieu-luc" => query.Where(a => a.Status == CorrectiveActionStatus.Effective),
            "cua-toi" => query.Where(a => a.OwnerId == userId),
            _ => query,
        };
        Rows = await query.Join(db.Set<Finding>(), a => a.FindingId, f => f.Id, (a, f) => new { a, f })
            .OrderBy(x => x.a.Status == CorrectiveActionStatus.Effective).ThenBy(x => x.a.DueDate).ThenBy(x => x.a.Id)
            .Select(x => new Row(x.a.Id, x.f.Id, x.f.Reference, x.f.Grade, x.a.Action, x.a.OwnerName, x.a.DueDate, x.a.Status, x.a.CheckDueDate, x.a.CheckedOn))
            .Take(500)
            .ToListAsync(cancellationToken);

        var until = today.AddDays(HorizonDays);
        Due = [.. (await due.CorrectiveActionsAsync(until, cancellationToken)), .. (await due.EffectivenessChecksAsync(until, cancellationToken)),
            .. (await due.InspectionReportsAsync(until, cancellationToken)), .. (await due.PlannedAuditsAsync(until, cancellationToken))];
        Due = [.. Due.OrderBy(d => d.DueDate).ThenBy(d => d.Kind)];
    }
}
