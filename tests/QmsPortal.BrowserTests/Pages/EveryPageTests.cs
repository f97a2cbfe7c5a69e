using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Audits;
using QmsPortal.Web.Features.Documents;

namespace QmsPortal.Tests.Browser.Pages;

/// <summary>
/// Every page of <see cref="PageList"/> on a 360 × 740 phone: no axe-core violation of WCAG 2.1 A/AA, nothing wider than
/// the screen, and no Nu HTML Checker error in the HTML the portal served (one checker run for all pages, under way in the
/// background while the pages go through the browser).
/// </summary>
public sealed class EveryPageTests(EveryPagePortal portal) : IClassFixture<EveryPagePortal>
{
    public const int PhoneWidth = 360;

    public static TheoryData<string> Pages => [.. PageList.All.Select(p => p.ToString())];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_listed_page_passes_axe_core_and_fits_a_360_px_phone(string listed)
    {
        var entry = PageList.Find(listed);
        var problems = new List<string>();
        var page = await portal.TabAsync(entry.Visitor);

        var response = await page.GotoAsync(await portal.UrlAsync(entry));

        if (response?.Status != entry.Status)
        {
            problems.Add($"status {response?.Status}, expected {entry.Status} (at {page.Url})");
        }

        var violations = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'], resultTypes: ['violations'] })).violations" +
            ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', '))");
        problems.AddRange(violations.EnumerateArray().Select(v => "axe-core " + v.GetString()));
        var width = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
        if (width > PhoneWidth)
        {
            var wide = await page.EvaluateAsync<string[]>(
                $"() => [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > {PhoneWidth} + 1).slice(0, 5)" +
                ".map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).split(' ').join('.') : ''))");
            problems.Add($"{width} px wide on a {PhoneWidth} px screen: {string.Join(", ", wide)}");
        }

        Assert.True(problems.Count == 0, $"{listed}:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task Every_listed_page_has_no_Nu_HTML_Checker_error()
    {
        var errors = await portal.NuErrorsAsync();

        var failing = PageList.All.Where(p => errors[p].Count > 0).Select(p => $"{p}:\n  " + string.Join("\n  ", errors[p])).ToList();
        Assert.True(failing.Count == 0, $"Nu HTML Checker errors (pages saved in {TestArtifacts.Folder("pages")}):\n" + string.Join("\n", failing));
    }
}

/// <summary>
/// The demo portal for <see cref="EveryPageTests"/>: one signed-in browser context per visitor, the listed paths' record
/// keys resolved, and the Nu HTML Checker run once over every listed page's served HTML (saved under the test artefacts).
/// </summary>
public sealed partial class EveryPagePortal : DemoBrowserPortal
{
    private readonly Dictionary<string, IPage> _tabs = [];
    private readonly SemaphoreSlim _signingIn = new(1);
    private Task<IReadOnlyDictionary<ListedPage, IReadOnlyList<string>>>? _nuErrors;

    private static string AxeScript => Environment.GetEnvironmentVariable("QMS_AXE_SCRIPT") is { } path && File.Exists(path)
        ? path
        : throw new InvalidOperationException("QMS_AXE_SCRIPT must point to axe.min.js: run the tests with build/test.sh, which installs axe-core.");

    /// <summary>
    /// The one tab of a visitor, signed in once, at phone size. axe-core is an init script of the tab's context: the browser
    /// adds it to every page before the page's own content, outside the page's CSP, so the pages are checked as served.
    /// </summary>
    public async Task<IPage> TabAsync(string visitor)
    {
        // The checker's batch and the running test may ask for the same visitor at once.
        await _signingIn.WaitAsync();
        try
        {
            if (!_tabs.TryGetValue(visitor, out var tab))
            {
                var context = await NewContextAsync(EveryPageTests.PhoneWidth, 740);
                await context.AddInitScriptAsync(scriptPath: AxeScript);
                tab = await context.NewPageAsync();
                if (visitor.Length > 0)
                {
                    await SignInAsync(tab, visitor, DemoUsers.Password);
                }

                _tabs[visitor] = tab;
            }

            return tab;
        }
        finally
        {
            _signingIn.Release();
        }
    }

