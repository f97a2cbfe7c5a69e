using QmsPortal.Web.Features.Provinces.Ranking.Schemes;
using QmsPortal.Web.Recipes;

namespace QmsPortal.Web.Features.Provinces.Ranking;

/// <summary>The ranking of a province's communes: the scoring-scheme recipe step and what the pages score with.</summary>
public static class RankingRegistration
{
    public static IServiceCollection AddProvinceRanking(this IServiceCollection services)
    {
        services.AddScoped<IRecipeStep, ProvinceScoringStep>();
        services.AddScoped<SchemesInForce>();
        return services;
    }
}
