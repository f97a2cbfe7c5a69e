using System.IO.Compression;
using System.Text;
using QmsPortal.Web.Data;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Documents;

/// <summary>
/// What may be attached to a document: forms as .docx, .xlsx or .pdf up to <see cref="MaxBytes"/>. The type is
/// judged by the content (PDF header, or an OOXML package whose [Content_Types].xml names the right main part),
/// never by the name alone, so a renamed executable or HTML page is refused.
/// </summary>
public static class AttachmentRules
{
    public const long MaxBytes = 10 * 1024 * 1024;

    private static readonly Dictionary<string, (string ContentType, string MainPart)> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", ""),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "wordprocessingml.document.main+xml"),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "spreadsheetml.sheet.main+xml"),
    };

    /// <summary>Checks the file and returns the safe file name and content type to store; throws with a Vietnamese message.</summary>
    public static (string FileName, string ContentType) Check(string? fileName, long length, Stream content)
    {
        if (length <= 0)
        {
            throw new DomainException("Tệp đính kèm rỗng.", "Upload");
        }

        if (length > MaxBytes)
        {
            throw new DomainException($"Tệp đính kèm vượt quá giới hạn {MaxBytes / 1024 / 1024} MB.", "Upload");
        }

        var extension = Path.GetExtension(fileName ?? "");
        if (!Allowed.TryGetValue(extension, out var type))
        {
            throw new DomainException("Chỉ nhận tệp .docx, .xlsx hoặc .pdf.", "Upload");
        }

        if (!ContentMatches(extension, type.MainPart, content))
        {
            throw new DomainException($"Nội dung tệp không phải là tệp {extension.ToLowerInvariant()} hợp lệ (đã kiểm tra theo nội dung, không theo tên).", "Upload");
        }

        content.Position = 0;
        return (SafeFileName(fileName!, extension.ToLowerInvariant()), type.ContentType);
    }

    /// <summary>Keeps letters (Vietnamese included), digits, space, dot, dash and underscore; never a path.</summary>
    public static string SafeFileName(string fileName, string extension)
    {
        var stem = Path.GetFileNameWithoutExtension(Path.GetFileName(fileName.Replace('\\', '/')));
        var builder = new StringBuilder();
        foreach (var c in VietnameseText.Normalize(stem))
        {
            builder.Append(char.IsLetterOrDigit(c) || c is '-' or '_' or ' ' or '.' ? c : '_');
        }

        var safe = builder.ToString().Trim(' ', '.');
        if (safe.Length == 0)
        {
            safe = "tep-dinh-kem";
        }

        return safe[..Math.Min(safe.Length, 150)] + extension;
    }

    private static bool ContentMatches(string extension, string mainPart, Stream content)
    {
        content.Position = 0;
        Span<byte> head = stackalloc byte[5];
        if (content.ReadAtLeast(head, 5, throwOnEndOfStream: false) < 5)
        {
            return false;
        }

        content.Position = 0;
        if (extension.Equals(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            return head.SequenceEqual("%PDF-"u8);
        }

        if (!head[..4].SequenceEqual("PK\u0003\u0004"u8))
        {
            return false;
        }

        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null || types.Length > 1_000_000)
            {
                return false;
            }

            using var reader = new StreamReader(types.Open());
            return reader.ReadToEnd().Contains(mainPart, StringComparison.Ordinal);
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