    public async Task<string> UrlAsync(ListedPage page)
    {
        var path = page.Path;
        foreach (Match key in RecordKey().Matches(page.Path))
        {
            path = path.Replace(key.Value, (await IdAsync(key.Groups["code"].Value, key.Groups["number"].Value)).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        foreach (Match key in AuditRecordKey().Matches(page.Path))
        {
            path = path.Replace(key.Value, (await AuditRecordIdAsync(key.Groups["kind"].Value, key.Groups["key"].Value)).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return BaseUrl + path;
    }

    /// <summary>The Nu HTML Checker's batch starts with the portal and runs beside the browser checks.</summary>
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _nuErrors = Task.Run(CheckAllAsync);
    }

    /// <summary>Nu HTML Checker errors of every listed page (none: an empty list), from the one batch.</summary>
    public Task<IReadOnlyDictionary<ListedPage, IReadOnlyList<string>>> NuErrorsAsync() =>
        _nuErrors ?? throw new InvalidOperationException("The portal has not started.");

    // A run filtered to a few pages may end before the batch: let it finish before the browser closes under it.
    protected override Task StoppingAsync() => _nuErrors is null ? Task.CompletedTask : Task.WhenAny(_nuErrors);

    private async Task<IReadOnlyDictionary<ListedPage, IReadOnlyList<string>>> CheckAllAsync()
    {
        var folder = TestArtifacts.Folder("pages");
        foreach (var old in Directory.GetFiles(folder, "*.html"))
        {
            File.Delete(old);
        }

        var files = new Dictionary<string, ListedPage>();
        foreach (var (page, i) in PageList.All.Select((p, i) => (p, i)))
        {
            var tab = await TabAsync(page.Visitor);
            var response = await tab.Context.APIRequest.GetAsync(await UrlAsync(page));
            var file = Path.Combine(folder, $"{i:00}{FileName().Replace(page.Path.ToLowerInvariant(), "-")}.html");
            await File.WriteAllTextAsync(file, await response.TextAsync());
            files[file] = page;
        }

        // A page with two known errors rides along, so a checker whose report went unread cannot pass every page.
        var control = Path.Combine(folder, "control.html");
        await File.WriteAllTextAsync(control, "<!DOCTYPE html><html lang=\"vi\"><title>x</title><span><form></form></span><p>a&#xD;b</p></html>");
        var errors = await NuHtmlChecker.CheckAsync([.. files.Keys, control]);
        if (!errors.TryGetValue(control, out var expected) || expected.Count < 2)
        {
            throw new InvalidOperationException("The Nu HTML Checker did not report the known errors of " + control);
        }

        return files.ToDictionary(f => f.Value, f => (IReadOnlyList<string>)(errors.TryGetValue(f.Key, out var e) ? e : []));
    }

    private Task<int> IdAsync(string code, string revision) => InScopeAsync(async sp =>
    {
        // The listed paths name records of the demo's Xã Tuyên Bình; no request selects a commune here, hence the explicit filter.
        var db = sp.GetRequiredService<QmsDbContext>();
        var tenantId = await db.Tenants.Where(t => t.Slug == "tuyen-binh").Select(t => t.Id).SingleAsync();
        var document = await db.Set<ControlledDocument>().IgnoreQueryFilters().Where(d => d.TenantId == tenantId && d.Code == code).Select(d => d.Id).SingleAsync();
        if (revision.Length == 0)
        {
            return document;
        }

        var number = int.Parse(revision, System.Globalization.CultureInfo.InvariantCulture);
        return await db.Set<DocumentRevision>().IgnoreQueryFilters().Where(r => r.DocumentId == document && r.Number == number).Select(r => r.Id).SingleAsync();
    });

    /// <summary>The id of a demo audit record of Xã Tuyên Bình by its natural key (audit title, finding reference, review or inspection minutes date, objective name).</summary>
    private Task<int> AuditRecordIdAsync(string kind, string key) => InScopeAsync(async sp =>
    {
        // As for documents: no request selects a commune here, hence the explicit filter.
        var db = sp.GetRequiredService<QmsDbContext>();
        var tenantId = await db.Tenants.Where(t => t.Slug == "tuyen-binh").Select(t => t.Id).SingleAsync();
        var date = kind is "review" or "inspection" ? DateOnly.ParseExact(key, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : default;
        return kind switch
        {
            "audit" => await db.Set<Audit>().IgnoreQueryFilters().Where(a => a.TenantId == tenantId && a.Title == key).Select(a => a.Id).SingleAsync(),
            "finding" => await db.Set<Finding>().IgnoreQueryFilters().Where(f => f.TenantId == tenantId && f.Reference == key).Select(f => f.Id).SingleAsync(),
            "review" => await db.Set<ManagementReview>().IgnoreQueryFilters().Where(r => r.TenantId == tenantId && r.HeldOn == date).Select(r => r.Id).SingleAsync(),
            "objective" => await db.Set<QualityObjective>().IgnoreQueryFilters().Where(o => o.TenantId == tenantId && o.Name == key).Select(o => o.Id).SingleAsync(),
            "inspection" => await db.Set<ProvinceInspection>().IgnoreQueryFilters().Where(i => i.TenantId == tenantId && i.MinutesDate == date).Select(i => i.Id).SingleAsync(),
            _ => throw new InvalidOperationException($"Unknown record key {kind}:{key}."),
        };
    });

    [GeneratedRegex(@"\{(?<kind>audit|finding|review|objective|inspection):(?<key>[^}]+)\}")]
    private static partial Regex AuditRecordKey();

    [GeneratedRegex(@"\{(?:doc|rev):(?<code>[^:}]+)(?::(?<number>\d+))?\}")]
    private static partial Regex RecordKey();

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex FileName();
}
