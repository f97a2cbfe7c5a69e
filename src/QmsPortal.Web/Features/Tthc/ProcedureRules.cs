using System.Globalization;
using System.Text.RegularExpressions;
using QmsPortal.Web.Text;

namespace QmsPortal.Web.Features.Tthc;

/// <summary>The legally required parts of a TTHC (Nghị định 63/2010, Điều 8, amended by 92/2017), by key.</summary>
public static class ProcedureFields
{
    public const string Steps = "steps";
    public const string Channels = "channels";
    public const string Papers = "papers";

    /// <summary>The papers are known but not how many originals and copies of each (the province's decision sets them).</summary>
    public const string PaperCounts = "paperCounts";
    public const string TimeLimit = "timeLimit";
    public const string Applicants = "applicants";
    public const string HandlingBody = "handlingBody";
    public const string Result = "result";
    public const string Conditions = "conditions";
    public const string Fee = "fee";
    public const string LegalBases = "legalBases";
    public const string OnlineService = "onlineService";
    public const string Forms = "forms";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [Steps] = "Trình tự thực hiện",
        [Channels] = "Cách thức thực hiện",
        [Papers] = "Thành phần, số lượng hồ sơ",
        [PaperCounts] = "Số lượng bản chính, bản sao",
        [TimeLimit] = "Thời hạn giải quyết",
        [Applicants] = "Đối tượng thực hiện",
        [HandlingBody] = "Cơ quan thực hiện",
        [Result] = "Kết quả thực hiện",
        [Conditions] = "Yêu cầu, điều kiện",
        [Fee] = "Phí, lệ phí",
        [LegalBases] = "Căn cứ pháp lý",
        [OnlineService] = "Dịch vụ công trực tuyến",
        [Forms] = "Mẫu đơn, tờ khai",
    };

    public const string UnconfirmedText = "chưa xác minh — hỏi Bộ phận Một cửa";

    /// <summary>In place of a paper's count that no source gives: the paper itself is confirmed, its count is the province's.</summary>
    public const string CountByProvinceText = "số bản theo quyết định công bố của tỉnh — hỏi Bộ phận Một cửa";
}

/// <summary>Checks a <see cref="ProcedureContent"/>: shape (on import) and legal completeness (on posting).</summary>
public static partial class ProcedureRules
{
    public const int NameMax = 500;
    public const int TextMax = 4000;

    public static readonly string[] ChannelKinds = ["truc-tiep", "truc-tuyen", "buu-chinh"];
    public static readonly string[] TimeUnits = ["ngay-lam-viec", "gio", "trong-ngay", "ngay-khi-du-ho-so"];
    public static readonly string[] OnlineKinds = ["toan-trinh", "mot-phan", "khong"];

    [GeneratedRegex(@"^\d\.\d{6}(?:\.[0-9A-Z]{1,6}){0,6}$")]
    public static partial Regex CodePattern();

    public static bool IsValidCode(string? code) => code is not null && code.Length <= 60 && CodePattern().IsMatch(code);

    public const string CodeMessage = "Mã thủ tục phải có dạng 1.001193 (một chữ số, dấu chấm, sáu chữ số), có thể kèm hậu tố địa phương như .000.00.00.H55.";

