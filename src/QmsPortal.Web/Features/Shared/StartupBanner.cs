using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using QmsPortal.Web.Features.Account;
using QmsPortal.Web.Recipes;

namespace QmsPortal.Web.Features.Shared;

/// <summary>What a person starting the portal needs to read on the console: where it runs and how to get in.</summary>
internal static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.FirstOrDefault() ?? "http://localhost:5000";
        var lines = new List<string> { "", $"QmsPortal đang chạy tại {url}" };

        using var scope = app.Services.CreateScope();
        // Where mail goes is the first question when a reminder did not arrive; the server is not contacted here, so an
        // unreachable one never holds up the start (its problems show on /admin/thu-di).
        var mail = scope.ServiceProvider.GetRequiredService<IOptions<Email.EmailOptions>>().Value;
        lines.Add($"Thư gửi đi qua: {mail.Destination(app.Environment.ContentRootPath)}");
        var demo = scope.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (demo.Enabled)
        {
            lines.Add("Chế độ demo — tài khoản mẫu (mật khẩu công khai, chỉ để chạy thử):");
            lines.AddRange(DemoSignIns(scope.ServiceProvider, demo.Recipe));
        }

        var setup = scope.ServiceProvider.GetRequiredService<SetupToken>();
        if (setup.IsOpen(scope.ServiceProvider))
        {
            lines.Add($"Chưa có quản trị hệ thống: mở {url.TrimEnd('/')}/setup?token={setup.Value} để tạo tài khoản đầu tiên,");
            lines.Add("hoặc chạy: dotnet run --project src/QmsPortal.Web -- admin create --email ... --name \"...\"");
        }

        Console.WriteLine(string.Join(Environment.NewLine, lines) + Environment.NewLine);
    }

    /// <summary>Read from the demo recipe itself, so the console and the data never disagree.</summary>
    private static IEnumerable<string> DemoSignIns(IServiceProvider services, string recipeName)
    {
        var runner = services.GetRequiredService<RecipeRunner>();
        var recipe = runner.LoadAsync(recipeName).GetAwaiter().GetResult();
        foreach (var step in recipe.Steps)
        {
            var people = (step["users"] as JsonArray)?.OfType<JsonObject>().Select(u => (u, Where: "toàn hệ thống"))
                ?? (step["communes"] as JsonArray)?.OfType<JsonObject>().SelectMany(c =>
                    ((c["steps"] as JsonArray)?.OfType<JsonObject>() ?? []).SelectMany(s => (s["members"] as JsonArray)?.OfType<JsonObject>() ?? [])
                    .Select(m => (u: m, Where: "/" + (string?)c["slug"])))
                ?? [];
            foreach (var (user, where) in people)
            {
                var roles = string.Join(", ", user["roles"]!.AsArray().Select(r => (string?)r));
                yield return $"  {(string?)user["email"],-32} {(string?)user["password"],-14} {roles} ({where})";
            }
        }
    }
}
