using QmsPortal.Tests.Support;
using QmsPortal.Web.Features.Tthc;
using QmsPortal.Web.Features.Tthc.Catalogue;

namespace QmsPortal.Tests.Features.Tthc;

/// <summary>
/// The starter catalogue holds what shared/DOMAIN.md confirms ("Papers, limits and fees checked against
/// sources") and keeps "chưa xác minh" for the rest; a fresh starter commune shows it to citizens.
/// </summary>
public sealed class StarterCatalogueTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>Luật Hộ tịch Điều 11.1.a, word for word.</summary>
    private const string Article11Groups = "người thuộc gia đình có công với cách mạng; người thuộc hộ nghèo; người khuyết tật";

    private static readonly string[] Covered = ["1.001193", "1.000656", "1.000894", "1.004873", "2.000815", "2.000884", "2.000635", "2.000986"];
    private static readonly string[] Uncovered = ["1.004222", "1.001612", "1.001699"];

    private static List<ProcedureContent> Starter()
    {
        var (_, records, errors) = CatalogueImport.ParseFile(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "content-recipes", "tthc-starter-catalogue.json")));
        Assert.Empty(errors);
        return records;
    }

    private static ProcedureContent Starter(string code) => Starter().Single(p => p.Code == code);

    [Fact]
    public void Covered_procedures_give_steps_fee_and_legal_bases_and_uncovered_ones_stay_unconfirmed()
    {
        var records = Starter();

        Assert.Equal(Covered.Concat(Uncovered).Order(), records.Select(p => p.Code).Order());
        foreach (var p in records.Where(p => Covered.Contains(p.Code)))
        {
            Assert.DoesNotContain(ProcedureFields.Steps, p.Unconfirmed);
            Assert.DoesNotContain(ProcedureFields.LegalBases, p.Unconfirmed);
            Assert.DoesNotContain(ProcedureFields.TimeLimit, p.Unconfirmed);
            Assert.NotEmpty(p.Steps);
            Assert.NotEmpty(p.LegalBases);
            Assert.Empty(ProcedureRules.MissingForPosting(p));
        }

        foreach (var p in records.Where(p => Uncovered.Contains(p.Code)))
        {
            Assert.Contains(ProcedureFields.Papers, p.Unconfirmed);
            Assert.Contains(ProcedureFields.Steps, p.Unconfirmed);
            Assert.Contains(ProcedureFields.LegalBases, p.Unconfirmed);
        }
    }

    [Fact]
    public void Birth_registration_lists_the_papers_of_each_case_with_its_legal_bases()
    {
        var birth = Starter("1.001193");

        Assert.DoesNotContain(ProcedureFields.Papers, birth.Unconfirmed);
        Assert.DoesNotContain(ProcedureFields.Fee, birth.Unconfirmed);
        Assert.Equal(5, birth.Cases.Count);
        Assert.All(birth.Cases, c => Assert.Contains(c.Papers, p => p.Name.StartsWith("Tờ khai", StringComparison.Ordinal) && p is { Originals: 1, Copies: 0 }));
        Assert.All(birth.Cases, c => Assert.Contains(c.Papers, p => p.Show && p.Name.StartsWith("Giấy tờ tùy thân", StringComparison.Ordinal)));
        Assert.Contains(birth.Cases.SelectMany(c => c.Papers), p => p.Name == "Giấy cam đoan về việc sinh" && !p.HasCounts);
        // Counts no source gives are left to the province's decision, and said so.
        Assert.Contains(ProcedureFields.PaperCounts, birth.Unconfirmed);
        Assert.Equal(["60/2014/QH13", "123/2015/NĐ-CP", "120/2025/NĐ-CP"], birth.LegalBases.Select(l => l.Number));
        Assert.Contains("01/7/2025", birth.LegalBases[2].Title, StringComparison.Ordinal);
        Assert.Contains("01/3/2027", birth.LegalBases[2].Title, StringComparison.Ordinal);
        Assert.All(birth.LegalBases, l => Assert.True(l.Date is null && l.Issuer is null, "no source gave a signing date or issuer"));
        Assert.Equal("trong-ngay", birth.Channels.Single().TimeLimit!.Unit);
    }

    [Fact]
    public void Every_ho_tich_procedure_exempts_the_groups_of_article_11_1_a_word_for_word()
    {
        var hoTich = Starter().Where(p => p.Field == "Hộ tịch").ToList();

        Assert.Equal(["1.000656", "1.000894", "1.001193", "1.004873", "2.000635", "2.000986"], hoTich.Select(p => p.Code).Order());
        Assert.All(hoTich, p => Assert.Contains(Article11Groups, p.FeeExemption, StringComparison.Ordinal));
    }

    [Fact]
    public void Marriage_is_free_for_citizens_resident_in_Viet_Nam_not_only_residents_of_the_commune()
    {
        var marriage = Starter("1.000894");

        Assert.Contains("đăng ký kết hôn của công dân Việt Nam cư trú ở trong nước", marriage.FeeExemption, StringComparison.Ordinal);
        Assert.DoesNotContain("cư trú tại xã", marriage.FeeExemption + marriage.FeeText, StringComparison.Ordinal);
        Assert.Equal("trường hợp cần xác minh điều kiện kết hôn thì không quá 05 ngày làm việc", marriage.Channels.Single().TimeLimit!.Note);
    }

    [Fact]
    public void Certified_copy_fee_is_the_source_text_verbatim_and_linked_registration_is_three_working_days_online()
    {
        Assert.Equal("2.000 đồng/trang. Từ trang thứ ba trở lên thu 1.000 đồng/trang, nhưng mức thu tối đa không quá 200.000 đồng/bản. Trang là căn cứ để thu phí được tính theo trang của bản chính.",
            Starter("2.000815").FeeText);

        var linked = Starter("2.000986");
        var online = Assert.Single(linked.Channels);
        Assert.Equal(("truc-tuyen", "ngay-lam-viec", 3m), (online.Kind, online.TimeLimit!.Unit, online.TimeLimit.Value!.Value));
        Assert.Contains(linked.LegalBases, l => l.Number == "63/2024/NĐ-CP");
        Assert.Contains(ProcedureFields.Fee, linked.Unconfirmed);
    }

    [Fact]
    public void A_paper_without_counts_needs_paper_counts_marked_unconfirmed_and_a_shown_paper_takes_no_counts()
    {
        var record = TthcBuilder.Procedure("1.001193");
        record.Cases[0].Papers.Add(new Paper { Name = "Giấy chứng sinh" });
        record.Cases[0].Papers.Add(new Paper { Name = "Giấy tờ tùy thân", Show = true, Originals = 1 });

        var errors = ProcedureRules.Validate(record);

        Assert.Contains(errors, e => e.Field == "cases[0].papers[2]" && e.Message.Contains("paperCounts", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "cases[0].papers[3]" && e.Message.Contains("xuất trình", StringComparison.Ordinal));

        record.Unconfirmed.Add(ProcedureFields.PaperCounts);
        record.Cases[0].Papers[3].Originals = null;
        Assert.Empty(ProcedureRules.Validate(record));
        Assert.Contains("Số lượng bản chính, bản sao chưa được xác minh.", ProcedureRules.CompletenessProblems(record));
    }

    [Fact]
    public async Task A_fresh_starter_commune_shows_the_papers_fee_steps_and_legal_bases_of_birth_registration()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "48", recipes: ["commune-starter"]);
        var client = portal.Anonymous();

        var birth = await Html.GetDocumentAsync(client, $"/{commune.Slug}/thu-tuc/1.001193");

        var papers = birth.QuerySelector("#giay-to")!;
        Assert.Equal(5, papers.QuerySelectorAll("h3").Length);
        Assert.Contains("Giấy chứng sinh", papers.TextContent, StringComparison.Ordinal);
        Assert.Contains("Xuất trình (không nộp)", papers.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("chưa xác minh", papers.TextContent, StringComparison.Ordinal);
        var fee = birth.QuerySelector("#phi")!.TextContent;
        Assert.DoesNotContain("chưa xác minh", fee, StringComparison.Ordinal);
        Assert.Contains(Article11Groups, fee, StringComparison.Ordinal);
        Assert.Equal(3, birth.QuerySelectorAll("#chi-tiet ol.tthc-steps li").Length);
        Assert.Contains("60/2014/QH13: Luật Hộ tịch", birth.QuerySelector("#chi-tiet ul.tthc-legal")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("sau 15 giờ 00", birth.QuerySelector("#thoi-han")!.TextContent, StringComparison.Ordinal);

        var business = await Html.GetDocumentAsync(client, $"/{commune.Slug}/thu-tuc/1.001612");
        Assert.Contains(ProcedureFields.UnconfirmedText, business.QuerySelector("#giay-to")!.TextContent, StringComparison.Ordinal);
        Assert.Null(business.QuerySelector("#chi-tiet ul.tthc-legal"));
    }

    [Fact]
    public async Task Birth_checklist_has_one_tick_box_per_paper_of_every_case()
    {
        var commune = await portal.CreateCommuneAsync(provinceCode: "48", recipes: ["commune-starter"]);
        var client = portal.Anonymous();

        var response = await client.GetAsync($"/{commune.Slug}/thu-tuc/1.001193/in-giay-to");
        var page = await Html.ParseAsync(response);

        // One list item per paper of every case; the theme draws each item's empty square (.checklist li::before).
        var items = page.QuerySelectorAll("ul.checklist > li").ToList();
        Assert.Equal(Starter("1.001193").Cases.Sum(c => c.Papers.Count), items.Count);
        Assert.Equal(5, page.QuerySelectorAll(".tthc-print h2").Count(h => h.NextElementSibling?.ClassList.Contains("checklist") == true));
        var css = string.Concat(await Task.WhenAll(page.QuerySelectorAll("link[rel=stylesheet]").Select(l => client.GetStringAsync(l.GetAttribute("href")))));
        Assert.Matches(@"\.checklist li::before\{content:"""";[^}]*border:[^}]*\}", css);

        var form = items.First(li => li.QuerySelector(".tthc-paper")!.TextContent.StartsWith("Tờ khai", StringComparison.Ordinal));
        Assert.Equal("1 bản chính", form.QuerySelector(".tthc-count")!.TextContent);
        Assert.DoesNotContain("theo mẫu:", form.TextContent, StringComparison.Ordinal);
        Assert.Contains(items, li => li.QuerySelector(".tthc-paper")!.TextContent == "Giấy chứng sinh" && li.QuerySelector(".tthc-count-province") is not null);
        Assert.Contains(items, li => li.QuerySelector(".tthc-show") is not null);
        Assert.DoesNotContain("chưa xác minh", page.QuerySelector(".tthc-print")!.TextContent, StringComparison.Ordinal);
    }
}
