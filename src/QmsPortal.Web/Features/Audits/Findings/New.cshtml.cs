using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Audits.Findings;

/// <summary>
/// Raises a finding: directly, from an audit answer (<c>?auditId=&amp;answerId=</c>), from a citizen's report
/// (<c>?feedbackId=</c>, the one click of the staff feedback list) or from a province inspection (<c>?inspectionId=</c>).
/// The origin is checked again on every post; its fields prefill the form; the reference comes from the commune's counter.
/// </summary>
[Authorize(Policy = CommunePolicies.Reader)]
public sealed class NewModel(QmsDbContext db, AuditDesk desk, FindingLookup lookup, CommuneCounters counters) : PageModel
{
    /// <summary>A citizen's report on a posting is about how the service is described to them (ISO 9001 8.2).</summary>
    public const string ReportClause = "8.2";

    [BindProperty(SupportsGet = true)]
    public int? AuditId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? AnswerId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? FeedbackId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? InspectionId { get; set; }

    [BindProperty]
    public FindingInput Input { get; set; } = new();

    public FindingOrigin Origin { get; private set; } = FindingOrigin.Direct;

    /// <summary>Where the finding comes from, in words, with a link to that record.</summary>
    public (string Text, string? Link)? OriginText { get; private set; }

    /// <summary>The origin cannot take a finding (message beside it): no form is shown and a post writes nothing.</summary>
    public bool Blocked { get; private set; }

    public IReadOnlyList<string> TthcCodes { get; private set; } = [];
    public IReadOnlyList<string> DocumentCodes { get; private set; } = [];
    public string Slug => desk.Slug;

