using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace QmsPortal.Web.Exports;

/// <summary>
/// Writes <see cref="ExportTable"/>s as one XLSX workbook, a sheet per table, with the Open XML SDK
/// (DocumentFormat.OpenXml: Microsoft's own, MIT, maintained; the ClosedXML version served here is years old and
/// builds the whole workbook in memory). Rows are streamed with <see cref="OpenXmlWriter"/>; numbers, percentages
/// and dates are real typed cells, so a province can sort and sum them in Excel.
/// </summary>
public static class XlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const uint StyleHeader = 1;
    private const uint StyleDate = 2;
    private const uint StylePercent = 3;
    private const uint StyleTitle = 4;
    private const uint StyleWrap = 5;

    public static byte[] Write(params ExportTable[] tables)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            uint sheetId = 1;
            foreach (var table in tables)
            {
                var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
                WriteSheet(sheetPart, table);
                sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = sheetId++, Name = SheetName(table.Title, used) });
            }
        }

        return memory.ToArray();
    }

    private static void WriteSheet(WorksheetPart part, ExportTable table)
    {
        var headerRow = (uint)(table.Preamble.Count + (table.Preamble.Count > 0 ? 2 : 1));
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(new SheetView(new Pane
        {
            VerticalSplit = headerRow,
            TopLeftCell = $"A{headerRow + 1}",
            ActivePane = PaneValues.BottomLeft,
            State = PaneStateValues.Frozen,
        })
        { WorkbookViewId = 0 }));
        writer.WriteElement(new Columns(table.Columns.Select((c, i) =>
            new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = c.Width, CustomWidth = true })));
        writer.WriteStartElement(new SheetData());
        uint rowIndex = 1;
        foreach (var line in table.Preamble)
        {
            writer.WriteElement(new Row(TextCell(line, rowIndex == 1 ? StyleTitle : 0)) { RowIndex = rowIndex++ });
        }

        rowIndex = headerRow;
        writer.WriteElement(new Row(table.Columns.Select(c => TextCell(c.Header, StyleHeader))) { RowIndex = rowIndex++ });
        foreach (var row in table.Rows)
        {
            writer.WriteElement(new Row(row.Select(CellOf)) { RowIndex = rowIndex++ });
        }

        writer.WriteEndElement();
        if (table.Rows.Count > 0)
        {
            var last = ColumnName(table.Columns.Count - 1);
            writer.WriteElement(new AutoFilter { Reference = $"A{headerRow}:{last}{rowIndex - 1}" });
        }

        writer.WriteElement(new PageSetup { Orientation = OrientationValues.Landscape, PaperSize = 9, FitToWidth = 1, FitToHeight = 0 });
        writer.WriteEndElement();
    }

    private static Cell CellOf(ExportCell cell) => cell.Kind switch
    {
        ExportCellKind.Text => TextCell(cell.Text!, cell.Text!.Contains('\n') ? StyleWrap : 0),
        ExportCellKind.Number => new Cell(new CellValue(cell.Number!.Value)) { DataType = CellValues.Number },
        ExportCellKind.Percent => new Cell(new CellValue(cell.Number!.Value)) { DataType = CellValues.Number, StyleIndex = StylePercent },
        ExportCellKind.Date => new Cell(new CellValue(cell.Date!.Value.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)))
        {
            StyleIndex = StyleDate,
        },
        _ => new Cell(),
    };

    private static Cell TextCell(string text, uint style) => new(new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }))
    {
        DataType = CellValues.InlineString,
        StyleIndex = style == 0 ? null : style,
    };

    /// <summary>XML 1.0 cannot carry most control characters; a spreadsheet cell never needs them.</summary>
    private static string XmlSafe(string text) =>
        text.Any(c => c < ' ' && c is not '\n' and not '\t') ? new string(text.Where(c => c >= ' ' || c is '\n' or '\t').ToArray()) : text;

    private static string SheetName(string title, HashSet<string> used)
    {
        var name = new string(title.Select(c => c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' ? ' ' : c).ToArray()).Trim();
        name = name.Length == 0 ? "Bảng" : name[..Math.Min(28, name.Length)];
        var candidate = name;
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = $"{name} {n}";
        }

        return candidate;
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + ((index - 1) % 26)) + name;
        }

        return name;
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" }),
            new Font(new Bold(), new FontSize { Val = 13 }, new FontName { Val = "Times New Roman" }))
        { Count = 3 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE7EEF7" }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top })
            {
                FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true, ApplyAlignment = true,
            },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 10, ApplyNumberFormat = true },
            new CellFormat { FontId = 2, ApplyFont = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true })
        { Count = 6 });
}
