using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ApplicationParts;

namespace QmsPortal.Web.Theming;

/// <summary>The manifest (<c>theme.json</c>) a theme library embeds; see themes/README.md.</summary>
public sealed record ThemeManifest(string Name, string DisplayName, string Description, string Layout, IReadOnlyList<string> Stylesheets, string? PrintStylesheet);

/// <summary>
/// The themes compiled into the application: every referenced Razor class library named <c>QmsPortal.Themes.*</c>
/// that embeds a <c>theme.json</c>. Built once; adding a theme is adding a project reference.
/// </summary>
public sealed class ThemeCatalog
{
    public const string DefaultTheme = "Default";

    private readonly Dictionary<string, ThemeManifest> _themes;

    public ThemeCatalog()
    {
        _themes = new Dictionary<string, ThemeManifest>(StringComparer.Ordinal);
        // Razor class libraries referenced by the web project are listed as application parts by the SDK.
        var names = typeof(ThemeCatalog).Assembly.GetCustomAttributes<ApplicationPartAttribute>()
            .Select(a => a.AssemblyName)
            .Where(n => n.StartsWith("QmsPortal.Themes.", StringComparison.Ordinal));
        foreach (var name in names)
        {
            var assembly = Assembly.Load(new AssemblyName(name));
            using var stream = assembly.GetManifestResourceStream("theme.json");
            if (stream is null)
            {
                continue;
            }

            var manifest = JsonSerializer.Deserialize<ThemeManifest>(stream, JsonSerializerOptions.Web)
                ?? throw new InvalidOperationException($"{name}: theme.json is empty.");
            _themes[manifest.Name] = manifest;
        }

        if (!_themes.ContainsKey(DefaultTheme))
        {
            throw new InvalidOperationException("The Default theme (themes/Default) is not referenced.");
        }
    }

    public IReadOnlyCollection<ThemeManifest> All => _themes.Values;

    public ThemeManifest? Find(string? name) => name is not null && _themes.TryGetValue(name, out var theme) ? theme : null;

    public ThemeManifest For(string? name) => Find(name) ?? _themes[DefaultTheme];
}