    /// <summary>Every shape error as (field path, Vietnamese message); empty when the record can be stored.</summary>
    public static List<(string Field, string Message)> Validate(ProcedureContent p)
    {
        var errors = new List<(string, string)>();
        void Check(bool ok, string field, string message)
        {
            if (!ok)
            {
                errors.Add((field, message));
            }
        }

        Check(IsValidCode(p.Code), "code", CodeMessage);
        for (var i = 0; i < p.Aliases.Count; i++)
        {
            Check(IsValidCode(p.Aliases[i]), $"aliases[{i}]", "Mã cũ (bí danh): " + CodeMessage);
        }

        Check(!string.IsNullOrWhiteSpace(p.Name), "name", "Tên thủ tục không được để trống.");
        Check(p.Name.Length <= NameMax, "name", $"Tên thủ tục dài tối đa {NameMax} ký tự.");
        Check(!string.IsNullOrWhiteSpace(p.Field), "field", "Lĩnh vực không được để trống.");
        Check(p.Field.Length <= 200, "field", "Lĩnh vực dài tối đa 200 ký tự.");
        foreach (var (value, name) in new[] { (p.Applicants, "applicants"), (p.HandlingBody, "handlingBody"), (p.Result, "result"), (p.Conditions, "conditions"), (p.FeeText, "feeText"), (p.FeeExemption, "feeExemption") })
        {
            Check((value?.Length ?? 0) <= TextMax, name, $"Nội dung dài tối đa {TextMax} ký tự.");
        }

        for (var i = 0; i < p.Steps.Count; i++)
        {
            Check(!string.IsNullOrWhiteSpace(p.Steps[i]) && p.Steps[i].Length <= TextMax, $"steps[{i}]", "Bước thực hiện không được để trống (tối đa 4000 ký tự).");
        }

        var kinds = new HashSet<string>();
        for (var i = 0; i < p.Channels.Count; i++)
        {
            var c = p.Channels[i];
            Check(ChannelKinds.Contains(c.Kind), $"channels[{i}].kind", "Cách thức phải là truc-tiep, truc-tuyen hoặc buu-chinh.");
            Check(kinds.Add(c.Kind), $"channels[{i}].kind", "Mỗi cách thức chỉ khai một lần.");
            if (c.TimeLimit is { } t)
            {
                Check(TimeUnits.Contains(t.Unit), $"channels[{i}].timeLimit.unit", "Đơn vị thời hạn phải là ngay-lam-viec, gio, trong-ngay hoặc ngay-khi-du-ho-so.");
                if (t.Unit is "ngay-lam-viec" or "gio")
                {
                    Check(t.Value is > 0 and <= 1000, $"channels[{i}].timeLimit.value", "Thời hạn phải là số dương (số ngày làm việc hoặc số giờ).");
                }
                else
                {
                    Check(t.Value is null, $"channels[{i}].timeLimit.value", "Thời hạn \"trong ngày\" hoặc \"ngay khi đủ hồ sơ\" không kèm số.");
                }
            }
        }

        for (var i = 0; i < p.Cases.Count; i++)
        {
            var c = p.Cases[i];
            Check(!string.IsNullOrWhiteSpace(c.Name), $"cases[{i}].name", "Tên trường hợp không được để trống.");
            for (var j = 0; j < c.Papers.Count; j++)
            {
                var paper = c.Papers[j];
                var at = $"cases[{i}].papers[{j}]";
                Check(!string.IsNullOrWhiteSpace(paper.Name), at + ".name", "Tên giấy tờ không được để trống.");
                if (paper.Show)
                {
                    Check(!paper.HasCounts, at, "Giấy tờ chỉ xuất trình (show) không kèm số bản chính, bản sao.");
                }
                else if (paper.HasCounts)
                {
                    var originals = paper.Originals ?? 0;
                    var copies = paper.Copies ?? 0;
                    Check(originals >= 0, at + ".originals", "Số bản chính không được âm.");
                    Check(copies >= 0, at + ".copies", "Số bản sao không được âm.");
                    Check(originals + copies > 0 || originals < 0 || copies < 0, at, "Mỗi giấy tờ cần ít nhất một bản chính hoặc bản sao.");
                }
                else
                {
                    Check(p.IsUnconfirmed(ProcedureFields.PaperCounts), at,
                        "Thiếu số bản chính, bản sao. Nếu chưa có nguồn xác nhận số bản, ghi \"paperCounts\" trong unconfirmed.");
                }
                Check(paper.Form is null || p.Forms.Any(f => f.Name == paper.Form), at + ".form", $"Mẫu \"{paper.Form}\" không có trong danh sách mẫu đơn, tờ khai (forms).");
            }
        }

        for (var i = 0; i < p.Forms.Count; i++)
        {
            Check(!string.IsNullOrWhiteSpace(p.Forms[i].Name), $"forms[{i}].name", "Tên mẫu đơn không được để trống.");
            Check(p.Forms[i].File is null || Sha256Pattern().IsMatch(p.Forms[i].File!), $"forms[{i}].file", "Tệp mẫu phải là mã SHA-256 (64 ký tự hex) của tệp đã tải lên kho mẫu.");
        }

        for (var i = 0; i < p.LegalBases.Count; i++)
        {
            Check(!string.IsNullOrWhiteSpace(p.LegalBases[i].Number), $"legalBases[{i}].number", "Số hiệu văn bản không được để trống.");
            Check(!string.IsNullOrWhiteSpace(p.LegalBases[i].Title), $"legalBases[{i}].title", "Trích yếu văn bản không được để trống.");
        }

        Check(OnlineKinds.Contains(p.OnlineService), "onlineService", "Mức dịch vụ công trực tuyến phải là toan-trinh, mot-phan hoặc khong.");
        Check(p.OnlineUrl is null || Uri.TryCreate(p.OnlineUrl, UriKind.Absolute, out var u) && u.Scheme == Uri.UriSchemeHttps, "onlineUrl", "Đường dẫn dịch vụ công phải là địa chỉ https:// đầy đủ.");
        if (p.Decision is { } d)
        {
            Check(!string.IsNullOrWhiteSpace(d.Number) && d.Number.Length <= 100, "decision.number", "Số quyết định công bố không được để trống (tối đa 100 ký tự).");
            Check(d.Date != default, "decision.date", "Ngày ký quyết định công bố không được để trống.");
            Check(d.EffectiveFrom != default, "decision.effectiveFrom", "Ngày có hiệu lực không được để trống.");
            Check(d.EffectiveTo is null || d.EffectiveTo >= d.EffectiveFrom, "decision.effectiveTo", "Ngày hết hiệu lực phải sau ngày có hiệu lực.");
        }

        foreach (var key in p.Unconfirmed)
        {
            Check(ProcedureFields.Labels.ContainsKey(key), "unconfirmed", $"\"{key}\" không phải tên một thành phần của thủ tục.");
        }

        return errors;
    }

