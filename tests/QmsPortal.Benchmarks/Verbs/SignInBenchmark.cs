using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Benchmarks.Harness;
using QmsPortal.Web.Data;

namespace QmsPortal.Benchmarks.Verbs;

/// <summary>
/// <c>signin</c>: does a sign-in answer as fast for an address without an account as for a wrong password (issue 7,
/// finding 5)? Interleaves the two kinds of failed sign-in over Kestrel and prints both latencies and their ratio.
/// </summary>
internal static partial class SignInBenchmark
{
    public const string Usage = "signin [--rounds 40] [--provider Sqlite|Postgres] [--connection ...]";

    private static readonly string[] Valued = ["--rounds", "--provider", "--connection"];

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = BenchArgs.Parse(args, Valued, []);
        var rounds = options.Int("--rounds", 40, 5, 1000);
        var provider = options.OneOf("--provider", "Sqlite", "Sqlite", "Postgres");

        await using var database = await BenchDatabase.CreateFreshAsync(provider, options.Get("--connection"), keep: false);
        await using var portal = BenchPortal.StartOnKestrel(database);
        Console.WriteLine($"signin: {rounds} rounds of (wrong password, unknown address) on {database.Provider}, {portal.BaseAddress}");

        var emails = await portal.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var list = new List<string>();
            for (var i = 0; i < rounds; i++)
            {
                var email = $"nguoidung{i}@bench.vn";
                var result = await users.CreateAsync(new PortalUser { UserName = email, Email = email, FullName = "Người Đo", EmailConfirmed = true }, "MatKhau@Dung2026");
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
                }

                list.Add(email);
            }

            return list;
        });

        using var client = LoopbackHttp.Client(portal.BaseAddress, 1, new CookieContainer());
        var form = await client.GetStringAsync("/tai-khoan/dang-nhap");
        var token = Token().Match(form).Groups[1].Value;
        await PostAsync(client, token, emails[0], "KhoiDong@2026");

        var wrong = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            wrong.Add(await PostAsync(client, token, emails[i], "SaiMatKhau@2026"));
            unknown.Add(await PostAsync(client, token, $"khongco{i}@bench.vn", "SaiMatKhau@2026"));
        }

        var w = Stats.Summarize(wrong);
        var u = Stats.Summarize(unknown);
        new ReportTable($"Failed sign-ins, {rounds} each, interleaved ({database.Provider})", "kind", "median ms", "p95 ms", "max ms")
            .Row("wrong password, real account", w.Median, w.P95, w.Max)
            .Row("address without an account", u.Median, u.P95, u.Max)
            .Print();
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"ratio of medians (unknown / wrong password): {u.Median / w.Median:0.00} (1.00 = indistinguishable)"));
        JsonLine.Print(new
        {
            benchmark = "signin", provider = database.Provider, rounds,
            wrongPasswordMedianMs = JsonLine.Round(w.Median), wrongPasswordP95Ms = JsonLine.Round(w.P95),
            unknownMedianMs = JsonLine.Round(u.Median), unknownP95Ms = JsonLine.Round(u.P95),
            ratio = JsonLine.Round(u.Median / w.Median),
        });
        return 0;
    }

    private static async Task<double> PostAsync(HttpClient client, string token, string email, string password)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsync("/tai-khoan/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__qms_af"] = token, ["Input.Email"] = email, ["Input.Password"] = password,
        }));
        await response.Content.ReadAsByteArrayAsync();
        var elapsed = watch.Elapsed.TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"A failed sign-in answered {(int)response.StatusCode}, not 200.");
        }

        return elapsed;
    }

    [GeneratedRegex("name=\"__qms_af\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
