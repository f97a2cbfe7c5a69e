using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Files;

/// <summary>
/// Judges an uploaded file by its structure, never by its name and not by its first bytes alone: a PDF needs its
/// header, a cross-reference trailer that points inside the file and no web-page markup at the start; an Office or
/// OpenDocument package must be a readable zip with the parts its format requires, no macros, and an uncompressed size
/// that is counted while actually decompressing (the sizes a zip declares can lie); a legacy Office file needs a sane
/// compound-file header. Features keep their own list of accepted formats and their own size limit; the upload must
/// already be buffered (a seekable stream) and within that limit.
/// </summary>
public static partial class ContentInspector
{
    /// <summary>The most an Office or OpenDocument package may expand to, all parts together.</summary>
    public const long MaxUncompressedBytes = 50L * 1024 * 1024;

    /// <summary>The most parts a package may hold; a real form has a few dozen.</summary>
    public const int MaxPackageEntries = 1_000;

    /// <summary>
    /// The most one part may expand relative to its compressed size once past <see cref="RatioGraceBytes"/>. Apache POI
    /// guards Office files with the same 100:1; real documents stay far below it, zeros deflate at about 1,000:1.
    /// </summary>
    public const int MaxCompressionRatio = 100;

    public const long RatioGraceBytes = 100 * 1024;

    private const int DescriptorMaxBytes = 1024 * 1024;

    private static readonly string[] MarkupMarkers =
        ["<html", "<!doctype", "<head", "<body", "<script", "<iframe", "<svg", "<meta", "<object", "<embed", "<form", "<img", "<style", "<link"];