    /// <summary>
    /// What is missing before a commune may post this TTHC: each legally required part is given or
    /// explicitly marked unconfirmed. Empty means it may be posted.
    /// </summary>
    public static List<string> MissingForPosting(ProcedureContent p)
    {
        var missing = new List<string>();
        void Need(bool present, string key)
        {
            if (!present && !p.IsUnconfirmed(key))
            {
                missing.Add($"Thiếu {ProcedureFields.Labels[key].ToLower(CultureInfo.GetCultureInfo("vi-VN"))}.");
            }
        }

        Need(p.Steps.Count > 0, ProcedureFields.Steps);
        Need(p.Channels.Count > 0, ProcedureFields.Channels);
        Need(p.Cases.Any(c => c.Papers.Count > 0), ProcedureFields.Papers);
        Need(p.Channels.Count > 0 && p.Channels.All(c => c.TimeLimit is not null), ProcedureFields.TimeLimit);
        Need(!string.IsNullOrWhiteSpace(p.Applicants), ProcedureFields.Applicants);
        Need(!string.IsNullOrWhiteSpace(p.HandlingBody), ProcedureFields.HandlingBody);
        Need(!string.IsNullOrWhiteSpace(p.Result), ProcedureFields.Result);
        Need(!string.IsNullOrWhiteSpace(p.FeeText) || p.Channels.Any(c => c.Fee is not null), ProcedureFields.Fee);
        return missing;
    }

    /// <summary>Why a posted TTHC is not complete in the legal sense: missing, unconfirmed, or no announcing decision.</summary>
    public static List<string> CompletenessProblems(ProcedureContent p)
    {
        var problems = MissingForPosting(p);
        foreach (var key in p.Unconfirmed)
        {
            problems.Add($"{ProcedureFields.Labels[key]} chưa được xác minh.");
        }

        if (p.LegalBases.Count == 0 && !p.IsUnconfirmed(ProcedureFields.LegalBases))
        {
            problems.Add("Thiếu căn cứ pháp lý.");
        }

        if (p.Decision is null)
        {
            problems.Add("Chưa có quyết định công bố của Chủ tịch UBND tỉnh.");
        }

        return problems;
    }

