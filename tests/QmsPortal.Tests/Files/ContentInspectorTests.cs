using System.IO.Compression;
using System.Text;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Files;

namespace QmsPortal.Tests.Files;

public sealed class ContentInspectorTests
{
    private static string? Inspect(byte[] bytes, FileFormat format)
    {
        using var stream = new MemoryStream(bytes);
        return ContentInspector.FindProblem(stream, format);
    }

    public static TheoryData<string, FileFormat> WellFormed => new()
    {
        { "pdf", FileFormat.Pdf },
        { "pdf-2.0", FileFormat.Pdf },
        { "pdf-xref-stream", FileFormat.Pdf },
        { "docx", FileFormat.Docx },
        { "xlsx", FileFormat.Xlsx },
        { "odt", FileFormat.Odt },
        { "ole2", FileFormat.Doc },
        { "ole2", FileFormat.Xls },
    };

    private static byte[] Sample(string name) => name switch
    {
        "pdf" => TestFiles.Pdf(),
        "pdf-2.0" => TestFiles.Pdf(version: "2.0"),
        "pdf-xref-stream" => TestFiles.Pdf(crossReferenceStream: true),
        "docx" => TestFiles.Docx(),
        "xlsx" => TestFiles.Xlsx(),
        "odt" => TestFiles.Odt(),
        "ole2" => TestFiles.Ole2(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(WellFormed))]
    public void A_well_formed_file_is_accepted_and_the_stream_is_left_at_its_start(string sample, FileFormat format)
    {
        using var stream = new MemoryStream(Sample(sample));
        stream.Position = 7;

        Assert.Null(ContentInspector.FindProblem(stream, format));
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public void The_test_pdf_gives_every_object_its_true_offset_in_the_cross_reference_table()
    {
        var text = Encoding.Latin1.GetString(TestFiles.Pdf());
        var table = text[(text.IndexOf("\nxref\n", StringComparison.Ordinal) + 6)..text.IndexOf("trailer", StringComparison.Ordinal)].Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var offsets = table.Skip(2).Select(line => int.Parse(line[..10], System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(5, offsets.Count);
        Assert.All(offsets.Select((offset, i) => (offset, i)), o => Assert.StartsWith($"{o.i + 1} 0 obj", text[o.offset..], StringComparison.Ordinal));
    }

    [Fact]
    public void An_html_page_that_starts_with_a_pdf_header_is_refused()
    {
        var problem = Inspect(TestFiles.HtmlWithPdfHeader(), FileFormat.Pdf);

        Assert.StartsWith("Tệp không phải PDF hợp lệ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_structurally_whole_pdf_with_web_page_markup_in_its_first_kilobyte_is_refused()
    {
        var problem = Inspect(TestFiles.PdfWithHtmlInside(), FileFormat.Pdf);

        Assert.Equal("Tệp không phải PDF hợp lệ: phần đầu tệp chứa mã trang web (<html…), có thể là trang HTML đổi tên.", problem);
    }

    [Fact]
    public void A_pdf_with_a_wrong_header_a_missing_trailer_or_a_startxref_that_points_nowhere_is_refused()
    {
        var pdf = TestFiles.Pdf();
        var text = Encoding.Latin1.GetString(pdf);
        var startxref = text.LastIndexOf("startxref\n", StringComparison.Ordinal) + "startxref\n".Length;
        var offset = text[startxref..text.IndexOf('\n', startxref)];

        Assert.Contains("thiếu phần đầu %PDF-1.x", Inspect(Encoding.Latin1.GetBytes("%PDF-9.9" + text[8..]), FileFormat.Pdf), StringComparison.Ordinal);
        Assert.Contains("thiếu phần kết thúc", Inspect(pdf[..^40], FileFormat.Pdf), StringComparison.Ordinal);
        Assert.Contains("nằm ngoài tệp", Inspect(Encoding.Latin1.GetBytes(text.Replace("startxref\n" + offset, "startxref\n9999999", StringComparison.Ordinal)), FileFormat.Pdf), StringComparison.Ordinal);
        Assert.Contains("không trỏ tới bảng tham chiếu", Inspect(Encoding.Latin1.GetBytes(text.Replace("startxref\n" + offset, "startxref\n" + (int.Parse(offset, System.Globalization.CultureInfo.InvariantCulture) - 25), StringComparison.Ordinal)), FileFormat.Pdf), StringComparison.Ordinal);
        Assert.NotNull(Inspect("%PDF-1.7"u8.ToArray(), FileFormat.Pdf));
    }

    [Fact]
    public void A_docx_holding_200_MB_of_zeros_is_refused_without_decompressing_it_into_memory()
    {
        var bomb = TestFiles.ZipBomb;
        Assert.InRange(bomb.Length, 1, 1024 * 1024);

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var problem = Inspect(bomb, FileFormat.Docx);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.Equal("Tệp Word (.docx) chứa dữ liệu giải nén quá lớn (hơn 50 MB khi giải nén), có thể là “bom nén”.", problem);
        Assert.InRange(allocated, 0, 16L * 1024 * 1024);
    }

    [Fact]
    public void A_package_whose_directory_understates_a_part_is_judged_by_what_the_part_really_expands_to()
    {
        var lying = TestFiles.WithDeclaredSize(TestFiles.ZipBomb, "word/media/zeros.bin", 1_000);
        using (var zip = new ZipArchive(new MemoryStream(lying)))
        {
            Assert.Equal(1_000, zip.GetEntry("word/media/zeros.bin")!.Length);
        }

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var problem = Inspect(lying, FileFormat.Docx);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.Contains("chứa dữ liệu giải nén quá lớn", problem, StringComparison.Ordinal);
        Assert.InRange(allocated, 0, 16L * 1024 * 1024);
    }

    [Fact]
    public void A_part_whose_declared_size_differs_from_its_content_is_refused()
    {
        var docx = TestFiles.Docx();
        using (var zip = new ZipArchive(new MemoryStream(docx)))
        {
            Assert.NotEqual(10, zip.GetEntry("word/document.xml")!.Length);
        }

        Assert.Equal("Tệp không phải Word (.docx) hợp lệ: kích thước khai báo của thành phần word/document.xml không khớp dữ liệu thật.",
            Inspect(TestFiles.WithDeclaredSize(docx, "word/document.xml", 10), FileFormat.Docx));
    }

    [Fact]
    public void A_part_that_expands_more_than_a_hundredfold_is_refused_even_under_the_total_bound()
    {
        var problem = Inspect(TestFiles.ZipBombDocx(zeros: 30L * 1024 * 1024), FileFormat.Docx);

        Assert.Contains("chứa dữ liệu giải nén quá lớn so với kích thước nén (thành phần word/media/zeros.bin nở ra hơn 100 lần)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Office_files_must_not_carry_macros()
    {
        Assert.Equal("Tệp chứa macro (word/vbaProject.bin): tệp .docx không được chứa macro. Hãy lưu lại thành tệp .docx không có macro.",
            Inspect(TestFiles.DocxWithMacro(), FileFormat.Docx));
        Assert.StartsWith("Tệp chứa macro", Inspect(TestFiles.Xlsx(("xl/vbaProject.bin", [1, 2, 3])), FileFormat.Xlsx), StringComparison.Ordinal);
        var macroEnabledType = TestFiles.Package([.. Parts(TestFiles.Docx()).Select(p => p.Name == "[Content_Types].xml"
            ? (p.Name, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(p.Content).Replace(TestFiles.WordMainType, "application/vnd.ms-word.document.macroEnabled.main+xml", StringComparison.Ordinal)))
            : p)]);
        Assert.StartsWith("Tệp chứa macro", Inspect(macroEnabledType, FileFormat.Docx), StringComparison.Ordinal);
        Assert.StartsWith("Tệp chứa macro", Inspect(TestFiles.Package([.. Parts(TestFiles.Odt()), ("Basic/Standard/Module1.xml", "<x/>"u8.ToArray())]), FileFormat.Odt), StringComparison.Ordinal);
    }

    [Fact]
    public void A_package_must_hold_the_main_part_its_format_names()
    {
        var onlyContentTypes = TestFiles.Package(("[Content_Types].xml", Encoding.UTF8.GetBytes($"<Types><Override PartName=\"/word/document.xml\" ContentType=\"{TestFiles.WordMainType}\"/></Types>")));
        var withoutDocument = TestFiles.Package([.. Parts(TestFiles.Docx()).Where(p => p.Name != "word/document.xml")]);

        Assert.Equal("Tệp không phải Word (.docx) hợp lệ: phần nội dung chính không phải văn bản Word (theo [Content_Types].xml).", Inspect(TestFiles.Xlsx(), FileFormat.Docx));
        Assert.Contains("bảng tính Excel", Inspect(TestFiles.Docx(), FileFormat.Xlsx), StringComparison.Ordinal);
        Assert.Contains("thiếu _rels/.rels", Inspect(onlyContentTypes, FileFormat.Docx), StringComparison.Ordinal);
        Assert.Contains("thiếu phần nội dung chính word/document.xml", Inspect(withoutDocument, FileFormat.Docx), StringComparison.Ordinal);
        Assert.Contains("không phải gói nén ZIP", Inspect(TestFiles.Pdf(), FileFormat.Docx), StringComparison.Ordinal);
        Assert.Contains("gói nén bị hỏng", Inspect(TestFiles.Docx()[..200], FileFormat.Docx), StringComparison.Ordinal);
    }

    [Fact]
    public void A_package_with_too_many_parts_or_two_parts_of_one_name_is_refused()
    {
        var crowded = TestFiles.Package([.. Parts(TestFiles.Docx()), .. Enumerable.Range(0, ContentInspector.MaxPackageEntries).Select(i => ($"word/media/{i}.txt", new byte[] { 1 }))]);
        var twice = TestFiles.Package([.. Parts(TestFiles.Docx()), ("word/document.xml", "<x/>"u8.ToArray())]);

        Assert.Equal("Tệp Word (.docx) có quá nhiều thành phần (1.003; tối đa 1.000).", Inspect(crowded, FileFormat.Docx));
        Assert.Contains("trùng tên", Inspect(twice, FileFormat.Docx), StringComparison.Ordinal);
    }

    [Fact]
    public void An_odt_needs_its_mimetype_entry_first()
    {
        Assert.Contains("mimetype", Inspect(TestFiles.Odt("application/vnd.oasis.opendocument.spreadsheet"), FileFormat.Odt), StringComparison.Ordinal);
        Assert.Contains("mimetype", Inspect(TestFiles.Docx(), FileFormat.Odt), StringComparison.Ordinal);
    }

    [Fact]
    public void A_legacy_office_file_needs_a_sane_compound_file_header()
    {
        Assert.Contains("giá trị không hợp lệ", Inspect(TestFiles.Ole2(byteOrder: 0xFEFF), FileFormat.Doc), StringComparison.Ordinal);
        Assert.Contains("giá trị không hợp lệ", Inspect(TestFiles.Ole2(sectorShift: 12), FileFormat.Xls), StringComparison.Ordinal);
        Assert.Contains("bị cắt cụt", Inspect(TestFiles.Ole2()[..600], FileFormat.Doc), StringComparison.Ordinal);
        Assert.Contains("OLE2", Inspect("MZ không phải Word"u8.ToArray(), FileFormat.Doc), StringComparison.Ordinal);
    }

    [Fact]
    public void Any_single_corrupted_byte_or_truncation_gives_an_answer_never_an_exception()
    {
        foreach (var (sample, format) in new[] { (TestFiles.Docx(), FileFormat.Docx), (TestFiles.Odt(), FileFormat.Odt), (TestFiles.Pdf(), FileFormat.Pdf) })
        {
            for (var i = 0; i < sample.Length; i++)
            {
                foreach (var value in new byte[] { 0x00, 0xFF, (byte)(sample[i] ^ 0x01) })
                {
                    var corrupted = (byte[])sample.Clone();
                    corrupted[i] = value;
                    Inspect(corrupted, format);
                }

                Inspect(sample[..i], format);
            }
        }
    }

    private static List<(string Name, byte[] Content)> Parts(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package));
        return zip.Entries.Select(e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return (e.FullName, copy.ToArray());
        }).ToList();
    }
}
