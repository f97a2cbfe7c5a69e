using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using QmsPortal.Web.Exports;

namespace QmsPortal.Tests.Exports;

public sealed class ExportTableTests
{
    private static ExportTable Sample()
    {
        var table = new ExportTable("Tuân thủ: Quảng Trị", [new("Xã"), new("Điểm"), new("Tỉ lệ"), new("Ngày")]);
        table.Preamble.Add("Bảng tuân thủ ISO 9001 — Tỉnh Quảng Trị");
        table.Add("Xã Tuyên Bình, huyện \"cũ\"", 87.5m, ExportCell.Percent(0.875m), new DateOnly(2026, 3, 9));
        table.Add("=HYPERLINK(\"x\")", ExportCell.Of((int?)null), ExportCell.Percent(null), ExportCell.Of((DateOnly?)null));
        return table;
    }

    [Fact]
    public void Csv_starts_with_a_byte_order_mark_quotes_commas_and_defuses_formulas()
    {
        var bytes = CsvWriter.Write(Sample());

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("Xã,Điểm,Tỉ lệ,Ngày", lines[0]);
        Assert.Equal("\"Xã Tuyên Bình, huyện \"\"cũ\"\"\",\"87,5\",\"87,5%\",09/03/2026", lines[1]);
        Assert.StartsWith("\"'=HYPERLINK(", lines[2]);
    }

    [Fact]
    public void Xlsx_has_a_sheet_per_table_with_typed_cells_under_a_frozen_header()
    {
        var bytes = XlsxWriter.Write(Sample(), new ExportTable("Tuân thủ: Quảng Trị", [new("A")]).Add("b"));

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Tuân thủ  Quảng Trị", "Tuân thủ  Quảng Trị 2"], sheets.Select(s => s.Name!.Value));

        var part = (WorksheetPart)workbook.GetPartById(sheets[0].Id!);
        var rows = part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        Assert.Equal([1u, 3u, 4u, 5u], rows.Select(r => r.RowIndex!.Value));
        Assert.Equal("Xã", rows[1].Elements<Cell>().First().InnerText);
        var data = rows[2].Elements<Cell>().ToList();
        Assert.Equal("Xã Tuyên Bình, huyện \"cũ\"", data[0].InnerText);
        Assert.Equal(CellValues.Number, data[1].DataType!.Value);
        Assert.Equal(87.5m, decimal.Parse(data[1].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new DateOnly(2026, 3, 9), DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(data[3].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal("A3:D5", part.Worksheet.GetFirstChild<AutoFilter>()!.Reference!.Value);
        Assert.Equal("A4", part.Worksheet.Descendants<Pane>().Single().TopLeftCell!.Value);
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_cells_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => new ExportTable("t", [new("a"), new("b")]).Add("only one"));
    }
}