    public sealed class FindingInput
    {
        public FindingGrade? Grade { get; set; }
        public string? Clause { get; set; }
        public FindingSubject SubjectKind { get; set; } = FindingSubject.Process;
        public string? Subject { get; set; }
        public string? Description { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await ResolveOriginAsync(prefill: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        await LoadCodesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await ResolveOriginAsync(prefill: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Blocked)
        {
            await LoadCodesAsync(cancellationToken);
            return Page();
        }

        try
        {
            var grade = Input.Grade ?? throw new DomainException("Chọn mức độ của phát hiện.", "Grade");
            var subject = await lookup.CheckSubjectAsync(Input.SubjectKind, Input.Subject, cancellationToken);
            var by = await desk.ActorAsync();
            var today = desk.Today;
            var prefix = Finding.ReferencePrefix(today.Year) + "-";
            Finding finding;
            // The number, the finding and the report's mark are written together; a refused finding gives its number back.
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                var number = await counters.NextAsync(prefix[..^1], async token =>
                {
                    var used = await db.Set<Finding>().Where(f => f.Reference.StartsWith(prefix)).Select(f => f.Reference).ToListAsync(token);
                    return used.Select(r => long.TryParse(r[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max();
                }, cancellationToken);
                finding = Finding.Raise(prefix + number.ToString("000", CultureInfo.InvariantCulture), grade, Input.Clause, Input.SubjectKind, subject,
                    Input.Description, Origin, by, today);
                db.Add(finding);
                if (Origin.FeedbackId is { } feedbackId)
                {
                    await lookup.LinkReportAsync(feedbackId, finding.Reference, cancellationToken);
                }

                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            TempData["Message"] = $"Đã lập phát hiện {finding.Reference}.";
            return Redirect($"/{Slug}/danh-gia/phat-hien/{finding.Id}");
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(e.Field is null ? nameof(FeedbackId) : "Input." + e.Field, e.Message);
        }
        catch (DbUpdateException) when (Origin.FeedbackId is not null)
        {
            // Two people turned the same report into a finding at once: the unique index kept one.
            ModelState.AddModelError(nameof(FeedbackId), "Phản ánh này vừa được người khác lập thành phát hiện.");
        }

        await LoadCodesAsync(cancellationToken);
        return Page();
    }

    /// <summary>Finds the record the finding comes from in this commune (another commune's id is a 404) and checks the user may raise it.</summary>
    private async Task<IActionResult?> ResolveOriginAsync(bool prefill, CancellationToken cancellationToken)
    {
        var given = new[] { AuditId is not null || AnswerId is not null, FeedbackId is not null, InspectionId is not null }.Count(g => g);
        if (given > 1)
        {
            return BadRequest();
        }

        var rights = await desk.RightsAsync();
        if (InspectionId is { } inspectionId)
        {
            // The province auditor writes down the inspection's findings; the commune's auditors and secretary may transcribe them from the minutes.
            if (!rights.Inspect && !rights.Raise)
            {
                return Forbid();
            }

            var inspection = await db.Set<ProvinceInspection>().AsNoTracking().Where(i => i.Id == inspectionId)
                .Select(i => new { i.Unit, i.InspectedOn }).FirstOrDefaultAsync(cancellationToken);
            if (inspection is null)
            {
                return NotFound();
            }

            Origin = new FindingOrigin(FindingSource.Inspection, InspectionId: inspectionId);
            OriginText = ($"Cuộc kiểm tra của {inspection.Unit} ngày {VietnameseFormat.Date(inspection.InspectedOn)}", $"/{Slug}/danh-gia/kiem-tra-cua-tinh/{inspectionId}");
            return null;
        }

        if (!rights.Raise)
        {
            return Forbid();
        }

        if (FeedbackId is { } feedbackId)
        {
            var report = await lookup.ReportAsync(feedbackId, cancellationToken);
            if (report is null)
            {
                return NotFound();
            }

            Origin = new FindingOrigin(FindingSource.CitizenReport, FeedbackId: feedbackId);
            OriginText = ($"Phản ánh {report.Reference} của người dân về thủ tục {report.Code}: “{report.Message}”", $"/{Slug}/thu-tuc/quan-ly/phan-anh");
            if (report.FindingReference is not null)
            {
                Block(nameof(FeedbackId), $"Phản ánh {report.Reference} đã được lập thành phát hiện {report.FindingReference}.");
            }
            else if (prefill)
            {
                Input.Clause = ReportClause;
                Input.SubjectKind = FindingSubject.Tthc;
                Input.Subject = report.Code;
                Input.Description = $"Người dân phản ánh ({report.Reference}): {report.Message}";
            }

            return null;
        }

        if (AnswerId is not null && AuditId is null)
        {
            return NotFound();
        }

        if (AuditId is { } auditId)
        {
            var audit = await db.Set<Audit>().AsNoTracking().Where(a => a.Id == auditId)
                .Select(a => new { a.Title, a.Status, a.ScopeDocuments, a.ScopeTthc }).FirstOrDefaultAsync(cancellationToken);
            if (audit is null)
            {
                return NotFound();
            }

            Origin = new FindingOrigin(FindingSource.Audit, AuditId: auditId, AuditAnswerId: AnswerId);
            OriginText = ($"Cuộc đánh giá nội bộ “{audit.Title}”", $"/{Slug}/danh-gia/cuoc-danh-gia/{auditId}");
            if (audit.Status is not (AuditStatus.InProgress or AuditStatus.Reported))
            {
                Block(nameof(AuditId), "Chỉ lập phát hiện từ cuộc đánh giá đang tiến hành hoặc đã ký báo cáo.");
                return null;
            }

            if (AnswerId is { } answerId)
            {
                var answer = await db.Set<AuditAnswer>().AsNoTracking().Where(x => x.Id == answerId)
                    .Select(x => new { x.AuditId, x.Clause, x.Question, x.Result, x.Evidence }).FirstOrDefaultAsync(cancellationToken);
                if (answer is null)
                {
                    return NotFound();
                }

                if (answer.AuditId != auditId)
                {
                    Block(nameof(AnswerId), "Câu hỏi đã chọn không thuộc cuộc đánh giá này: hãy mở lại từ bảng câu hỏi của cuộc đánh giá.");
                    return null;
                }

                OriginText = (OriginText.Value.Text + $", câu hỏi {answer.Clause}: “{answer.Question}”", OriginText.Value.Link);
                if (prefill)
                {
                    Input.Clause = answer.Clause;
                    Input.Description = answer.Evidence;
                    Input.Grade = answer.Result switch
                    {
                        AnswerResult.Nonconform => FindingGrade.MinorNonconformity,
                        AnswerResult.Observation => FindingGrade.Observation,
                        _ => null,
                    };
                }
            }

            if (prefill)
            {
                // One process or one TTHC in scope is what the finding is most likely about.
                var documents = audit.ScopeDocuments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var tthc = audit.ScopeTthc.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                (Input.SubjectKind, Input.Subject) = (documents.Length, tthc.Length) switch
                {
                    (1, _) => (FindingSubject.Document, documents[0]),
                    (0, 1) => (FindingSubject.Tthc, tthc[0]),
                    _ => (Input.SubjectKind, Input.Subject),
                };
            }
        }

        return null;
    }

    private void Block(string field, string message)
    {
        Blocked = true;
        ModelState.AddModelError(field, message);
    }

    private async Task LoadCodesAsync(CancellationToken cancellationToken)
    {
        TthcCodes = await lookup.PostedTthcCodesAsync(cancellationToken);
        DocumentCodes = await lookup.DocumentCodesAsync(cancellationToken);
    }
}
