using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QmsPortal.Web.Exports;
using QmsPortal.Web.Features.Provinces.Ranking.Scores;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Provinces.Ranking;

/// <summary>The ranking of a day as CSV or XLSX: the same rows and columns as the page, the scheme and day above them.</summary>
[Authorize]
public sealed class ExportModel(ProvinceAccess access, ProvinceRanking ranking) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string provinceCode, string format, CancellationToken cancellationToken)
    {
        if (!ExportFile.IsFormat(format))
        {
            return NotFound();
        }

        var (province, refusal) = await access.OpenAsync(provinceCode, cancellationToken);
        if (province is null)
        {
            return this.Refuse(refusal);
        }

        var day = RankingDay.From(Request.Query, ranking.Today);
        var result = await ranking.RankAsync(province.Code, day.AsOf, cancellationToken);
        if (result.Scheme is null)
        {
            // No scheme, no scores: there is nothing true to put in a file (the page says why).
            return NotFound();
        }

        var table = Table(province, result);
        return ExportFile.Of(table, format, $"xep-hang-{province.Code}-{day.FileDate}");
    }

    public static ExportTable Table(OverseenProvince province, RankingOnDay ranking)
    {
        var scheme = ranking.Scheme!;
        var columns = new List<ExportColumn> { new("Hạng", 7), new("Xã, phường", 28), new("Mã xã", 9), new($"Tổng điểm (tối đa {Schemes.Scheme.TotalWeight})", 12) };
        columns.AddRange(scheme.Criteria.Select(c => new ExportColumn($"{c.Criterion.Name} (tối đa {c.Weight})", 16)));
        var table = new ExportTable("Xếp hạng", columns);
        table.Preamble.Add($"Xếp hạng các xã, phường — {province.Name}");
        table.Preamble.Add($"{scheme.Title}, phiên bản {scheme.Version} (áp dụng từ {VietnameseFormat.Date(Schemes.SchemesInForce.LocalDay(scheme.AppliedAt))})");
        table.Preamble.Add($"Số liệu tính đến ngày {VietnameseFormat.Date(ranking.AsOf)}");
        foreach (var ranked in ranking.Communes)
        {
            var score = ranked.Score;
            var cells = new List<ExportCell> { ranked.Rank, score.Row.Name, score.Row.Code, score.Total };
            cells.AddRange(score.Criteria.Select(c => (ExportCell)c.Points));
            table.Add([.. cells]);
        }

        return table;
    }
}
