using System.Text;
using QmsPortal.Web.Features.Audits.Objectives;

namespace QmsPortal.Tests.Features.Audits.Objectives;

public sealed class DeskCsvTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static (IReadOnlyList<DeskMonth> Months, IReadOnlyList<CsvProblem> Problems) Parse(string text, bool bom = false) =>
        DeskCsv.Parse([.. (bom ? new byte[] { 0xEF, 0xBB, 0xBF } : []), .. Encoding.UTF8.GetBytes(text)], Today);

    [Fact]
    public void Reads_comma_or_semicolon_with_or_without_a_bom_and_both_month_spellings_in_any_column_order()
    {
        var comma = Parse("thang,tiep_nhan,dung_han,tre_han,xin_loi,hai_long,khao_sat\n2026-03,212,206,6,6,180,190\n");
        var semicolon = Parse("khao_sat;hai_long;xin_loi;tre_han;dung_han;tiep_nhan;thang;ghi_chu\r\n190;180;6;6;206;212;03/2026;\"Tháng 3; có lễ\"\r\n\r\n", bom: true);

        Assert.Empty(comma.Problems);
        Assert.Equal(comma.Months.Select(m => m with { Row = 0 }), semicolon.Months.Select(m => m with { Row = 0 }));
        Assert.Equal(new DeskMonth(2, new DateOnly(2026, 3, 1), 212, 206, 6, 6, 180, 190), comma.Months.Single());
    }

    [Fact]
    public void Every_bad_row_is_named_by_row_and_column_and_no_month_is_returned()
    {
        var result = Parse("""
            thang,tiep_nhan,dung_han,tre_han,xin_loi,hai_long,khao_sat
            2026-01,200,190,10,9,170,180
            2026-02,200,195,10,9,170,180
            2026-13,200,190,10,9,170,180
            2026-04,200,abc,10,9,170,180
            2026-05,200,190,10,9,190,180
            2026-01,200,190,10,9,170,180
            2026-12,200,190,10,9,170,180
            """);

        Assert.Empty(result.Months);
        Assert.Equal(
            ["Dòng 3, cột dung_han", "Dòng 4, cột thang", "Dòng 5, cột dung_han", "Dòng 6, cột hai_long", "Dòng 7, cột thang", "Dòng 8, cột thang"],
            result.Problems.Select(p => p.ToString().Split(':')[0]));
        Assert.Contains("đã có ở dòng 2", result.Problems[4].Message, StringComparison.Ordinal);
        Assert.Contains("chưa đến", result.Problems[5].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_column_or_a_file_that_is_not_utf8_is_refused_at_the_header()
    {
        var missing = Parse("thang,tiep_nhan,dung_han,tre_han,xin_loi,hai_long\n2026-03,212,206,6,6,180\n");
        var latin1 = DeskCsv.Parse([.. Encoding.UTF8.GetBytes("thang,tiep_nhan\n"), 0xE0, 0x0A], Today);
        var empty = Parse("thang,tiep_nhan,dung_han,tre_han,xin_loi,hai_long,khao_sat\n");

        Assert.Equal("Dòng 1, cột khao_sat", missing.Problems.Single().ToString().Split(':')[0]);
        Assert.Contains("UTF-8", latin1.Problems.Single().Message, StringComparison.Ordinal);
        Assert.Contains("không có dòng số liệu", empty.Problems.Single().Message, StringComparison.Ordinal);
    }
}
