using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Documents.Signatures;

/// <summary>A signature as the document page and the print show it.</summary>
public sealed record SignatureRow(SignatureMeaning Meaning, string SignerName, string? SignerTitle, CommuneRole SignerRole, DateTimeOffset SignedAt,
    ReauthenticationMethod Method, string Digest);

/// <summary>
/// The signatures of one revision, with what to say truthfully where a signature is missing: the revision was approved
/// or issued by a recipe (no person), or before the portal had electronic signatures.
/// </summary>
public sealed record SignatureBlock(IReadOnlyList<SignatureRow> Signatures, RevisionStatus Status, int? IssueNumber, string? ApproverId, string? IssuerId,
    string IntegrityUrl)
{
    public SignatureRow? Of(SignatureMeaning meaning) => Signatures.FirstOrDefault(s => s.Meaning == meaning);

    public bool WasApproved => Status is not (RevisionStatus.Draft or RevisionStatus.InReview);

    public bool WasIssued => IssueNumber is not null;

    /// <summary>Whether the block has anything to show: a step that happened, or a signature (a review comes before approval).</summary>
    public bool HasContent => WasApproved || Signatures.Count > 0;

    /// <summary>Why a step that happened has no signature, or null when it is signed or did not happen.</summary>
    public string? MissingSignature(SignatureMeaning meaning)
    {
        var happened = meaning == SignatureMeaning.Approval ? WasApproved : WasIssued;
        if (!happened || Of(meaning) is not null)
        {
            return null;
        }

        var actorId = meaning == SignatureMeaning.Approval ? ApproverId : IssuerId ?? ApproverId;
        var step = SignatureLabels.Meaning(meaning);
        return actorId?.StartsWith(DocumentActor.RecipePrefix, StringComparison.Ordinal) == true
            ? $"{step} khi khởi tạo từ công thức — không có chữ ký điện tử."
            : $"{step} trước khi cổng có chữ ký điện tử — không có chữ ký điện tử.";
    }

    public static async Task<IReadOnlyList<SignatureRow>> ForRevisionAsync(QmsDbContext db, int revisionId, CancellationToken cancellationToken = default) =>
        await db.Set<DocumentSignature>().AsNoTracking().Where(s => s.RevisionId == revisionId).OrderBy(s => s.Id)
            .Select(s => new SignatureRow(s.Meaning, s.SignerName, s.SignerTitle, s.SignerRole, s.SignedAt, s.Method, s.Digest))
            .ToListAsync(cancellationToken);
}

/// <summary>The re-authentication field of a signing form: a one-time code or the password; <see cref="Id"/> keeps the ids unique on the page.</summary>
public sealed record SigningField(bool WithCode, string Id);