    /// <summary>"1 bản chính, 0 bản sao", "xuất trình (không nộp)", or that the province's decision sets the count.</summary>
    public static string Count(Paper paper) =>
        paper.Show ? "xuất trình (không nộp)"
        : paper.HasCounts ? $"{paper.Originals ?? 0} bản chính, {paper.Copies ?? 0} bản sao"
        : ProcedureFields.CountByProvinceText;

    /// <summary>The short count a citizen ticks off: "1 bản chính", "2 bản sao", "1 bản chính, 1 bản sao" (zero parts left out).</summary>
    public static string ShortCount(Paper paper)
    {
        var originals = paper.Originals ?? 0;
        var copies = paper.Copies ?? 0;
        return originals > 0 && copies > 0 ? $"{originals} bản chính, {copies} bản sao"
            : originals > 0 ? $"{originals} bản chính"
            : $"{copies} bản sao";
    }

    public static string ChannelLabel(string kind) => kind switch
    {
        "truc-tiep" => "Trực tiếp tại Bộ phận Một cửa",
        "truc-tuyen" => "Trực tuyến",
        "buu-chinh" => "Qua dịch vụ bưu chính công ích",
        _ => kind,
    };

    public static string OnlineLabel(string kind) => kind switch
    {
        "toan-trinh" => "Dịch vụ công trực tuyến toàn trình",
        "mot-phan" => "Dịch vụ công trực tuyến một phần",
        _ => "Chưa cung cấp dịch vụ công trực tuyến",
    };

    public static string Describe(TimeLimit? t)
    {
        if (t is null)
        {
            return "";
        }

        var main = t.Unit switch
        {
            "ngay-lam-viec" => $"{t.Value?.ToString("0.##", VietnameseFormat.Culture)} ngày làm việc",
            "gio" => $"{t.Value?.ToString("0.##", VietnameseFormat.Culture)} giờ làm việc",
            "trong-ngay" => "Trong ngày; hồ sơ nhận sau 15 giờ 00 được trả kết quả trong ngày làm việc tiếp theo",
            "ngay-khi-du-ho-so" => "Ngay trong ngày tiếp nhận khi nhận đủ hồ sơ hợp lệ",
            _ => t.Unit,
        };
        return string.IsNullOrWhiteSpace(t.Note) ? main : $"{main} ({t.Note})";
    }

    /// <summary>The short time-limit text for lists and the API, respecting unconfirmed values.</summary>
    public static string TimeSummary(ProcedureContent p) =>
        p.IsUnconfirmed(ProcedureFields.TimeLimit) ? ProcedureFields.UnconfirmedText
        : p.Channels.FirstOrDefault(c => c.TimeLimit is not null)?.TimeLimit is { } t ? Describe(t) : "";

    public static string FeeSummary(ProcedureContent p) =>
        p.IsUnconfirmed(ProcedureFields.Fee) ? ProcedureFields.UnconfirmedText : p.FeeText ?? p.Channels.FirstOrDefault(c => c.Fee is not null)?.Fee ?? "";

    /// <summary>What changed between two announced versions, in the words a commune clerk checks: papers, time, fee.</summary>
    public static List<string> Differences(ProcedureContent before, ProcedureContent after)
    {
        var changes = new List<string>();
        if (after.Rescinded)
        {
            changes.Add("Thủ tục bị bãi bỏ theo quyết định công bố mới: cần gỡ niêm yết.");
        }

        if (before.Name != after.Name)
        {
            changes.Add($"Tên: \"{before.Name}\" → \"{after.Name}\".");
        }

        static Dictionary<string, Paper> Papers(ProcedureContent p) =>
            p.Cases.SelectMany(c => c.Papers.Select(x => (Key: c.Name + " › " + x.Name, x))).GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.First().x);
        var a = Papers(before);
        var b = Papers(after);
        foreach (var (key, paper) in b)
        {
            if (!a.TryGetValue(key, out var old))
            {
                changes.Add($"Hồ sơ: thêm \"{key}\" ({Count(paper)}).");
            }
            else if (Count(old) != Count(paper))
            {
                changes.Add($"Hồ sơ: \"{key}\" từ {Count(old)} thành {Count(paper)}.");
            }
        }

