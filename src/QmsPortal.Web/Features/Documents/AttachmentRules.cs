using System.Text;
using QmsPortal.Web.Data;
using QmsPortal.Web.Files;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Documents;

/// <summary>
/// What may be attached to a document: forms as .docx, .xlsx or .pdf up to <see cref="MaxBytes"/>. The type is
/// judged by the content (<see cref="ContentInspector"/>: PDF structure, OOXML package parts, macros, uncompressed
/// size), never by the name alone, so a renamed executable, an HTML page or a zip bomb is refused.
/// </summary>
public static class AttachmentRules
{
    public const long MaxBytes = 10 * 1024 * 1024;

    private static readonly FileFormat[] Allowed = [FileFormat.Docx, FileFormat.Xlsx, FileFormat.Pdf];

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

        if (FileFormats.FromFileName(fileName) is not { } format || !Allowed.Contains(format))
        {
            throw new DomainException("Chỉ nhận tệp .docx, .xlsx hoặc .pdf.", "Upload");
        }

        if (ContentInspector.FindProblem(content, format) is { } problem)
        {
            throw new DomainException(problem, "Upload");
        }

        return (SafeFileName(fileName!, format.Extension()), format.ContentType());
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
}
