using System.Globalization;
using QmsPortal.Web.Features.Provinces.Compliance;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Provinces.Ranking.Schemes;

/// <summary>What one criterion made of one commune's row: the share of its points earned (0–1) and why.</summary>
/// <param name="Measured">The value read from the row, as a person reads it (it is also the evidence's value).</param>
/// <param name="Rule">The rule of the scheme that turned the value into points.</param>
/// <param name="Improve">What the commune would do to earn the points it missed; null when full.</param>
public sealed record Measure(decimal Fraction, string Measured, string Rule, string? Improve);

/// <summary>
/// A criterion a province may put in its scoring scheme. The set is fixed in code (a scheme chooses among them and
/// sets weights and thresholds), because each one must know how to read its points from a <see cref="ComplianceRow"/>
/// and which column of that row, with its commune page, is the evidence.
/// </summary>
public abstract class ScoringCriterion(string key, string name, ComplianceColumn evidenceColumn)
{
    /// <summary>The name in recipes (English kebab-case, e.g. <c>iso-steps</c>).</summary>
    public string Key { get; } = key;

    /// <summary>The name on pages and in exports.</summary>
    public string Name { get; } = name;

    /// <summary>The column of the compliance table the points are read from: its value and its commune page are the evidence.</summary>
    public ComplianceColumn EvidenceColumn { get; } = evidenceColumn;

    public abstract IReadOnlyList<ThresholdField> Fields { get; }

    /// <summary>Rules between thresholds once each one is valid on its own: the threshold at fault and why.</summary>
    public virtual (string Field, string Message)? Check(Thresholds thresholds) => null;

    /// <summary>How the thresholds turn a value into points, in words (the list of criteria on the ranking page).</summary>
    public abstract string Rule(Thresholds thresholds);

    public abstract Measure Measure(ComplianceRow row, Thresholds thresholds);

    protected static string Number(decimal value) => value.ToString("0.##", VietnameseFormat.Culture);
}

/// <summary>The registry of criteria, by key.</summary>
public static class ScoringCriteria
{
    public static readonly IReadOnlyList<ScoringCriterion> All =
    [
        new IsoStepsCriterion(),
        new RecencyCriterion("internal-audit", "Đánh giá nội bộ hằng năm", ComplianceColumn.LastInternalAudit,
            r => r.LastInternalAudit, "đánh giá nội bộ", "Tổ chức một cuộc đánh giá nội bộ (ISO 9001 điều 9.2)"),
        new RecencyCriterion("management-review", "Xem xét của lãnh đạo hằng năm", ComplianceColumn.LastManagementReview,
            r => r.LastManagementReview, "cuộc họp xem xét của lãnh đạo", "Tổ chức họp xem xét của lãnh đạo (ISO 9001 điều 9.3)"),
        new CountCriterion("corrective-actions-overdue", "Hành động khắc phục quá hạn", ComplianceColumn.OverdueCorrectiveActions,
            r => r.OverdueCorrectiveActions, "hành động khắc phục quá hạn", "Hoàn thành các hành động khắc phục đã quá hạn"),
        new CountCriterion("documents-review-overdue", "Tài liệu quá hạn xem xét định kỳ", ComplianceColumn.DocumentsOverdueForReview,
            r => r.DocumentsOverdueForReview, "tài liệu quá hạn xem xét", "Xem xét định kỳ các tài liệu đã đến hạn"),
        new CountCriterion("legal-updates-overdue", "Chưa cập nhật văn bản pháp luật mới (quá 3 tháng)", ComplianceColumn.LegalUpdatesOverdue,
            r => r.LegalUpdatesOverdue, "thay đổi pháp luật chưa cập nhật quá hạn", "Cập nhật hệ thống tài liệu theo các văn bản pháp luật mới"),
        new PostingCompletenessCriterion(),
        new CountCriterion("stale-postings", "Thủ tục niêm yết chưa theo phiên bản mới", ComplianceColumn.StalePostings,
            r => r.StalePostings, "thủ tục niêm yết chưa cập nhật", "Cập nhật các thủ tục niêm yết theo quyết định công bố mới của tỉnh"),
        new CountCriterion("citizen-reports-open", "Phản ánh của người dân chưa xử lý", ComplianceColumn.OpenCitizenReports,
            r => r.OpenCitizenReports, "phản ánh chưa xử lý", "Xử lý và trả lời các phản ánh của người dân"),
        new ObjectiveCriterion("on-time-rate", "Tỷ lệ hồ sơ giải quyết đúng hạn", ComplianceColumn.OnTimeRate, r => r.OnTimeRate,
            "tỷ lệ đúng hạn", "Giảm hồ sơ trễ hạn tại bộ phận một cửa"),
        new ObjectiveCriterion("satisfaction", "Mức độ hài lòng của người dân", ComplianceColumn.Satisfaction, r => r.Satisfaction,
            "mức độ hài lòng", "Nâng cao mức độ hài lòng của người dân"),
    ];

