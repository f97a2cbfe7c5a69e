using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Files;

namespace QmsPortal.Web.Features.Documents.Signatures;

/// <summary>
/// "Kiểm tra toàn vẹn": recomputes each signature's digest from what is there now — the revision's text in the
/// database and the bytes in the file store, re-hashed, not the keys the database claims — and, when it differs,
/// says what changed: the title, the body, or which attachment (replaced, altered in the store, missing, removed, added).
/// </summary>
public sealed class SignatureIntegrity(QmsDbContext db, IFileStore files)
{
    public async Task<IReadOnlyList<Verdict>> CheckDocumentAsync(int documentId, CancellationToken cancellationToken = default)
    {
        var signatures = await db.Set<DocumentSignature>().AsNoTracking().Where(s => s.DocumentId == documentId)
            .OrderBy(s => s.RevisionNumber).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var verdicts = new List<Verdict>(signatures.Count);
        foreach (var group in signatures.GroupBy(s => s.RevisionId))
        {
            var current = await CurrentAsync(group.Key, cancellationToken);
            verdicts.AddRange(group.Select(s => Compare(s, current)));
        }

        return verdicts;
    }

    /// <summary>The revision as it is now; a file's key and size are those of the bytes actually stored (null when missing).</summary>
    private async Task<Current> CurrentAsync(int revisionId, CancellationToken cancellationToken)
    {
        var text = await db.Set<DocumentRevision>().AsNoTracking().Where(r => r.Id == revisionId).Select(r => new { r.Title, r.Body })
            .SingleAsync(cancellationToken);
        var attachments = await db.Set<DocumentAttachment>().AsNoTracking().Where(a => a.RevisionId == revisionId).OrderBy(a => a.Id)
            .Select(a => new { a.FileName, a.ContentKey, a.Size }).ToListAsync(cancellationToken);
        var found = new List<CurrentFile>(attachments.Count);
        foreach (var a in attachments)
        {
            found.Add(new CurrentFile(a.FileName, a.ContentKey, await StoredFiles.HashAsync(files, a.ContentKey, cancellationToken)));
        }

        var content = SignedContent.Of(text.Title, text.Body,
            found.Select(f => new SignedFile(f.FileName, f.Stored?.Key ?? "", f.Stored?.Size ?? -1)));
        return new Current(content, found);
    }

    private static Verdict Compare(DocumentSignature signature, Current current)
    {
        var row = new Row(signature.Id, signature.RevisionNumber, signature.Meaning, signature.SignerName, signature.SignerTitle, signature.SignerRole,
            signature.SignedAt, signature.Method, signature.Digest);
        if (current.Content.Digest == signature.Digest)
        {
            return new Verdict(row, current.Content.Digest, true, []);
        }

        var signed = SignatureManifest.FromJson(signature.Manifest);
        var changes = new List<string>();
        if (signed.TitleDigest != current.Content.TitleDigest)
        {
            changes.Add("Tên tài liệu đã thay đổi sau khi ký.");
        }

        if (signed.BodyDigest != current.Content.BodyDigest)
        {
            changes.Add("Nội dung văn bản đã thay đổi sau khi ký.");
        }

        var left = current.Files.ToList();
        foreach (var file in signed.Files)
        {
            var same = left.FirstOrDefault(f => f.FileName == file.FileName && f.ContentKey == file.ContentKey)
                ?? left.FirstOrDefault(f => f.FileName == file.FileName);
            if (same is null)
            {
                changes.Add($"Tệp \"{file.FileName}\" đã bị gỡ khỏi bản này sau khi ký.");
                continue;
            }

            left.Remove(same);
            if (same.ContentKey != file.ContentKey)
            {
                changes.Add($"Tệp \"{file.FileName}\" đã bị thay bằng một tệp khác sau khi ký.");
            }
            else if (same.Stored is null)
            {
                changes.Add($"Tệp \"{file.FileName}\" không còn trong kho lưu trữ.");
            }
            else if (same.Stored.Key != file.ContentKey || same.Stored.Size != file.Size)
            {
                changes.Add($"Nội dung tệp \"{file.FileName}\" trong kho lưu trữ đã bị thay đổi sau khi ký.");
            }
        }

        changes.AddRange(left.Select(f => $"Tệp \"{f.FileName}\" được đính kèm thêm sau khi ký."));
        if (changes.Count == 0)
        {
            changes.Add("Mã băm tính lại không khớp với mã băm đã ký.");
        }

        return new Verdict(row, current.Content.Digest, false, changes);
    }

    private sealed record CurrentFile(string FileName, string ContentKey, StoredFile? Stored);

    private sealed record Current(SignedContent Content, IReadOnlyList<CurrentFile> Files);

    public sealed record Row(long Id, int RevisionNumber, SignatureMeaning Meaning, string SignerName, string? SignerTitle, Tenancy.CommuneRole SignerRole,
        DateTimeOffset SignedAt, ReauthenticationMethod Method, string Digest);

    /// <summary>One signature checked: unchanged since signed, or the list of what changed.</summary>
    public sealed record Verdict(Row Signature, string CurrentDigest, bool Unchanged, IReadOnlyList<string> Changes);
}
