using QmsPortal.Web.Features.Provinces.Ranking.Schemes;
using QmsPortal.Web.Recipes;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Theming;

namespace QmsPortal.Web.Features.Provinces.Ranking;

/// <summary>The ranking of a province's communes: the scoring-scheme recipe step and what the pages score with.</summary>
public static class RankingRegistration
{
    public static IServiceCollection AddProvinceRanking(this IServiceCollection services)
    {
        services.AddScoped<IRecipeStep, ProvinceScoringStep>();
        services.AddScoped<SchemesInForce>();
        services.AddScoped<Scores.ProvinceRanking>();
        services.AddStaffNavItem("Xếp hạng của xã", "xep-hang", 45, CommunePolicies.Member);
        return services;
    }
}
