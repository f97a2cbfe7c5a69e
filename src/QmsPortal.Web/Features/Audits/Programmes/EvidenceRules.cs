using System.Text;
using QmsPortal.Web.Data;
using QmsPortal.Web.Files;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Audits.Programmes;

/// <summary>
/// What may be attached as audit evidence: .pdf, .docx or .xlsx (a scanned record, a register, a survey sheet) up to
/// <see cref="MaxBytes"/>, judged by content with the shared <see cref="ContentInspector"/> so a renamed page or a zip
/// bomb is refused. Kept here rather than borrowed from the documents feature: features do not import each other.
/// </summary>
public static class EvidenceRules
{
    public const long MaxBytes = 10 * 1024 * 1024;

    private static readonly FileFormat[] Allowed = [FileFormat.Pdf, FileFormat.Docx, FileFormat.Xlsx];

    /// <summary>Checks a buffered upload; returns the safe file name and content type to store, or throws on field "Upload".</summary>
    public static (string FileName, string ContentType) Check(string? fileName, long length, Stream content)
    {
        if (length <= 0)
        {
            throw new DomainException("Tệp bằng chứng rỗng.", "Upload");
        }

        if (length > MaxBytes)
        {
            throw new DomainException($"Tệp bằng chứng vượt quá giới hạn {MaxBytes / 1024 / 1024} MB.", "Upload");
        }

        if (FileFormats.FromFileName(fileName) is not { } format || !Allowed.Contains(format))
        {
            throw new DomainException("Tệp bằng chứng chỉ nhận .pdf, .docx hoặc .xlsx.", "Upload");
        }

        if (ContentInspector.FindProblem(content, format) is { } problem)
        {
            throw new DomainException(problem, "Upload");
        }

        return (SafeName(fileName!, format.Extension()), format.ContentType());
    }

    /// <summary>Letters (Vietnamese included), digits, space, dot, dash and underscore; never a path.</summary>
    private static string SafeName(string fileName, string extension)
    {
        var stem = Path.GetFileNameWithoutExtension(Path.GetFileName(fileName.Replace('\\', '/')));
        var builder = new StringBuilder();
        foreach (var c in VietnameseText.Normalize(stem))
        {
            builder.Append(char.IsLetterOrDigit(c) || c is '-' or '_' or ' ' or '.' ? c : '_');
        }

        var safe = builder.ToString().Trim(' ', '.');
        return (safe.Length == 0 ? "bang-chung" : safe[..Math.Min(safe.Length, 150)]) + extension;
    }
}
