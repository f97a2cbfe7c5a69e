using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Files;
using QmsPortal.Web.Features.Tthc;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Isolation;

public sealed class TthcIsolationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly byte[] FormBytes = "%PDF-1.4 tờ khai thử"u8.ToArray();
    private static readonly string FormSha = Convert.ToHexStringLower(SHA256.HashData(FormBytes));

    private async Task<(TenantInfo A, TenantInfo B, string Posted, string Draft)> SetUpAsync()
    {
        var a = await portal.CreateCommuneAsync(provinceCode: "42");
        var b = await portal.CreateCommuneAsync(provinceCode: "42");
        var posted = TthcBuilder.NextCode();
        var draft = TthcBuilder.NextCode();
        var withForm = TthcBuilder.Procedure(draft, "Thủ tục nháp của xã B");
        withForm.Forms[0].File = FormSha;
        var postedWithForm = TthcBuilder.Procedure(posted, "Thủ tục niêm yết của xã A");
        postedWithForm.Forms[0].File = FormSha;
        await portal.ImportAsync("42", postedWithForm, withForm);
        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            if (!db.Set<TthcFormFile>().Any(f => f.Sha256 == FormSha))
            {
                await sp.GetRequiredService<IFileStore>().SaveAsync(new MemoryStream(FormBytes), FormBytes.Length);
                db.Add(new TthcFormFile { ProvinceCode = "42", Sha256 = FormSha, FileName = "to-khai.pdf", ContentType = "application/pdf" });
                await db.SaveChangesAsync();
            }
        });
        await portal.PostAsync(a, true, posted);
        await portal.PostAsync(b, false, draft);
        await portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            db.Add(new TthcFeedback { Reference = "PA-2026-000001", Code = draft, Message = "Phản ánh bí mật của xã B" });
            await db.SaveChangesAsync();
        }, b);
        return (a, b, posted, draft);
    }

    [Fact]
    public async Task Drafts_of_commune_B_are_invisible_to_the_public_in_pages_api_sitemap_and_files()
    {
        var (a, b, posted, draft) = await SetUpAsync();
        var citizen = portal.Anonymous();
        var download = await citizen.GetAsync($"/{a.Slug}/thu-tuc/{posted}/mau/{FormSha}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(FormBytes, await download.Content.ReadAsByteArrayAsync());

        foreach (var url in new[]
        {
            $"/{b.Slug}/thu-tuc/{draft}", $"/{a.Slug}/thu-tuc/{draft}", $"/{b.Slug}/thu-tuc/{draft}/in-giay-to", $"/{b.Slug}/thu-tuc/{draft}/in-niem-yet",
            $"/{b.Slug}/thu-tuc/{draft}/phien-ban/1", $"/{b.Slug}/thu-tuc/{draft}/bao-sai-sot", $"/{b.Slug}/api/tthc/{draft}", $"/{a.Slug}/api/tthc/{draft}",
            $"/{b.Slug}/thu-tuc/{draft}/mau/{FormSha}", $"/{a.Slug}/thu-tuc/{draft}/mau/{FormSha}", $"/{b.Slug}/thu-tuc/{posted}/mau/{FormSha}",
        })
        {
            Assert.True((await citizen.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
        }

        foreach (var url in new[] { $"/{a.Slug}/thu-tuc", $"/{b.Slug}/thu-tuc", $"/{a.Slug}/api/tthc", $"/{b.Slug}/api/tthc", $"/{a.Slug}/sitemap.xml", $"/{b.Slug}/sitemap.xml", $"/{a.Slug}/thu-tuc?q=nhap" })
        {
            var body = await citizen.GetStringAsync(url);
            Assert.DoesNotContain(draft, body);
            Assert.DoesNotContain("Thủ tục nháp của xã B", body);
        }
    }

    [Fact]
    public async Task Commune_A_staff_never_see_B_postings_or_feedback()
    {
        var (a, b, _, draft) = await SetUpAsync();
        var staffA = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(a, CommuneRole.QualitySecretary), (a, CommuneRole.CommuneAdmin)]));

        var manage = await staffA.GetStringAsync($"/{a.Slug}/thu-tuc/quan-ly");
        Assert.DoesNotContain("tthc-postings\"><tbody><tr data-code=\"" + draft, manage);
        Assert.Equal(HttpStatusCode.NotFound, (await staffA.GetAsync($"/{a.Slug}/thu-tuc/quan-ly/{draft}")).StatusCode);
        Assert.DoesNotContain("Phản ánh bí mật của xã B", await staffA.GetStringAsync($"/{a.Slug}/thu-tuc/quan-ly/phan-anh"));
        foreach (var url in new[] { $"/{b.Slug}/thu-tuc/quan-ly", $"/{b.Slug}/thu-tuc/quan-ly/{draft}", $"/{b.Slug}/thu-tuc/quan-ly/phan-anh" })
        {
            var response = await staffA.GetAsync(url);
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("Phản ánh bí mật của xã B", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_draft_adopted_by_B_stays_unadopted_and_available_for_A()
    {
        var (a, _, _, draft) = await SetUpAsync();
        var staffA = await portal.SignedInAsync(await portal.CreateUserAsync(memberships: [(a, CommuneRole.QualitySecretary)]));

        var page = await Html.GetDocumentAsync(staffA, $"/{a.Slug}/thu-tuc/quan-ly");

        Assert.Null(page.QuerySelector($"tr[data-code='{draft}']"));
        Assert.Contains(page.QuerySelectorAll(".tthc-available input"), i => i.GetAttribute("value") == draft);
    }
}
