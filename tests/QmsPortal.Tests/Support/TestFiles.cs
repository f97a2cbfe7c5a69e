using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace QmsPortal.Tests.Support;

/// <summary>
/// Files built in the tests, small but well-formed (a PDF with a correct cross-reference table, minimal Word, Excel and
/// OpenDocument packages, an OLE2 header) and their hostile twins (HTML behind a PDF header, a macro, a zip bomb).
/// </summary>
public static class TestFiles
{
    public const string WordMainType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    public const string ExcelMainType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    /// <summary>A one-page PDF whose xref table gives each object's true byte offset.</summary>
    public static byte[] Pdf(string text = "To khai dang ky khai sinh", string version = "1.7", string headerComment = "\u00e2\u00e3\u00cf\u00d3",
        bool crossReferenceStream = false)
    {
        var content = $"BT /F1 12 Tf 72 770 Td ({text}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        // Latin-1 keeps one byte per character, so string lengths are byte offsets.
        var pdf = new StringBuilder($"%PDF-{version}\n%{headerComment}\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var crossReference = pdf.Length;
        if (crossReferenceStream)
        {
            // The PDF 1.5 form: startxref names an object (a cross-reference stream) instead of an "xref" table.
            pdf.Append($"{objects.Length + 1} 0 obj\n<< /Type /XRef /Size {objects.Length + 2} /Root 1 0 R /W [1 4 2] /Length 0 >>\nstream\n\nendstream\nendobj\n");
        }
        else
        {
            pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
            foreach (var offset in offsets)
            {
                pdf.Append($"{offset:D10} 00000 n \n");
            }

            pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\n");
        }

        pdf.Append($"startxref\n{crossReference}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }

    /// <summary>A web page that only starts like a PDF (what finding 8 of the review uploaded).</summary>
    public static byte[] HtmlWithPdfHeader() =>
        Encoding.UTF8.GetBytes("%PDF-1.4\n<!DOCTYPE html><html><body><script>fetch('/tai-khoan').then(r => r.text())</script></body></html>\n");

    /// <summary>A PDF that is structurally whole but carries a web page in its first comment line.</summary>
    public static byte[] PdfWithHtmlInside() => Pdf(headerComment: "<html><body><script>alert(document.cookie)</script></body></html>");

    public static byte[] Docx(params (string Name, byte[] Content)[] extraParts) => Package([.. DocxParts(), .. extraParts]);

    private static (string Name, byte[] Content)[] DocxParts() =>
    [
        ("[Content_Types].xml", Xml($"""
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
              <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
              <Default Extension="xml" ContentType="application/xml"/>
              <Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>
              <Override PartName="/word/document.xml" ContentType="{WordMainType}"/>
            </Types>
            """)),
        ("_rels/.rels", Relationships("officeDocument", "word/document.xml")),
        ("word/document.xml", Xml("""
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
              <w:body><w:p><w:r><w:t>Tờ khai đăng ký khai sinh</w:t></w:r></w:p></w:body>
            </w:document>
            """)),
    ];

    public static byte[] Xlsx(params (string Name, byte[] Content)[] extraParts) => Package(
    [
        ("[Content_Types].xml", Xml($"""
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
              <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
              <Default Extension="xml" ContentType="application/xml"/>
              <Override PartName="/xl/workbook.xml" ContentType="{ExcelMainType}"/>
              <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
            </Types>
            """)),
        ("_rels/.rels", Relationships("officeDocument", "xl/workbook.xml")),
        ("xl/workbook.xml", Xml("""
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
              <sheets><sheet name="Tờ khai" sheetId="1" r:id="rId1"/></sheets>
            </workbook>
            """)),
        ("xl/_rels/workbook.xml.rels", Relationships("worksheet", "worksheets/sheet1.xml")),
        ("xl/worksheets/sheet1.xml", Xml("""
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
              <sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Họ và tên</t></is></c></row></sheetData>
            </worksheet>
            """)),
        .. extraParts,
    ]);

    /// <summary>A Word package carrying a VBA project, as a .docm renamed to .docx does.</summary>
    public static byte[] DocxWithMacro() => Docx(("word/vbaProject.bin", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 1, 2, 3]));

    /// <summary>An OpenDocument text: the stored mimetype entry first, then content and manifest.</summary>
    public static byte[] Odt(string mimeType = "application/vnd.oasis.opendocument.text") => Package(
    [
        ("mimetype", Encoding.ASCII.GetBytes(mimeType)),
        ("content.xml", Xml("""
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">
              <office:body><office:text><text:p>Tờ khai</text:p></office:text></office:body>
            </office:document-content>
            """)),
        ("META-INF/manifest.xml", Xml("""
            <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">
              <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
              <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
            </manifest:manifest>
            """)),
    ]);

    private static readonly Lazy<byte[]> Bomb = new(() => ZipBombDocx());

    /// <summary><see cref="ZipBombDocx"/> with 200 MB of zeros, built once per test run.</summary>
    public static byte[] ZipBomb => Bomb.Value;

    /// <summary>
    /// A valid Word package plus one part of <paramref name="zeros"/> zero bytes, streamed in so the test never holds
    /// them in memory: a few hundred KB compressed.
    /// </summary>
    public static byte[] ZipBombDocx(long zeros = 200L * 1024 * 1024)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in DocxParts())
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(content);
            }

            // Create mode compresses straight into the output; Update mode would buffer the whole part uncompressed.
            using var part = zip.CreateEntry("word/media/zeros.bin", CompressionLevel.SmallestSize).Open();
            var block = new byte[1024 * 1024];
            for (long written = 0; written < zeros; written += block.Length)
            {
                part.Write(block, 0, (int)Math.Min(block.Length, zeros - written));
            }
        }

        return stream.ToArray();
    }

    /// <summary>The same package with the directory and local header claiming <paramref name="declared"/> bytes for a part.</summary>
    public static byte[] WithDeclaredSize(byte[] zip, string partName, uint declared)
    {
        var bytes = (byte[])zip.Clone();
        var name = Encoding.UTF8.GetBytes(partName);
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            if (signature == 0x04034b50 && bytes.AsSpan(i + 30, Math.Min(name.Length, bytes.Length - i - 30)).SequenceEqual(name)
                && BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 26)) == name.Length)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 22), declared);
            }
            else if (signature == 0x02014b50 && bytes.AsSpan(i + 46, Math.Min(name.Length, bytes.Length - i - 46)).SequenceEqual(name)
                && BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 28)) == name.Length)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), declared);
            }
        }

        return bytes;
    }

    /// <summary>A legacy Office (OLE2 compound file, version 3) header and empty sectors.</summary>
    public static byte[] Ole2(ushort byteOrder = 0xFFFE, ushort sectorShift = 9, int sectors = 1)
    {
        var file = new byte[512 * (1 + sectors)];
        ((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).CopyTo(file);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(24), 0x3E);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(26), 3);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(28), byteOrder);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(30), sectorShift);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(32), 6);
        return file;
    }

    public static byte[] Package(params (string Name, byte[] Content)[] parts)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in parts)
            {
                // OpenDocument requires its mimetype entry stored, not compressed.
                using var entry = zip.CreateEntry(name, name == "mimetype" ? CompressionLevel.NoCompression : CompressionLevel.Optimal).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    private static byte[] Relationships(string type, string target) => Xml($"""
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{type}" Target="{target}"/>
        </Relationships>
        """);

    private static byte[] Xml(string body) => Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + body);
}
