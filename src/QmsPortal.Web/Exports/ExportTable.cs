using Microsoft.AspNetCore.Mvc;
using System.Globalization;
using System.Text;

namespace QmsPortal.Web.Exports;

/// <summary>
/// A table a page offers for download: a title, headed columns and rows of typed cells. The same table is written
/// as CSV (<see cref="CsvWriter"/>) and as XLSX (<see cref="XlsxWriter"/>), so both files always say the same thing.
/// </summary>
public sealed class ExportTable(string title, IReadOnlyList<ExportColumn> columns)
{
    public string Title { get; } = title;
    public IReadOnlyList<ExportColumn> Columns { get; } = columns;
    public List<IReadOnlyList<ExportCell>> Rows { get; } = [];

    /// <summary>Lines printed above the header (province, date of the figures), in the XLSX only.</summary>
    public List<string> Preamble { get; } = [];

    public ExportTable Add(params ExportCell[] cells)
    {
        if (cells.Length != Columns.Count)
        {
            throw new ArgumentException($"A row of '{Title}' has {cells.Length} cells for {Columns.Count} columns.", nameof(cells));
        }

        Rows.Add(cells);
        return this;
    }
}

/// <param name="Width">Column width in characters in the XLSX.</param>
public sealed record ExportColumn(string Header, double Width = 14);

/// <summary>One cell: text, a number, a percentage (0.875 shown as 87,5%), a date, or empty.</summary>
public readonly record struct ExportCell
{
    private ExportCell(ExportCellKind kind, string? text, decimal? number, DateOnly? date)
    {
        Kind = kind;
        Text = text;
        Number = number;
        Date = date;
    }

    public ExportCellKind Kind { get; }
    public string? Text { get; }
    public decimal? Number { get; }
    public DateOnly? Date { get; }

    public static readonly ExportCell Empty = new(ExportCellKind.Empty, null, null, null);

    public static implicit operator ExportCell(string? text) => text is null ? Empty : new(ExportCellKind.Text, text, null, null);

    public static implicit operator ExportCell(int number) => new(ExportCellKind.Number, null, number, null);

    public static implicit operator ExportCell(decimal number) => new(ExportCellKind.Number, null, number, null);

    public static implicit operator ExportCell(DateOnly date) => new(ExportCellKind.Date, null, null, date);

    public static ExportCell Of(int? number) => number is { } n ? n : Empty;

    public static ExportCell Of(decimal? number) => number is { } n ? n : Empty;

    public static ExportCell Of(DateOnly? date) => date is { } d ? d : Empty;

    /// <summary>A share between 0 and 1, shown as a percentage.</summary>
    public static ExportCell Percent(decimal? share) => share is { } s ? new(ExportCellKind.Percent, null, s, null) : Empty;

    /// <summary>The cell as a person reads it: dd/MM/yyyy dates, Vietnamese decimal comma.</summary>
    public string Display => Kind switch
    {
        ExportCellKind.Text => Text!,
        ExportCellKind.Number => Number!.Value.ToString("0.##", QmsPortal.Web.Text.VietnameseFormat.Culture),
        ExportCellKind.Percent => (Number!.Value * 100).ToString("0.#", QmsPortal.Web.Text.VietnameseFormat.Culture) + "%",
        ExportCellKind.Date => Date!.Value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        _ => "",
    };
}

public enum ExportCellKind
{
    Empty,
    Text,
    Number,
    Percent,
    Date,
}

/// <summary>
/// RFC 4180 CSV in UTF-8 with a byte-order mark, so Excel opens Vietnamese text correctly; values as a person reads
/// them. A text cell that a spreadsheet would run as a formula (= + - @ at its start) is prefixed with an apostrophe.
/// </summary>
public static class CsvWriter
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Write(ExportTable table)
    {
        var text = new StringBuilder();
        AppendLine(text, table.Columns.Select(c => c.Header));
        foreach (var row in table.Rows)
        {
            AppendLine(text, row.Select(c => c.Kind == ExportCellKind.Text ? Defuse(c.Text!) : c.Display));
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static void AppendLine(StringBuilder text, IEnumerable<string> values)
    {
        var first = true;
        foreach (var value in values)
        {
            if (!first)
            {
                text.Append(',');
            }

            first = false;
            if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                text.Append('"').Append(value.Replace("\"", "\"\"")).Append('"');
            }
            else
            {
                text.Append(value);
            }
        }

        text.Append("\r\n");
    }

    internal static string Defuse(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}

/// <summary>The two download formats every export offers, as the last part of its address (<c>….csv</c>, <c>….xlsx</c>).</summary>
public static class ExportFile
{
    public static bool IsFormat(string? format) => format is "csv" or "xlsx";

    /// <param name="name">The file name without its extension.</param>
    public static FileContentResult Of(ExportTable table, string format, string name) => format == "csv"
        ? new FileContentResult(CsvWriter.Write(table), CsvWriter.ContentType) { FileDownloadName = name + ".csv" }
        : new FileContentResult(XlsxWriter.Write(table), XlsxWriter.ContentType) { FileDownloadName = name + ".xlsx" };
}