    private static readonly Dictionary<string, ScoringCriterion> ByKey = All.ToDictionary(c => c.Key, StringComparer.Ordinal);

    public static ScoringCriterion? Find(string? key) => key is not null && ByKey.TryGetValue(key, out var criterion) ? criterion : null;
}

/// <summary>
/// <c>iso-steps</c>: the four steps of QĐ 19/2014 reached in order; points in proportion, full at <c>fullAt</c> steps.
/// Its evidence is the first step's column: the four step columns lead to the same page, the commune's ISO status.
/// </summary>
public sealed class IsoStepsCriterion() : ScoringCriterion("iso-steps", "Bốn bước xây dựng, áp dụng, công bố, duy trì ISO", ComplianceColumn.Step1)
{
    public override IReadOnlyList<ThresholdField> Fields { get; } =
        [new("fullAt", ThresholdType.WholeNumber, "số bước phải hoàn thành để được đủ điểm, 1–4", 1, 4)];

    public override string Rule(Thresholds thresholds) =>
        $"Đủ điểm khi hoàn thành {thresholds.WholeNumber("fullAt")} bước theo thứ tự; mỗi bước được 1/{thresholds.WholeNumber("fullAt")} số điểm.";

    public override Measure Measure(ComplianceRow row, Thresholds thresholds)
    {
        var fullAt = thresholds.WholeNumber("fullAt");
        var done = row.StepsDone;
        var next = row.Steps.FirstOrDefault(s => !s.Done);
        return new Measure(Math.Min(done, fullAt) / (decimal)fullAt, $"{done}/4 bước", Rule(thresholds),
            done >= fullAt ? null : $"Hoàn thành bước {next?.Number}: {next?.Name} (đã xong {done}/{fullAt} bước cần có).");
    }
}

/// <summary>A yearly record (internal audit, management review): full points when the last one is within <c>withinMonths</c>, none otherwise.</summary>
public sealed class RecencyCriterion(string key, string name, ComplianceColumn column, Func<ComplianceRow, DateOnly?> last, string what, string advice)
    : ScoringCriterion(key, name, column)
{
    public override IReadOnlyList<ThresholdField> Fields { get; } =
        [new("withinMonths", ThresholdType.WholeNumber, $"số tháng tối đa kể từ {what} gần nhất, 1–36", 1, 36)];

    public override string Rule(Thresholds thresholds) =>
        $"Đủ điểm khi có {what} trong {thresholds.WholeNumber("withinMonths")} tháng tính đến ngày xét; không có thì 0 điểm.";

    public override Measure Measure(ComplianceRow row, Thresholds thresholds)
    {
        var months = thresholds.WholeNumber("withinMonths");
        var since = row.AsOf.AddMonths(-months);
        var date = last(row);
        var rule = $"Đủ điểm khi có {what} trong {months} tháng tính đến ngày xét (từ ngày {VietnameseFormat.Date(since)}); không có thì 0 điểm.";
        if (date is { } d && d >= since)
        {
            return new Measure(1, VietnameseFormat.Date(d), rule, null);
        }

        return new Measure(0, date is { } old ? VietnameseFormat.Date(old) : "Chưa có", rule,
            date is { } stale ? $"{advice}: lần gần nhất ngày {VietnameseFormat.Date(stale)}, đã quá {months} tháng." : $"{advice}: chưa có {what} nào.");
    }
}