        foreach (var key in a.Keys.Where(k => !b.ContainsKey(k)))
        {
            changes.Add($"Hồ sơ: bỏ \"{key}\".");
        }

        foreach (var kind in ChannelKinds)
        {
            var x = before.Channels.FirstOrDefault(c => c.Kind == kind);
            var y = after.Channels.FirstOrDefault(c => c.Kind == kind);
            if (Describe(x?.TimeLimit) != Describe(y?.TimeLimit))
            {
                changes.Add($"Thời hạn ({ChannelLabel(kind).ToLowerInvariant()}): \"{Describe(x?.TimeLimit)}\" → \"{Describe(y?.TimeLimit)}\".");
            }

            if (x?.Fee != y?.Fee)
            {
                changes.Add($"Phí ({ChannelLabel(kind).ToLowerInvariant()}): \"{x?.Fee}\" → \"{y?.Fee}\".");
            }
        }

        if (before.FeeText != after.FeeText)
        {
            changes.Add($"Phí, lệ phí: \"{before.FeeText}\" → \"{after.FeeText}\".");
        }

        if (before.FeeExemption != after.FeeExemption)
        {
            changes.Add($"Miễn phí, lệ phí: \"{before.FeeExemption}\" → \"{after.FeeExemption}\".");
        }

        changes.AddRange(OtherDifferences(before, after));
        if (changes.Count == 0)
        {
            changes.Add("Nội dung khác (trình tự, căn cứ pháp lý hoặc quyết định công bố) thay đổi.");
        }

