using QmsPortal.Web.Data;

namespace QmsPortal.Web.Features.Audits;

/// <summary>
/// The province's inspection of the commune's quality system (Sở Khoa học và Công nghệ leads it; DOMAIN.md): the
/// commune's report on its corrective actions is due two months after the inspection minutes.
/// </summary>
public sealed class ProvinceInspection : ITenantOwned, IStamped
{
    public const int ReportMonths = 2;

    private ProvinceInspection()
    {
    }

    public int Id { get; private set; }
    public int TenantId { get; set; }
    public DateOnly InspectedOn { get; private set; }
    public DateOnly MinutesDate { get; private set; }
    public string Unit { get; private set; } = "";
    public string Inspectors { get; private set; } = "";
    public bool OnSite { get; private set; }
    public string? Summary { get; private set; }
    public string RecordedById { get; private set; } = "";
    public string RecordedByName { get; private set; } = "";
    public DateOnly ReportDueDate { get; private set; }
    public DateOnly? ReportSubmittedOn { get; private set; }
    public string? ReportReference { get; private set; }

    /// <summary>The item of the province's yearly inspection plan this inspection carries out, when it was recorded from the plan.</summary>
    public int? PlanItemId { get; private set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public static ProvinceInspection Record(DateOnly inspectedOn, DateOnly minutesDate, string? unit, string? inspectors, bool onSite, string? summary, AuditPerson by,
        int? planItemId = null)
    {
        if (minutesDate < inspectedOn)
        {
            throw new DomainException("Ngày biên bản không được trước ngày kiểm tra.", "MinutesDate");
        }

        return new ProvinceInspection
        {
            InspectedOn = inspectedOn,
            MinutesDate = minutesDate,
            Unit = AuditText.Required(unit, 200, "Unit", "đơn vị kiểm tra"),
            Inspectors = AuditText.Required(inspectors, 1000, "Inspectors", "thành phần đoàn kiểm tra"),
            OnSite = onSite,
            Summary = AuditText.Optional(summary, 8000, "Summary", "kết luận kiểm tra"),
            RecordedById = by.UserId,
            RecordedByName = by.Name,
            ReportDueDate = minutesDate.AddMonths(ReportMonths),
            PlanItemId = planItemId,
        };
    }

    public void SubmitReport(DateOnly on, string? reference)
    {
        if (ReportSubmittedOn is not null)
        {
            throw new DomainException("Báo cáo khắc phục đã được ghi nhận.");
        }

        if (on < MinutesDate)
        {
            throw new DomainException("Ngày gửi báo cáo không được trước ngày biên bản kiểm tra.", "ReportSubmittedOn");
        }

        ReportReference = AuditText.Required(reference, 200, "ReportReference", "số, ngày văn bản báo cáo");
        ReportSubmittedOn = on;
    }
}
