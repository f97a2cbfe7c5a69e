namespace QmsPortal.Web.Files;

/// <summary>The file formats uploads may have; each feature allows its own subset and judges them with <see cref="ContentInspector"/>.</summary>
public enum FileFormat
{
    Pdf,
    Docx,
    Xlsx,
    Odt,
    Doc,
    Xls,
}

public static class FileFormats
{
    /// <summary>The format a file name claims by its extension, or null; the content is judged separately.</summary>
    public static FileFormat? FromFileName(string? fileName) => Path.GetExtension(fileName ?? "").ToLowerInvariant() switch
    {
        ".pdf" => FileFormat.Pdf,
        ".docx" => FileFormat.Docx,
        ".xlsx" => FileFormat.Xlsx,
        ".odt" => FileFormat.Odt,
        ".doc" => FileFormat.Doc,
        ".xls" => FileFormat.Xls,
        _ => null,
    };

    public static string Extension(this FileFormat format) => "." + format.ToString().ToLowerInvariant();

    public static string ContentType(this FileFormat format) => format switch
    {
        FileFormat.Pdf => "application/pdf",
        FileFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        FileFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        FileFormat.Odt => "application/vnd.oasis.opendocument.text",
        FileFormat.Doc => "application/msword",
        FileFormat.Xls => "application/vnd.ms-excel",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>How a user names the format ("Word (.docx)").</summary>
    public static string Label(this FileFormat format) => format switch
    {
        FileFormat.Pdf => "PDF",
        FileFormat.Docx => "Word (.docx)",
        FileFormat.Xlsx => "Excel (.xlsx)",
        FileFormat.Odt => "OpenDocument (.odt)",
        FileFormat.Doc => "Word 97–2003 (.doc)",
        FileFormat.Xls => "Excel 97–2003 (.xls)",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
