using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace QmsPortal.Web.Recipes;

public static class RecipeRegistration
{
    public static IServiceCollection AddRecipes(this IServiceCollection services)
    {
        services.AddOptions<RecipeOptions>().BindConfiguration(RecipeOptions.Section)
            .Validate(o => Directory.Exists(o.FullFolder), "Recipes:Folder does not exist.").ValidateOnStart();
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddScoped<RecipeRunner>();
        return services;
    }

    /// <summary>In demo mode, an empty database gets the demo communes and users.</summary>
    public static async Task ApplyDemoAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var demo = scope.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value;
        var db = scope.ServiceProvider.GetRequiredService<Data.QmsDbContext>();
        if (!demo.Enabled || await db.Tenants.AnyAsync())
        {
            return;
        }

        var runner = scope.ServiceProvider.GetRequiredService<RecipeRunner>();
        scope.ServiceProvider.GetRequiredService<Data.CurrentActor>().ActAs("demo");
        await runner.ApplyAsync(await runner.LoadAsync(demo.Recipe), null);
        scope.ServiceProvider.GetRequiredService<ILogger<RecipeRunner>>().LogInformation("Demo data applied from recipe {Recipe}", demo.Recipe);
    }
}