/// <summary>A count where fewer is better: full points up to <c>fullAtMost</c>, none from <c>zeroFrom</c>, evenly in between.</summary>
public sealed class CountCriterion(string key, string name, ComplianceColumn column, Func<ComplianceRow, int> count, string what, string advice)
    : ScoringCriterion(key, name, column)
{
    public override IReadOnlyList<ThresholdField> Fields { get; } =
    [
        new("fullAtMost", ThresholdType.WholeNumber, $"số {what} tối đa vẫn được đủ điểm, 0–1000", 0, 1000),
        new("zeroFrom", ThresholdType.WholeNumber, $"số {what} từ đó trở lên được 0 điểm, 1–1000", 1, 1000),
    ];

    public override (string Field, string Message)? Check(Thresholds thresholds) =>
        thresholds.WholeNumber("zeroFrom") <= thresholds.WholeNumber("fullAtMost")
            ? ("zeroFrom", $"Phải lớn hơn fullAtMost ({thresholds.WholeNumber("fullAtMost")}): số {what} được 0 điểm phải nhiều hơn số vẫn được đủ điểm.")
            : null;

    public override string Rule(Thresholds thresholds) =>
        $"Đủ điểm khi không quá {thresholds.WholeNumber("fullAtMost")} {what}; 0 điểm từ {thresholds.WholeNumber("zeroFrom")} trở lên; ở giữa giảm đều.";

    public override Measure Measure(ComplianceRow row, Thresholds thresholds)
    {
        var (full, zero) = (thresholds.WholeNumber("fullAtMost"), thresholds.WholeNumber("zeroFrom"));
        var value = count(row);
        var fraction = value <= full ? 1m : value >= zero ? 0m : (zero - value) / (decimal)(zero - full);
        return new Measure(fraction, value.ToString(CultureInfo.InvariantCulture), Rule(thresholds),
            fraction == 1 ? null : $"{advice}: hiện có {value}, cần giảm xuống không quá {full}.");
    }
}

/// <summary><c>posting-completeness</c>: the share of posted TTHC complete and current; full at <c>fullAt</c> %, none below <c>zeroBelow</c> %.</summary>
public sealed class PostingCompletenessCriterion() : ScoringCriterion("posting-completeness", "Mức đầy đủ, cập nhật của thủ tục niêm yết", ComplianceColumn.PostingCompleteness)
{
    public override IReadOnlyList<ThresholdField> Fields { get; } =
    [
        new("fullAt", ThresholdType.Number, "tỷ lệ (%) từ đó được đủ điểm, 0–100"),
        new("zeroBelow", ThresholdType.Number, "tỷ lệ (%) dưới mức này được 0 điểm, 0–100"),
    ];

    public override (string Field, string Message)? Check(Thresholds thresholds) => Shares.Check(thresholds);

    public override string Rule(Thresholds thresholds) => Shares.Rule(thresholds);

    public override Measure Measure(ComplianceRow row, Thresholds thresholds)
    {
        var rule = Rule(thresholds);
        if (row.PostingCompleteness is not { } value)
        {
            return new Measure(0, "Chưa niêm yết thủ tục nào", rule, "Niêm yết các thủ tục hành chính của xã, đủ thành phần theo quy định.");
        }

        var fraction = Shares.Fraction(value, thresholds);
        return new Measure(fraction, Number(value) + "%", rule,
            fraction == 1 ? null : $"Bổ sung thành phần còn thiếu và cập nhật thủ tục niêm yết: hiện {Number(value)}%, cần đạt {Number(thresholds.Number("fullAt"))}%.");
    }
}