    /// <summary>
    /// Null when the content is a well-formed file of the format; otherwise the Vietnamese reason to refuse it. Reads
    /// the stream from its start and leaves it there.
    /// </summary>
    public static string? FindProblem(Stream content, FileFormat format)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanSeek)
        {
            throw new ArgumentException("Buffer the upload first: the inspector needs a seekable stream.", nameof(content));
        }

        try
        {
            return format switch
            {
                FileFormat.Pdf => PdfProblem(content),
                FileFormat.Docx or FileFormat.Xlsx or FileFormat.Odt => PackageProblem(content, format),
                FileFormat.Doc or FileFormat.Xls => CompoundFileProblem(content, format),
                _ => throw new ArgumentOutOfRangeException(nameof(format)),
            };
        }
        finally
        {
            content.Position = 0;
        }
    }

    private static string? PdfProblem(Stream content)
    {
        var head = Latin1(content, 0, 1024);
        if (!PdfHeader().IsMatch(head))
        {
            return Invalid(FileFormat.Pdf, "thiếu phần đầu %PDF-1.x");
        }

        if (MarkupMarkers.FirstOrDefault(m => head.Contains(m, StringComparison.OrdinalIgnoreCase)) is { } marker)
        {
            return Invalid(FileFormat.Pdf, $"phần đầu tệp chứa mã trang web ({marker}…), có thể là trang HTML đổi tên");
        }

        var length = content.Length;
        var tailStart = Math.Max(0, length - 2048);
        var trailer = PdfTrailer().Match(Latin1(content, tailStart, (int)(length - tailStart)));
        if (!trailer.Success)
        {
            return Invalid(FileFormat.Pdf, "thiếu phần kết thúc (startxref và %%EOF), tệp bị cắt cụt hoặc không phải PDF");
        }

        if (!long.TryParse(trailer.Groups["offset"].ValueSpan, out var offset) || offset < 9 || offset >= length)
        {
            return Invalid(FileFormat.Pdf, "vị trí bảng tham chiếu (startxref) nằm ngoài tệp");
        }

        if (!PdfCrossReference().IsMatch(Latin1(content, offset, 64)))
        {
            return Invalid(FileFormat.Pdf, "startxref không trỏ tới bảng tham chiếu (xref)");
        }

        return null;
    }

    private static string? PackageProblem(Stream content, FileFormat format)
    {
        if (!Latin1(content, 0, 4).Equals("PK\u0003\u0004", StringComparison.Ordinal))
        {
            return Invalid(format, "không phải gói nén ZIP");
        }

        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var entries = zip.Entries;
            if (entries.Count > MaxPackageEntries)
            {
                return $"Tệp {format.Label()} có quá nhiều thành phần ({Count(entries.Count)}; tối đa {Count(MaxPackageEntries)}).";
            }

            if (entries.Select(e => e.FullName).Distinct(StringComparer.OrdinalIgnoreCase).Count() != entries.Count)
            {
                return Invalid(format, "gói có hai thành phần trùng tên");
            }

            // What the directory declares is only a first, cheap filter; the expansion below counts what is really there.
            // Each size is checked before the sum, so a sum of 1,000 of them cannot overflow.
            if (entries.Any(e => e.Length > MaxUncompressedBytes) || entries.Sum(e => e.Length) > MaxUncompressedBytes)
            {
                return TooLarge(format);
            }

            return (format == FileFormat.Odt ? OpenDocumentProblem(zip) : OfficeProblem(zip, format))
                ?? ExpansionProblem(Bytes(content), format, entries.Count);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException)
        {
            // A corrupt directory or stream surfaces as any of these, depending on which offset or length is wrong.
            return Invalid(format, "gói nén bị hỏng, không đọc được");
        }
        catch (NotSupportedException)
        {
            return Invalid(format, "gói dùng kiểu nén không được hỗ trợ hoặc được đặt mật khẩu");
        }
        catch (XmlException)
        {
            return Invalid(format, "phần mô tả của gói không phải XML hợp lệ");
        }
    }

    private static string? OfficeProblem(ZipArchive zip, FileFormat format)
    {
        if (zip.Entries.FirstOrDefault(e => e.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)) is { } macros)
        {
            return Macro(format, Shown(macros.FullName));
        }

        if (Find(zip, "[Content_Types].xml") is not { } typesPart)
        {
            return Invalid(format, "thiếu [Content_Types].xml");
        }

        var defaults = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var overrides = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in Elements(typesPart))
        {
            if (element.Name == "Default" && element.Get("Extension") is { } extension && element.Get("ContentType") is { } type)
            {
                defaults[extension] = type;
            }
            else if (element.Name == "Override" && element.Get("PartName") is { } part && element.Get("ContentType") is { } partType)
            {
                overrides[part] = partType;
            }
        }

        if (defaults.Values.Concat(overrides.Values).FirstOrDefault(t => t.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase)) is not null)
        {
            return Macro(format, "macroEnabled");
        }

        if (Find(zip, "_rels/.rels") is not { } relationships)
        {
            return Invalid(format, "thiếu _rels/.rels");
        }

        var target = Elements(relationships).FirstOrDefault(e => e.Name == "Relationship"
            && (e.Get("Type") ?? "").EndsWith("/officeDocument", StringComparison.Ordinal)
            && !string.Equals(e.Get("TargetMode"), "External", StringComparison.OrdinalIgnoreCase))?.Get("Target");
        if (string.IsNullOrWhiteSpace(target))
        {
            return Invalid(format, "không có quan hệ officeDocument tới phần nội dung chính");
        }

        var partName = Uri.UnescapeDataString(target).TrimStart('/');
        partName = partName.StartsWith("./", StringComparison.Ordinal) ? partName[2..] : partName;
        if (Find(zip, partName) is null)
        {
            return Invalid(format, $"thiếu phần nội dung chính {Shown(partName)}");
        }

        var mainType = overrides.GetValueOrDefault("/" + partName) ?? defaults.GetValueOrDefault(Path.GetExtension(partName).TrimStart('.'));
        var (expected, kind) = format == FileFormat.Docx
            ? ("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "văn bản Word")
            : ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "bảng tính Excel");
        return mainType == expected ? null : Invalid(format, $"phần nội dung chính không phải {kind} (theo [Content_Types].xml)");
    }

    private static string? OpenDocumentProblem(ZipArchive zip)
    {
        const string textMimeType = "application/vnd.oasis.opendocument.text";
        var first = zip.Entries.FirstOrDefault();
        if (first?.FullName != "mimetype" || Read(first, 100) is not { } mimeType || Encoding.ASCII.GetString(mimeType) != textMimeType)
        {
            return Invalid(FileFormat.Odt, $"thành phần đầu tiên phải là mimetype ghi {textMimeType}");
        }

        if (zip.Entries.FirstOrDefault(e => e.FullName.StartsWith("Basic/", StringComparison.OrdinalIgnoreCase)
            || e.FullName.StartsWith("Scripts/", StringComparison.OrdinalIgnoreCase)) is { } macros)
        {
            return Macro(FileFormat.Odt, Shown(macros.FullName));
        }

        return Find(zip, "content.xml") is null ? Invalid(FileFormat.Odt, "thiếu content.xml") : null;
    }

    /// <summary>
    /// Inflates every part from its compressed bytes (<see cref="ZipDirectory"/>: not trusting the declared sizes) with
    /// a running count that stops as soon as a bound is passed; nothing is kept. A part whose declared size differs from
    /// what it holds is refused too: readers would disagree about its content.
    /// </summary>
    private static string? ExpansionProblem(ArraySegment<byte> zip, FileFormat format, int partCount)
    {
        var parts = ZipDirectory.Read(zip);
        if (parts is null || parts.Count != partCount)
        {
            return Invalid(format, "gói nén bị hỏng, không đọc được");
        }

        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            long total = 0;
            foreach (var part in parts)
            {
                if (part.Encrypted || part.Method is not (0 or 8))
                {
                    return Invalid(format, $"thành phần {Shown(part.Name)} được đặt mật khẩu hoặc dùng kiểu nén không được hỗ trợ");
                }

                using var compressed = new MemoryStream(zip.Array!, zip.Offset + (int)part.DataOffset, (int)part.CompressedSize, writable: false);
                using var inflated = part.Method == 8 ? new DeflateStream(compressed, CompressionMode.Decompress, leaveOpen: true) : null;
                var stream = (Stream?)inflated ?? compressed;
                long expanded = 0;
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    expanded += read;
                    total += read;
                    if (total > MaxUncompressedBytes)
                    {
                        return TooLarge(format);
                    }

                    if (expanded > RatioGraceBytes && expanded > part.CompressedSize * MaxCompressionRatio)
                    {
                        return $"Tệp {format.Label()} chứa dữ liệu giải nén quá lớn so với kích thước nén (thành phần {Shown(part.Name)} nở ra hơn {MaxCompressionRatio} lần), có thể là “bom nén”.";
                    }
                }

                if (expanded != part.DeclaredSize)
                {
                    return Invalid(format, $"kích thước khai báo của thành phần {Shown(part.Name)} không khớp dữ liệu thật");
                }
            }

            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string? CompoundFileProblem(Stream content, FileFormat format)
    {
        Span<byte> header = stackalloc byte[512];
        content.Position = 0;
        if (content.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length
            || !header[..8].SequenceEqual((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return Invalid(format, "thiếu phần đầu của tệp Office 97–2003 (OLE2)");
        }

        var major = BinaryPrimitives.ReadUInt16LittleEndian(header[26..]);
        var byteOrder = BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
        var sectorShift = BinaryPrimitives.ReadUInt16LittleEndian(header[30..]);
        var miniSectorShift = BinaryPrimitives.ReadUInt16LittleEndian(header[32..]);
        if (byteOrder != 0xFFFE || miniSectorShift != 6 || !(major == 3 && sectorShift == 9 || major == 4 && sectorShift == 12))
        {
            return Invalid(format, "phần đầu OLE2 có giá trị không hợp lệ (thứ tự byte, cỡ sector)");
        }

        // The header fills the first sector; a file without a sector after it holds nothing.
        return content.Length < 2L << sectorShift ? Invalid(format, "tệp bị cắt cụt") : null;
    }

    private static string Invalid(FileFormat format, string reason) => $"Tệp không phải {format.Label()} hợp lệ: {reason}.";

    private static string TooLarge(FileFormat format) =>
        $"Tệp {format.Label()} chứa dữ liệu giải nén quá lớn (hơn {MaxUncompressedBytes / 1024 / 1024} MB khi giải nén), có thể là “bom nén”.";

    private static string Macro(FileFormat format, string part) =>
        $"Tệp chứa macro ({part}): tệp {format.Extension()} không được chứa macro. Hãy lưu lại thành tệp {format.Extension()} không có macro.";

    private static string Count(int n) => n.ToString("#,0", VietnameseFormat.Culture);

    private static ArraySegment<byte> Bytes(Stream content)
    {
        if (content is MemoryStream memory && memory.TryGetBuffer(out var buffer))
        {
            return buffer;
        }

        using var copy = new MemoryStream();
        content.Position = 0;
        content.CopyTo(copy);
        return copy.ToArray();
    }

    // Part names come from the uploaded file: shown short and printable.
    private static string Shown(string name) => new([.. name.Take(100).Select(c => char.IsControl(c) ? '?' : c)]);

    private static ZipArchiveEntry? Find(ZipArchive zip, string name) =>
        zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, name, StringComparison.OrdinalIgnoreCase));

    private static string Latin1(Stream content, long offset, int count)
    {
        var buffer = new byte[count];
        content.Position = offset;
        return Encoding.Latin1.GetString(buffer, 0, content.ReadAtLeast(buffer, count, throwOnEndOfStream: false));
    }

    /// <summary>A part's bytes, or null when it expands past <paramref name="max"/>.</summary>
    private static byte[]? Read(ZipArchiveEntry entry, int max)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (copy.Length + read > max)
            {
                return null;
            }

            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }

    private sealed record Element(string Name, Dictionary<string, string> Attributes)
    {
        public string? Get(string attribute) => Attributes.GetValueOrDefault(attribute);
    }

    /// <summary>The elements of a small XML part with their attributes; no DTD, no external resources.</summary>
    private static List<Element> Elements(ZipArchiveEntry part)
    {
        var bytes = Read(part, DescriptorMaxBytes) ?? throw new InvalidDataException($"{part.FullName} is too large.");
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
        var elements = new List<Element>();
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            while (reader.MoveToNextAttribute())
            {
                attributes[reader.LocalName] = reader.Value;
            }

            reader.MoveToElement();
            elements.Add(new Element(reader.LocalName, attributes));
        }

        return elements;
    }

    [GeneratedRegex(@"\A%PDF-(?:1\.[0-7]|2\.0)(?![0-9])")]
    private static partial Regex PdfHeader();

    [GeneratedRegex(@"startxref\s+(?<offset>[0-9]{1,15})\s+%%EOF", RegexOptions.RightToLeft)]
    private static partial Regex PdfTrailer();

    [GeneratedRegex(@"\A\s*(?:xref|[0-9]{1,10}\s+[0-9]{1,5}\s+obj)")]
    private static partial Regex PdfCrossReference();
}
