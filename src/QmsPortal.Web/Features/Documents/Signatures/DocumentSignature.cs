using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Documents.Signatures;

/// <summary>What a signature means (ISO 9001 7.5.2: review and approval for suitability, then release).</summary>
public enum SignatureMeaning
{
    Approval,
    Issue,

    /// <summary>"Xem xét": the reviewer the submitter named has reviewed the revision before approval.</summary>
    Review,
}

/// <summary>
/// An electronic signature on one revision: who signed, in which commune role, what it means, when, how they
/// re-authenticated, and the SHA-256 digest of the revision's text and attachments with a manifest of what that
/// covered. Append-only: EF Core refuses any update or delete (<see cref="IAppendOnly"/>) and so does the database
/// (<see cref="SignatureTriggers"/>); no page edits or deletes one.
/// </summary>
public sealed class DocumentSignature : ITenantOwned, IAppendOnly
{
    public const int DigestLength = 64;

    private DocumentSignature()
    {
    }

    internal DocumentSignature(DocumentRevision revision, SignatureMeaning meaning, DocumentActor signer, SigningEvidence evidence, DateTimeOffset at)
    {
        Revision = revision;
        RevisionNumber = revision.Number;
        Meaning = meaning;
        SignerId = signer.UserId;
        SignerName = signer.Name;
        SignerTitle = signer.JobTitle;
        SignerRole = evidence.Role;
        SignedAt = at;
        Method = evidence.Method;
        Digest = evidence.Content.Digest;
        Manifest = evidence.Content.Manifest.ToJson();
    }

    public long Id { get; private set; }
    public int TenantId { get; set; }
    public int DocumentId { get; private set; }
    public int RevisionId { get; private set; }
    public DocumentRevision? Revision { get; private set; }
    public int RevisionNumber { get; private set; }
    public SignatureMeaning Meaning { get; private set; }
    public string SignerId { get; private set; } = "";
    public string SignerName { get; private set; } = "";
    public string? SignerTitle { get; private set; }
    public CommuneRole SignerRole { get; private set; }
    public DateTimeOffset SignedAt { get; private set; }
    public ReauthenticationMethod Method { get; private set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="SignedContent.Canonical"/> at the moment of signing.</summary>
    public string Digest { get; private set; } = "";

    /// <summary><see cref="SignatureManifest"/> as JSON.</summary>
    public string Manifest { get; private set; } = "";
}

/// <summary>
/// What a page hands to <see cref="ControlledDocument.Review"/>, <see cref="ControlledDocument.Approve"/> or <see cref="ControlledDocument.Issue"/> once the signer
/// has re-authenticated: the commune role they sign under, how they proved who they are, and the content they sign.
/// </summary>
public sealed record SigningEvidence(CommuneRole Role, ReauthenticationMethod Method, SignedContent Content);

public static class SignatureLabels
{
    public static string Meaning(SignatureMeaning meaning) => meaning switch
    {
        SignatureMeaning.Approval => "Phê duyệt",
        SignatureMeaning.Issue => "Ban hành",
        SignatureMeaning.Review => "Xem xét",
        _ => meaning.ToString(),
    };

    public static string Method(ReauthenticationMethod method) => method switch
    {
        ReauthenticationMethod.Password => "nhập lại mật khẩu",
        ReauthenticationMethod.OneTimeCode => "mã xác thực một lần",
        _ => method.ToString(),
    };

    /// <summary>The first 16 hex digits, enough to compare by eye with the integrity check.</summary>
    public static string ShortDigest(string digest) => digest.Length > 16 ? digest[..16] : digest;
}
