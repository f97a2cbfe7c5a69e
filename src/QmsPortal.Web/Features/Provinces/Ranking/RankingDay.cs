using System.Globalization;
using QmsPortal.Web.Features.Provinces.Compliance;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Provinces.Ranking;

/// <summary>
/// The day a ranking page scores, from <c>?ngay=dd/MM/yyyy</c> read as the compliance table reads it (a bad or future
/// day shows today, with the reason); links between the ranking pages keep it.
/// </summary>
public sealed record RankingDay(DateOnly AsOf, bool IsToday, string Typed, IReadOnlyList<string> Errors)
{
    public static RankingDay From(IQueryCollection query, DateOnly today)
    {
        var view = ComplianceView.Parse(query, today);
        return new RankingDay(view.AsOf, view.AsOf == today, view.Value(ComplianceView.DateKey), view.Errors);
    }

    /// <summary><c>?ngay=…</c> for a past day, empty for today (so today's links stay short and always mean today).</summary>
    public string Query => IsToday ? "" : "?" + ComplianceView.DateKey + "=" + Uri.EscapeDataString(VietnameseFormat.Date(AsOf));

    public string FileDate => AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
