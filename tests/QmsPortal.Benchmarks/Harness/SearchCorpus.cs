using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using QmsPortal.Web.Features.Tthc;
using QmsPortal.Web.Search;
using QmsPortal.Web.Text;

namespace QmsPortal.Benchmarks.Harness;

/// <summary>A benchmark commune as the index knows it: id and province only.</summary>
internal sealed record CorpusCommune(int Id, string ProvinceCode);

/// <summary>
/// Search entries for many communes without a database: per commune TTHC (the starter catalogue's real text, with
/// small variations of name and steps), ISO documents (titles from a list of real document names, bodies of a few
/// hundred words drawn from the sentences of the starter recipe's real procedure documents) and audit records.
/// Generated lazily and deterministically (one seed per commune), so a million entries are never all in memory and
/// two runs index the same text. The shapes follow the portal's sources (TTHC: name / papers / facts; documents and
/// audit records: title / body), not their exact wording.
/// </summary>
internal sealed partial class SearchCorpus
{
    private static readonly string[] TthcVariants =
    [
        "", " (trường hợp có yếu tố nước ngoài)", " lưu động", " (cấp lại)", " cho người đang cư trú ở nước ngoài",
        " kết hợp xác định cha, mẹ, con", " (liên thông)", " cho trẻ em bị bỏ rơi", " đối với người đã có hồ sơ, giấy tờ cá nhân",
        " (trực tuyến toàn trình)", " (đăng ký lại)", " tại cơ quan đại diện", " cho người chưa thành niên",
    ];

    private static readonly string[] DocumentKinds =
        ["Quy trình", "Hướng dẫn", "Biểu mẫu", "Kế hoạch", "Báo cáo", "Quy định", "Quyết định ban hành", "Sổ tay", "Danh mục"];

    private static readonly string[] DocumentSubjects =
    [
        "kiểm soát tài liệu", "kiểm soát hồ sơ", "đánh giá nội bộ", "hành động khắc phục", "xem xét của lãnh đạo",
        "tiếp nhận và trả kết quả giải quyết thủ tục hành chính", "giải quyết khiếu nại, tố cáo", "quản lý văn thư, lưu trữ",
        "đo lường sự hài lòng của người dân", "mục tiêu chất lượng năm 2026", "quản lý rủi ro và cơ hội", "đào tạo, bồi dưỡng công chức",
        "bảo trì trang thiết bị tại Bộ phận Một cửa", "chứng thực bản sao từ bản chính", "đăng ký khai sinh", "đăng ký kết hôn",
        "cấp giấy xác nhận tình trạng hôn nhân", "tiếp công dân", "phòng cháy, chữa cháy tại trụ sở", "bảo đảm an toàn thông tin",
        "đăng ký thường trú", "đăng ký khai tử", "đăng ký hộ kinh doanh", "xác định mức độ khuyết tật", "trích lục hộ tịch",
        "quản lý con dấu", "số hóa hồ sơ, kết quả giải quyết", "theo dõi, đo lường quá trình", "kiểm soát đầu ra không phù hợp",
        "trao đổi thông tin nội bộ", "chính sách chất lượng", "phân công trách nhiệm và quyền hạn",
    ];

    private static readonly string[] FindingSubjects =
    [
        "hồ sơ lưu thiếu phiếu kiểm soát quá trình", "trả kết quả quá hạn so với giấy tiếp nhận", "sổ theo dõi hồ sơ ghi chưa đầy đủ",
        "tài liệu hết hiệu lực vẫn còn tại nơi làm việc", "chưa cập nhật danh mục tài liệu bên ngoài", "biểu mẫu sử dụng không đúng phiên bản",
        "chưa đo lường mục tiêu chất lượng quý", "phiếu yêu cầu bổ sung hồ sơ không ghi rõ lý do", "chưa lưu bằng chứng xin lỗi người dân khi trễ hẹn",
        "niêm yết thủ tục hành chính chưa đầy đủ", "chưa thực hiện xem xét của lãnh đạo đúng kỳ", "hành động khắc phục chưa đánh giá hiệu lực",
    ];