/// <summary>
/// A quality objective's latest monthly value (on-time rate, satisfaction). <c>basis: "target"</c>: full points when the
/// value meets the commune's own target, none otherwise; <c>basis: "threshold"</c>: full at <c>fullAt</c> %, none below
/// <c>zeroBelow</c> %, evenly in between, the same bar for every commune.
/// </summary>
public sealed class ObjectiveCriterion(string key, string name, ComplianceColumn column, Func<ComplianceRow, ObjectiveReading?> reading, string what, string advice)
    : ScoringCriterion(key, name, column)
{
    public const string AgainstTarget = "target";
    public const string AgainstThreshold = "threshold";

    public override IReadOnlyList<ThresholdField> Fields { get; } =
    [
        new("basis", ThresholdType.Choice, "so với chỉ tiêu của xã (target) hay với ngưỡng chung của tỉnh (threshold)", Choices: [AgainstTarget, AgainstThreshold]),
        new("fullAt", ThresholdType.Number, "tỷ lệ (%) từ đó được đủ điểm, 0–100; chỉ dùng với basis \"threshold\"", Optional: true),
        new("zeroBelow", ThresholdType.Number, "tỷ lệ (%) dưới mức này được 0 điểm, 0–100; chỉ dùng với basis \"threshold\"", Optional: true),
    ];

    public override (string Field, string Message)? Check(Thresholds thresholds)
    {
        if (thresholds.Choice("basis") == AgainstTarget)
        {
            return thresholds.Has("fullAt") ? ("fullAt", "Không dùng với basis \"target\" (điểm theo chỉ tiêu của xã): bỏ trường này hoặc đổi basis thành \"threshold\".")
                : thresholds.Has("zeroBelow") ? ("zeroBelow", "Không dùng với basis \"target\" (điểm theo chỉ tiêu của xã): bỏ trường này hoặc đổi basis thành \"threshold\".")
                : null;
        }

        return !thresholds.Has("fullAt") ? ("fullAt", "Thiếu ngưỡng \"fullAt\" (tỷ lệ % được đủ điểm), bắt buộc với basis \"threshold\".")
            : !thresholds.Has("zeroBelow") ? ("zeroBelow", "Thiếu ngưỡng \"zeroBelow\" (tỷ lệ % dưới đó được 0 điểm), bắt buộc với basis \"threshold\".")
            : Shares.Check(thresholds);
    }

    public override string Rule(Thresholds thresholds) => thresholds.Choice("basis") == AgainstTarget
        ? $"Đủ điểm khi {what} tháng gần nhất đạt chỉ tiêu của xã; không đạt thì 0 điểm."
        : Shares.Rule(thresholds);

    public override Measure Measure(ComplianceRow row, Thresholds thresholds)
    {
        var byTarget = thresholds.Choice("basis") == AgainstTarget;
        var rule = Rule(thresholds);
        if (reading(row) is not { } value)
        {
            return new Measure(0, "Chưa có số liệu", rule, $"Theo dõi và nhập số liệu {what} hằng tháng vào mục tiêu chất lượng.");
        }

        var measured = $"{Number(value.Value)}% (tháng {value.Month.ToString("MM/yyyy", CultureInfo.InvariantCulture)}, chỉ tiêu {Number(value.Target)}%)";
        var fraction = byTarget ? (value.Met ? 1m : 0m) : Shares.Fraction(value.Value, thresholds);
        var goal = byTarget ? value.Target : thresholds.Number("fullAt");
        return new Measure(fraction, measured, rule, fraction == 1 ? null : $"{advice}: {what} hiện {Number(value.Value)}%, cần đạt {Number(goal)}%.");
    }
}

/// <summary>The rule percentages share: full at <c>fullAt</c>, none below <c>zeroBelow</c>, evenly in between.</summary>
internal static class Shares
{
    public static (string Field, string Message)? Check(Thresholds thresholds) =>
        thresholds.Number("zeroBelow") >= thresholds.Number("fullAt")
            ? ("zeroBelow", $"Phải nhỏ hơn fullAt ({thresholds.Number("fullAt").ToString(CultureInfo.InvariantCulture)}): mức 0 điểm phải thấp hơn mức đủ điểm.")
            : null;

    public static decimal Fraction(decimal value, Thresholds thresholds)
    {
        var (full, zero) = (thresholds.Number("fullAt"), thresholds.Number("zeroBelow"));
        return value >= full ? 1m : value < zero ? 0m : (value - zero) / (full - zero);
    }

    public static string Rule(Thresholds thresholds) =>
        $"Đủ điểm từ {Fmt(thresholds.Number("fullAt"))}%; 0 điểm dưới {Fmt(thresholds.Number("zeroBelow"))}%; ở giữa tăng đều.";

    private static string Fmt(decimal value) => value.ToString("0.##", VietnameseFormat.Culture);
}
