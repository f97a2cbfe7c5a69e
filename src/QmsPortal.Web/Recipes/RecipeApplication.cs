namespace QmsPortal.Web.Recipes;

/// <summary>A record that a recipe was applied (to a commune, or to the platform when TenantId is null).</summary>
public sealed class RecipeApplication
{
    public int Id { get; set; }
    public int? TenantId { get; set; }
    public required string Name { get; set; }
    public required string Version { get; set; }
    public DateTimeOffset AppliedAt { get; set; }
    public required string AppliedBy { get; set; }
}

internal sealed class RecipeApplicationConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<RecipeApplication>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<RecipeApplication> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.Property(r => r.Version).HasMaxLength(40);
        builder.Property(r => r.AppliedBy).HasMaxLength(256);
        builder.HasIndex(r => new { r.TenantId, r.Name });
    }
}
