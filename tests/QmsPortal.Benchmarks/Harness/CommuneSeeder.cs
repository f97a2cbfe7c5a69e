using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Web.Data;
using QmsPortal.Web.Recipes;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Benchmarks.Harness;

internal sealed record SeedResult(int Count, TimeSpan Total, IReadOnlyList<double> PerCommuneMs);

/// <summary>Median milliseconds of each part of provisioning one commune, measured on communes that already exist.</summary>
internal sealed record ProvisionBreakdown(int Samples, double CheckMs, double RecipeLoadMs, double RecipeValidateMs);

/// <summary>
/// Creates benchmark communes through the real <see cref="CommuneProvisioner"/> (the same path as the admin page
/// and <c>tenant create</c>), one scope and one transaction each, spread over the 34 provinces.
/// Slugs <c>xa-tai-00001</c>…, codes 10001… (5 digits, unique).
/// </summary>
internal static class CommuneSeeder
{
    public const int MaxCount = 80000;

    public static CommuneSpec Spec(int number, IReadOnlyList<string> provinceCodes)
    {
        var kind = number % 4 == 0 ? CommuneKind.Phuong : CommuneKind.Xa;
        var name = (kind == CommuneKind.Phuong ? "Phường" : "Xã") + " Thử Tải " + number.ToString(CultureInfo.InvariantCulture);
        return new CommuneSpec(
            "xa-tai-" + number.ToString("00000", CultureInfo.InvariantCulture),
            name,
            (10000 + number).ToString("00000", CultureInfo.InvariantCulture),
            provinceCodes[number % provinceCodes.Count],
            kind);
    }

    public static Task<List<string>> ProvinceCodesAsync(BenchPortal portal) =>
        portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Provinces.OrderBy(p => p.Code).Select(p => p.Code).ToListAsync());

    public static Task<SeedResult> CreateAsync(BenchPortal portal, int count, string recipe, TimeSpan limit) =>
        CreateAsync(portal, count, [recipe], limit);

    /// <summary>With no recipes, a commune is only its tenant row: the fastest way to have thousands.</summary>
    public static async Task<SeedResult> CreateAsync(BenchPortal portal, int count, IReadOnlyList<string> recipes, TimeSpan limit)
    {
        var provinces = await ProvinceCodesAsync(portal);
        var perCommune = new List<double>(count);
        var total = Stopwatch.StartNew();
        for (var number = 1; number <= count; number++)
        {
            var spec = Spec(number, provinces);
            var one = Stopwatch.StartNew();
            await portal.InScopeAsync(sp => sp.GetRequiredService<CommuneProvisioner>().ProvisionAsync(spec, recipes));
            perCommune.Add(one.Elapsed.TotalMilliseconds);
            if (number % 500 == 0 || number == count)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  created {number}/{count} communes in {total.Elapsed.TotalSeconds:0.0} s"));
            }

            if (total.Elapsed > limit && number < count)
            {
                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"Stopped after {number} of {count} communes: the {limit.TotalMinutes:0}-minute limit was reached."));
            }
        }

        return new SeedResult(count, total.Elapsed, perCommune);
    }

    /// <summary>
    /// Times the read-only parts of <see cref="CommuneProvisioner.ProvisionAsync"/> on existing communes, so a slow
    /// creation can be attributed: the spec checks, loading the recipe file, validating it; the rest is writing.
    /// </summary>
    public static async Task<ProvisionBreakdown> MeasureBreakdownAsync(BenchPortal portal, int created, string recipe, int samples)
    {
        var provinces = await ProvinceCodesAsync(portal);
        var check = new List<double>();
        var load = new List<double>();
        var validate = new List<double>();
        samples = Math.Min(samples, created);
        for (var i = 0; i < samples; i++)
        {
            var spec = Spec(1 + (int)((long)i * created / samples), provinces);
            await portal.InScopeAsync(async sp =>
            {
                var watch = Stopwatch.StartNew();
                var problems = await sp.GetRequiredService<CommuneProvisioner>().CheckAsync(spec);
                check.Add(watch.Elapsed.TotalMilliseconds);
                if (problems.Count > 0)
                {
                    throw new InvalidOperationException(string.Join(" ", problems.Select(p => p.Message)));
                }

                var runner = sp.GetRequiredService<RecipeRunner>();
                watch.Restart();
                var file = await runner.LoadAsync(recipe);
                load.Add(watch.Elapsed.TotalMilliseconds);

                var commune = await sp.GetRequiredService<TenantDirectory>().FindBySlugAsync(spec.Slug)
                    ?? throw new InvalidOperationException($"Commune {spec.Slug} was not created.");
                watch.Restart();
                var errors = await runner.ValidateAsync(file, commune);
                validate.Add(watch.Elapsed.TotalMilliseconds);
                return errors.Count;
            });
        }

        return new ProvisionBreakdown(samples, Stats.Median(check), Stats.Median(load), Stats.Median(validate));
    }
}
