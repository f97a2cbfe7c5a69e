using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Files;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Documents.Signatures;

/// <summary>
/// The page's half of a signature: the signer re-authenticates (password or one-time code), and the revision's
/// content is sealed from the database text and the stored bytes of its attachments. The entity then records it.
/// </summary>
public sealed class RevisionSigning(QmsDbContext db, UserManager<PortalUser> users, Reauthentication reauthentication, IFileStore files,
    CommuneAccess access, IHttpContextAccessor http)
{
    /// <summary>Whether the signed-in user signs with a one-time code (else with their password).</summary>
    public async Task<bool> UsesOneTimeCodeAsync()
    {
        var userId = http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        return userId is not null && await db.Users.AnyAsync(u => u.Id == userId && u.SigningCodeEnabled);
    }

    /// <summary>Verifies who signs and seals what they sign; throws a Vietnamese <see cref="DomainException"/> and records nothing on failure.</summary>
    public async Task<SigningEvidence> SignAsync(DocumentRevision revision, SignatureMeaning meaning, string? password, string? code)
    {
        var user = await users.GetUserAsync(http.HttpContext?.User ?? new ClaimsPrincipal()) ?? throw new InvalidOperationException("No signed-in user.");
        var role = await RoleAsync(meaning);
        var method = await reauthentication.VerifyAsync(user, password, code);
        var attachments = await db.Set<DocumentAttachment>().AsNoTracking().Where(a => a.RevisionId == revision.Id)
            .Select(a => new SignedFile(a.FileName, a.ContentKey, a.Size)).ToListAsync();
        foreach (var file in attachments)
        {
            if (await StoredFiles.HashAsync(files, file.ContentKey) is not { } stored || stored.Key != file.ContentKey || stored.Size != file.Size)
            {
                throw new DomainException($"Tệp đính kèm \"{file.FileName}\" không còn nguyên vẹn trong kho lưu trữ: chưa thể ký. Hãy báo quản trị hệ thống.");
            }
        }

        return new SigningEvidence(role, method, SignedContent.Of(revision.Title, revision.Body, attachments));
    }

    /// <summary>The commune role the signature is given under; a platform administrator holds none and never signs for a commune.</summary>
    private async Task<CommuneRole> RoleAsync(SignatureMeaning meaning)
    {
        var roles = await access.RolesAsync();
        CommuneRole[] preferred = meaning switch
        {
            SignatureMeaning.Approval => [CommuneRole.Approver],
            SignatureMeaning.Issue => [CommuneRole.Approver, CommuneRole.QualitySecretary, CommuneRole.CommuneAdmin],
            // Any member the submitter named may review (a vice-chair, the head of the office, a specialist).
            _ => [CommuneRole.Approver, CommuneRole.CommuneAdmin, CommuneRole.QualitySecretary, CommuneRole.InternalAuditor, CommuneRole.Staff],
        };
        foreach (var role in preferred)
        {
            if (roles.Contains(role))
            {
                return role;
            }
        }

        throw new DomainException(meaning switch
        {
            SignatureMeaning.Approval => "Chỉ lãnh đạo có vai trò phê duyệt mới được phê duyệt tài liệu.",
            SignatureMeaning.Issue => "Chỉ thành viên của xã (thư ký ISO, quản trị xã hoặc lãnh đạo phê duyệt) mới được ký ban hành tài liệu.",
            _ => "Chỉ thành viên của xã mới được ký xem xét tài liệu.",
        });
    }
}

/// <summary>Re-reads stored bytes: the content key is the SHA-256 the store computed when the file came in.</summary>
public static class StoredFiles
{
    /// <summary>The SHA-256 and size of the bytes stored under <paramref name="key"/>, or null when nothing is stored there.</summary>
    public static async Task<StoredFile?> HashAsync(IFileStore files, string key, CancellationToken cancellationToken = default)
    {
        await using var stream = files.OpenRead(key);
        if (stream is null)
        {
            return null;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            size += read;
        }

        return new StoredFile(Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }
}
