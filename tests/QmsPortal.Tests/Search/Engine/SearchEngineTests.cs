using System.Text;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Tthc;
using QmsPortal.Web.Search;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Search.Engine;

/// <summary>
/// The engine end to end on real postings: a commune posts procedures through the normal flow, the indexer reads the
/// feed, and queries typed the way people type find them. Runs on SQLite and PostgreSQL.
/// </summary>
public sealed class SearchEngineTests(SearchEngineTests.Fixture fixture) : IClassFixture<SearchEngineTests.Fixture>
{
    /// <summary>One commune with a small, realistic catalogue posted, shared by the read-only tests of this class.</summary>
    public sealed class Fixture : PortalFactory
    {
        private readonly Lazy<Task> _ready;

        public Fixture() => _ready = new Lazy<Task>(InitializeAsync);

        /// <summary>Posts the catalogue once, on the first test's call.</summary>
        public Task ReadyAsync() => _ready.Value;

        /// <summary>The code of a procedure of the catalogue (posting it first if no test has yet).</summary>
        public async Task<string> CodeOf(string key)
        {
            await ReadyAsync();
            return Codes[key];
        }

        public TenantInfo Commune { get; private set; } = null!;
        public Dictionary<string, string> Codes { get; } = [];

        private async Task InitializeAsync()
        {
            Commune = await CreateCommuneAsync();
            var procedures = new[]
            {
                ("khai-sinh", "Đăng ký khai sinh", "Hộ tịch"),
                ("ket-hon", "Đăng ký kết hôn", "Hộ tịch"),
                ("khai-tu", "Đăng ký khai tử", "Hộ tịch"),
                ("chung-thuc", "Chứng thực bản sao từ bản chính giấy tờ, văn bản", "Chứng thực"),
                ("tinh-trang", "Cấp Giấy xác nhận tình trạng hôn nhân", "Hộ tịch"),
                ("thuong-tru", "Đăng ký thường trú", "Đăng ký, quản lý cư trú"),
                ("hoa-giai", "Thủ tục hoà giải tranh chấp đất đai", "Đất đai"),
                ("hoa-plain", "Thủ tục hoa màu bồi thường", "Nông nghiệp"),
                ("lam-nghiep-title", "Cấp phép khai thác lâm sản", "Nông nghiệp"),
                ("lam-nghiep-body", "Thủ tục khác về rừng", "Lâm sản"),
            };
            foreach (var (key, name, field) in procedures)
            {
                var code = TthcBuilder.NextCode();
                Codes[key] = code;
                var content = TthcBuilder.Procedure(code, name, field);
                if (key == "khai-sinh")
                {
                    content.Cases[0].Papers.Add(new Paper { Name = "Giấy chứng sinh", Originals = 1 });
                }

                await this.ImportAsync(Commune.ProvinceCode, content);
            }

            await this.PostAsync(Commune, true, [.. Codes.Values]);
            await InScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<QmsDbContext>();
                db.AddRange(
                    new SearchSynonym { Everyday = "công chứng", Official = "chứng thực" },
                    new SearchSynonym { Everyday = "giấy độc thân", Official = "xác nhận tình trạng hôn nhân" },
                    new SearchSynonym { Everyday = "báo tử", Official = "khai tử" });
                await db.SaveChangesAsync();
            });
            await Services.GetRequiredService<SearchIndexer>().CatchUpAsync();
        }

        public async Task<SearchResults> Search(string text, int page = 1, int pageSize = 20)
        {
            await ReadyAsync();
            return Services.GetRequiredService<ISearchIndex>().Search(new SearchRequest(text, SearchScope.PublicOf(Commune.Id), Page: page, PageSize: pageSize));
        }

        public async Task<string> FirstCode(string text) => (await Search(text)).Hits is [var first, ..] ? first.Code ?? "" : "(none)";
    }

    [Theory]
    [InlineData("Đăng ký khai sinh")]
    [InlineData("dang ky khai sinh")]
    [InlineData("dang ki khai sinh")]
    [InlineData("ĐĂNG KÝ KHAI SINH")]
    [InlineData("đăng kí khai sinh")]
    [InlineData("ddawng kys khai sinh")]
    [InlineData("d9a8ng ky1 khai sinh")]
    [InlineData("khaisinh")]
    [InlineData("lam giay khai sinh o dau")]
    public async Task Birth_registration_is_found_first_however_it_is_typed(string typed) =>
        Assert.Equal(await fixture.CodeOf("khai-sinh"), await fixture.FirstCode(typed));

    [Fact]
    public async Task Decomposed_input_keeps_its_accents() =>
        Assert.Equal(await fixture.CodeOf("khai-sinh"), await fixture.FirstCode("Đăng ký khai sinh".Normalize(NormalizationForm.FormD)));

    [Theory]
    [InlineData("chuwngs thuwcj")]
    [InlineData("chứng thực")]
    [InlineData("chung th")]
    [InlineData("công chứng bản sao")]
    public async Task Certification_is_found_by_telex_prefix_and_everyday_words(string typed) =>
        Assert.Equal(await fixture.CodeOf("chung-thuc"), await fixture.FirstCode(typed));

    [Theory]
    [InlineData("giấy độc thân", "tinh-trang")]
    [InlineData("báo tử", "khai-tu")]
    [InlineData("kết hôn", "ket-hon")]
    [InlineData("thường trú", "thuong-tru")]
    public async Task Everyday_and_official_words_lead_to_the_procedure(string typed, string expected) =>
        Assert.Equal(await fixture.CodeOf(expected), await fixture.FirstCode(typed));

    [Fact]
    public async Task Codes_and_legal_numbers_are_found_whole()
    {
        Assert.Equal(await fixture.CodeOf("ket-hon"), await fixture.FirstCode(await fixture.CodeOf("ket-hon")));
        // Every builder procedure cites 01/2020/TT-THU; typed in lower case without the accent it still finds them.
        await fixture.ReadyAsync();
        Assert.Equal(fixture.Codes.Count, (await fixture.Search("01/2020/tt-thu")).Total);
    }

    [Fact]
    public async Task Old_and_new_tone_placement_are_equal_and_accent_exact_matches_rank_first()
    {
        // The title writes "hoà" (old placement); "hòa" (new) and "hoà" are one syllable.
        Assert.Equal(await fixture.CodeOf("hoa-giai"), await fixture.FirstCode("hòa giải"));
        Assert.Equal(await fixture.CodeOf("hoa-giai"), await fixture.FirstCode("hoà giải"));
        // Typed with the accent, "hòa" ranks the title with "hoà" above the one with "hoa"; both fold to "hoa".
        var hits = (await fixture.Search("hòa")).Hits.Select(h => h.Code).ToList();
        Assert.True(hits.IndexOf(await fixture.CodeOf("hoa-giai")) < hits.IndexOf(await fixture.CodeOf("hoa-plain")), string.Join(", ", hits));
        var plain = (await fixture.Search("hoa màu")).Hits.Select(h => h.Code).ToList();
        Assert.Equal(await fixture.CodeOf("hoa-plain"), plain[0]);
    }

    [Fact]
    public async Task The_name_outweighs_the_body()
    {
        var hits = (await fixture.Search("lâm sản")).Hits.Select(h => h.Code).ToList();
        Assert.Equal([await fixture.CodeOf("lam-nghiep-title"), await fixture.CodeOf("lam-nghiep-body")], hits.Take(2));
    }

    [Fact]
    public async Task Papers_are_found_and_marked_in_the_snippet()
    {
        var birth = await fixture.CodeOf("khai-sinh");
        var hit = Assert.Single((await fixture.Search("giấy chứng sinh")).Hits, h => h.Code == birth);
        Assert.Contains("Giấy chứng sinh", hit.SnippetText, StringComparison.Ordinal);
        var marked = hit.Snippet.Where(p => p.Match).Select(p => p.Text).ToList();
        Assert.Contains("chứng", marked);
        Assert.Contains("sinh", marked);
    }

    [Fact]
    public async Task The_title_is_marked_on_the_original_accented_words()
    {
        var hit = (await fixture.Search("dang ky khai sinh")).Hits[0];
        Assert.Equal("Đăng ký khai sinh", string.Concat(hit.TitleParts.Select(p => p.Text)));
        Assert.Contains(hit.TitleParts, p => p.Match && p.Text.Contains("Đăng", StringComparison.Ordinal));
    }

    [Fact]
    public async Task One_edit_on_a_longer_word_is_corrected_and_said()
    {
        var results = await fixture.Search("khai sihn");
        Assert.Equal("khai sinh", results.DidYouMean);
        Assert.Equal(await fixture.CodeOf("khai-sinh"), results.Hits[0].Code);
    }

    [Fact]
    public async Task Nothing_found_suggests_the_closest_procedures()
    {
        var birth = await fixture.CodeOf("khai-sinh");
        var results = await fixture.Search("khai sinh zzzq wwwx qqqy vvvk");
        Assert.Equal(0, results.Total);
        Assert.Contains(results.Suggestions, s => s.Code == birth);
    }

    [Theory]
    [InlineData("\"khai sinh\"")]
    [InlineData("khai* sinh~ (dang:ky) \\")]
    [InlineData("commune:* OR *:*")]
    [InlineData("\uD800 khai")]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Query_syntax_and_broken_text_never_throw(string typed)
    {
        var results = await fixture.Search(typed);
        Assert.True(results.Total >= 0);
        Assert.All(results.Hits, h => Assert.Equal(fixture.Commune.Id, h.TenantId));
    }

    [Fact]
    public async Task A_ten_thousand_character_query_is_cut_not_refused()
    {
        var birth = await fixture.CodeOf("khai-sinh");
        var results = await fixture.Search("khai sinh " + new string('a', 10_000));
        Assert.Equal(SearchRequest.MaxTextLength, results.Query.Length);
        Assert.Contains(results.Hits.Concat(results.Suggestions), h => h.Code == birth);
    }

    [Fact]
    public async Task Paging_returns_the_rest()
    {
        var all = fixture.Services.GetRequiredService<ISearchIndex>()
            .Search(new SearchRequest("thủ tục", SearchScope.PublicOf(fixture.Commune.Id), PageSize: 100)).Hits.Select(h => h.Code).ToList();
        var first = fixture.Services.GetRequiredService<ISearchIndex>()
            .Search(new SearchRequest("thủ tục", SearchScope.PublicOf(fixture.Commune.Id), Page: 1, PageSize: 1));
        var second = fixture.Services.GetRequiredService<ISearchIndex>()
            .Search(new SearchRequest("thủ tục", SearchScope.PublicOf(fixture.Commune.Id), Page: 2, PageSize: 1));
        Assert.True(all.Count >= 2);
        Assert.Equal(all.Count, first.Total);
        Assert.Equal(all[..2], [first.Hits.Single().Code, second.Hits.Single().Code]);
    }
}
