namespace QmsPortal.Web.Recipes;

/// <summary>Section <c>Recipes</c>.</summary>
public sealed class RecipeOptions
{
    public const string Section = "Recipes";

    /// <summary>Folder of named recipes and the schema; relative to the application's folder.</summary>
    public string Folder { get; set; } = "content-recipes";

    public string FullFolder => Path.IsPathRooted(Folder) ? Folder : Path.Combine(AppContext.BaseDirectory, Folder);
}

/// <summary>
/// Section <c>Demo</c>. Demo communes, users and known passwords exist only when this is on (Development
/// turns it on; production configuration leaves it off and starts empty).
/// </summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Enabled { get; set; }

    /// <summary>The recipe applied to an empty database when demo mode is on.</summary>
    public string Recipe { get; set; } = "demo";
}