        return changes;
    }

    /// <summary>The parts a clerk reads less often than papers, time and fee, each named, so an edit on the web shows field by field what changes.</summary>
    private static IEnumerable<string> OtherDifferences(ProcedureContent before, ProcedureContent after)
    {
        static string Quote(string? s) => $"\"{s}\"";
        if (before.Code != after.Code)
        {
            yield return $"Mã thủ tục: {before.Code} → {after.Code}.";
        }

        if (before.Field != after.Field)
        {
            yield return $"Lĩnh vực: {Quote(before.Field)} → {Quote(after.Field)}.";
        }

        for (var i = 0; i < Math.Max(before.Steps.Count, after.Steps.Count); i++)
        {
            var x = i < before.Steps.Count ? before.Steps[i] : null;
            var y = i < after.Steps.Count ? after.Steps[i] : null;
            if (x != y)
            {
                yield return x is null ? $"Trình tự: thêm bước {i + 1} {Quote(y)}." : y is null ? $"Trình tự: bỏ bước {i + 1} {Quote(x)}." : $"Trình tự, bước {i + 1}: {Quote(x)} → {Quote(y)}.";
            }
        }

        foreach (var (key, x, y) in new[]
        {
            (ProcedureFields.Applicants, before.Applicants, after.Applicants),
            (ProcedureFields.HandlingBody, before.HandlingBody, after.HandlingBody),
            (ProcedureFields.Result, before.Result, after.Result),
            (ProcedureFields.Conditions, before.Conditions, after.Conditions),
        })
        {
            if (x != y)
            {
                yield return $"{ProcedureFields.Labels[key]}: {Quote(x)} → {Quote(y)}.";
            }
        }

        static string Basis(LegalBasis l) => l.Number + " " + l.Title + (l.Date is { } d ? " ngày " + VietnameseFormat.Date(d) : "") + (l.Issuer is null ? "" : " của " + l.Issuer);
        var basesBefore = before.LegalBases.Select(Basis).ToList();
        var basesAfter = after.LegalBases.Select(Basis).ToList();
        foreach (var basis in basesAfter.Except(basesBefore))
        {
            yield return $"Căn cứ pháp lý: thêm {Quote(basis)}.";
        }

        foreach (var basis in basesBefore.Except(basesAfter))
        {
            yield return $"Căn cứ pháp lý: bỏ {Quote(basis)}.";
        }

        static string Form(FormReference f) => f.Name + (f.File is null ? " (chưa có tệp)" : " (tệp " + f.File[..Math.Min(12, f.File.Length)] + "…)");
        var formsBefore = before.Forms.Select(Form).ToList();
        var formsAfter = after.Forms.Select(Form).ToList();
        foreach (var form in formsAfter.Except(formsBefore))
        {
            yield return $"Mẫu đơn, tờ khai: thêm {Quote(form)}.";
        }

        foreach (var form in formsBefore.Except(formsAfter))
        {
            yield return $"Mẫu đơn, tờ khai: bỏ {Quote(form)}.";
        }

        if (before.OnlineService != after.OnlineService || before.OnlineUrl != after.OnlineUrl)
        {
            yield return $"Dịch vụ công trực tuyến: {Quote(OnlineLabel(before.OnlineService) + (before.OnlineUrl is null ? "" : " " + before.OnlineUrl))} → {Quote(OnlineLabel(after.OnlineService) + (after.OnlineUrl is null ? "" : " " + after.OnlineUrl))}.";
        }

        static string Decision(AnnouncingDecision? d) => d is null ? "chưa có"
            : $"{d.Number} ngày {VietnameseFormat.Date(d.Date)}, hiệu lực từ {VietnameseFormat.Date(d.EffectiveFrom)}" + (d.EffectiveTo is { } to ? " đến " + VietnameseFormat.Date(to) : "");
        if (Decision(before.Decision) != Decision(after.Decision))
        {
            yield return $"Quyết định công bố: {Quote(Decision(before.Decision))} → {Quote(Decision(after.Decision))}.";
        }

        foreach (var key in after.Unconfirmed.Except(before.Unconfirmed).Where(ProcedureFields.Labels.ContainsKey))
        {
            yield return $"{ProcedureFields.Labels[key]}: chuyển thành chưa xác minh.";
        }

        foreach (var key in before.Unconfirmed.Except(after.Unconfirmed).Where(ProcedureFields.Labels.ContainsKey))
        {
            yield return $"{ProcedureFields.Labels[key]}: đã xác minh.";
        }
    }

    /// <summary>NFC everywhere, trimmed: text pasted from Word/PDF mixes forms.</summary>
    public static void Normalize(ProcedureContent p)
    {
        static string N(string s) => VietnameseText.Normalize(s).Trim();
        static string? NN(string? s) => string.IsNullOrWhiteSpace(s) ? null : N(s);
        p.Code = (p.Code ?? "").Trim();
        p.Aliases = p.Aliases.Select(a => a.Trim()).ToList();
        p.Name = N(p.Name ?? "");
        p.Field = N(p.Field ?? "");
        p.Steps = p.Steps.Select(N).ToList();
        p.Applicants = NN(p.Applicants);
        p.HandlingBody = NN(p.HandlingBody);
        p.Result = NN(p.Result);
        p.Conditions = NN(p.Conditions);
        // Verbatim texts keep their wording and inner spacing; only the Unicode form is unified.
        p.FeeText = p.FeeText is null ? null : VietnameseText.Normalize(p.FeeText);
        p.FeeExemption = p.FeeExemption is null ? null : VietnameseText.Normalize(p.FeeExemption);
        foreach (var c in p.Cases)
        {
            c.Name = N(c.Name ?? "");
            foreach (var x in c.Papers)
            {
                x.Name = N(x.Name ?? "");
            }
        }

        foreach (var f in p.Forms)
        {
            f.Name = N(f.Name ?? "");
        }

        foreach (var c in p.Channels)
        {
            c.Fee = c.Fee is null ? null : VietnameseText.Normalize(c.Fee);
        }
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Pattern();
}