    private static readonly string[] AuditKinds = ["Phát hiện", "Báo cáo đánh giá nội bộ", "Hành động khắc phục", "Biên bản kiểm tra"];

    private readonly List<ProcedureContent> _procedures;
    private readonly string[] _sentences;

    private SearchCorpus(List<ProcedureContent> procedures, string[] sentences)
    {
        _procedures = procedures;
        _sentences = sentences;
    }

    public int ProcedureCount => _procedures.Count;

    public int SentenceCount => _sentences.Length;

    /// <summary>The starter catalogue's procedures and the sentences of the starter documents and steps.</summary>
    public static SearchCorpus Load()
    {
        var recipes = RepoPath("content-recipes");
        using var catalogue = JsonDocument.Parse(File.ReadAllText(Path.Combine(recipes, "tthc-starter-catalogue.json")));
        var procedures = catalogue.RootElement.GetProperty("procedures").EnumerateArray()
            .Select(p => ProcedureContent.FromJson(p.GetRawText())).ToList();
        var sentences = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(recipes, "documents"), "*.md").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file))
            {
                var text = Markup().Replace(line, " ").Trim();
                sentences.AddRange(SentenceEnd().Split(text).Select(s => s.Trim()).Where(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 5));
            }
        }

        sentences.AddRange(procedures.SelectMany(p => p.Steps));
        return new SearchCorpus(procedures, sentences.Select(s => VietnameseText.Normalize(s)).Distinct().ToArray());
    }

    /// <summary>A file of the repository, found by walking up from the program's folder.</summary>
    public static string RepoPath(string relative)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, relative);
            if (File.Exists(candidate) || Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>The 34 provinces' codes from the portal's own list.</summary>
    public static IReadOnlyList<string> ProvinceCodes()
    {
        using var provinces = JsonDocument.Parse(File.ReadAllText(RepoPath("src/QmsPortal.Web/Tenancy/provinces.json")));
        return provinces.RootElement.GetProperty("provinces").EnumerateArray().Select(p => p.GetProperty("code").GetString()!).ToList();
    }

    public static IReadOnlyList<CorpusCommune> Communes(int count)
    {
        var provinces = ProvinceCodes();
        return Enumerable.Range(1, count).Select(n => new CorpusCommune(n, provinces[n % provinces.Count])).ToList();
    }

    /// <summary>
    /// One commune's entries: 40% TTHC, 40% documents, 20% audit records of <paramref name="items"/>. Item ids are
    /// unique per kind across communes (commune × 1000 + n).
    /// </summary>
    public IEnumerable<SearchItem> Items(CorpusCommune commune, int items)
    {
        var random = new Random(commune.Id);
        var tthc = items * 2 / 5;
        var documents = items * 2 / 5;
        var audits = items - tthc - documents;
        for (var n = 0; n < tthc; n++)
        {
            yield return Procedure(commune, n, random);
        }

        for (var n = 0; n < documents; n++)
        {
            yield return Document(commune, n, random);
        }

        for (var n = 0; n < audits; n++)
        {
            yield return AuditRecord(commune, n, random);
        }
    }

    private static int ItemId(CorpusCommune commune, int n) => (commune.Id * 1000) + n;

    private SearchItem Procedure(CorpusCommune commune, int n, Random random)
    {
        var c = _procedures[n % _procedures.Count];
        // The first round is the catalogue as published; later rounds are the variants communes post for special cases.
        var variant = n < _procedures.Count ? "" : TthcVariants[1 + random.Next(TthcVariants.Length - 1)];
        var steps = c.Steps.OrderBy(_ => n < _procedures.Count ? 0 : random.Next()).ToList();
        var papers = c.Cases.SelectMany(x => x.Papers).SelectMany(p => new[] { p.Name, p.Form }).Concat(c.Forms.Select(f => f.Name));
        var body = new string?[] { c.Field, string.Join(' ', c.Aliases) }
            .Concat(c.Cases.Select(x => x.Name))
            .Append(c.Applicants)
            .Append(c.HandlingBody)
            .Concat(steps)
            .Append(c.Conditions)
            .Concat(c.Channels.Select(ch => ch.Fee).Prepend(c.FeeText))
            .Append(c.FeeExemption)
            .Append(c.Result)
            .Concat(c.LegalBases.Select(l => l.Title));
        var code = n < _procedures.Count ? c.Code : string.Create(CultureInfo.InvariantCulture, $"{c.Code}.{n:000}");
        return new SearchItem("thu-tuc", ItemId(commune, n), commune.Id, commune.ProvinceCode, SearchAudience.Public,
            Title: VietnameseText.Normalize(c.Name + variant),
            Code: code,
            PathInCommune: "thu-tuc/" + code,
            Papers: Lines(papers.Distinct()),
            Body: Lines(body))
        {
            Codes = c.LegalBases.Select(l => l.Number).Where(x => !string.IsNullOrWhiteSpace(x)).Distinct().ToList(),
            Date = new DateOnly(2026, 1 + random.Next(11), 1 + random.Next(28)),
        };
    }

    private SearchItem Document(CorpusCommune commune, int n, Random random)
    {
        var kind = DocumentKinds[random.Next(DocumentKinds.Length)];
        var subject = DocumentSubjects[random.Next(DocumentSubjects.Length)];
        var prefix = kind switch { "Quy trình" => "QT", "Hướng dẫn" => "HD", "Biểu mẫu" => "BM", "Kế hoạch" => "KH", _ => "TL" };
        var code = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{n + 1:000}");
        // Public: the ISO page's issued documents; the rest are internal, some drafts.
        var roll = random.Next(10);
        var audience = roll < 4 ? SearchAudience.Public : roll < 9 ? SearchAudience.Readers : SearchAudience.Drafters;
        return new SearchItem("tai-lieu", ItemId(commune, n), commune.Id, commune.ProvinceCode, audience,
            Title: $"{kind} {subject}",
            Code: code,
            PathInCommune: "tai-lieu/" + ItemId(commune, n).ToString(CultureInfo.InvariantCulture),
            Papers: "",
            Body: Prose(random, 200 + random.Next(300)))
        {
            Variant = audience == SearchAudience.Drafters ? "nhap" : "",
            Label = audience == SearchAudience.Drafters ? "Bản nháp" : null,
            Date = new DateOnly(2020 + random.Next(7), 1 + random.Next(12), 1 + random.Next(28)),
        };
    }

    private SearchItem AuditRecord(CorpusCommune commune, int n, Random random)
    {
        var kind = AuditKinds[random.Next(AuditKinds.Length)];
        var subject = FindingSubjects[random.Next(FindingSubjects.Length)];
        var code = string.Create(CultureInfo.InvariantCulture, $"PH-2026-{n + 1:000}");
        return new SearchItem("danh-gia", ItemId(commune, n), commune.Id, commune.ProvinceCode,
            random.Next(5) == 0 ? SearchAudience.Members : SearchAudience.Readers,
            Title: $"{kind} {code}: {subject}",
            Code: code,
            PathInCommune: "danh-gia/phat-hien/" + ItemId(commune, n).ToString(CultureInfo.InvariantCulture),
            Papers: "",
            Body: Prose(random, 60 + random.Next(120)))
        {
            Label = random.Next(8) == 0 ? "Quá hạn" : null,
            Date = new DateOnly(2026, 1 + random.Next(11), 1 + random.Next(28)),
        };
    }

    /// <summary>Sentences of the real documents in random order until about this many words.</summary>
    private string Prose(Random random, int words)
    {
        var text = new System.Text.StringBuilder();
        var count = 0;
        while (count < words)
        {
            var sentence = _sentences[random.Next(_sentences.Length)];
            text.Append(sentence).Append(sentence.EndsWith('.') ? "\n" : ".\n");
            count += sentence.Count(c => c == ' ') + 1;
        }

        return text.ToString();
    }

    private static string Lines(IEnumerable<string?> parts) =>
        string.Join('\n', parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => VietnameseText.Normalize(p!).Trim()));

    [GeneratedRegex(@"[#*|>`_\[\]]+|^\s*[-+]\s+|^\s*\d+\.\s+")]
    private static partial Regex Markup();

    [GeneratedRegex(@"(?<=[.;:!?])\s+")]
    private static partial Regex SentenceEnd();
}
