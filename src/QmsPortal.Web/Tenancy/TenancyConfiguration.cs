using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace QmsPortal.Web.Tenancy;

internal sealed class ProvinceConfiguration : IEntityTypeConfiguration<Province>
{
    public void Configure(EntityTypeBuilder<Province> builder)
    {
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Code).HasMaxLength(2);
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.Source).HasMaxLength(200);
    }
}

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.Property(t => t.Slug).HasMaxLength(60);
        builder.Property(t => t.Code).HasMaxLength(5);
        builder.Property(t => t.Name).HasMaxLength(Tenant.NameMaxLength);
        builder.Property(t => t.ProvinceCode).HasMaxLength(2);
        builder.Property(t => t.Theme).HasMaxLength(40);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(t => t.DisabledReason).HasMaxLength(500);
        builder.Property(t => t.FormerNames).HasMaxLength(500);
        builder.Property(t => t.Address).HasMaxLength(300);
        builder.Property(t => t.Phone).HasMaxLength(50);
        builder.Property(t => t.Email).HasMaxLength(120);
        builder.Property(t => t.OfficeHours).HasMaxLength(300);
        builder.HasIndex(t => t.Slug).IsUnique();
        builder.HasIndex(t => t.Code).IsUnique();
        builder.HasIndex(t => new { t.ProvinceCode, t.Status });
        builder.HasOne(t => t.Province).WithMany().HasForeignKey(t => t.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.HostNames).WithOne().HasForeignKey(h => h.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TenantHostNameConfiguration : IEntityTypeConfiguration<TenantHostName>
{
    public void Configure(EntityTypeBuilder<TenantHostName> builder)
    {
        builder.Property(h => h.HostName).HasMaxLength(253);
        builder.HasIndex(h => h.HostName).IsUnique();
    }
}

internal sealed class TenantMembershipConfiguration : IEntityTypeConfiguration<TenantMembership>
{
    public void Configure(EntityTypeBuilder<TenantMembership> builder)
    {
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(m => new { m.UserId, m.TenantId, m.Role }).IsUnique();
        builder.HasIndex(m => new { m.TenantId, m.Role });
        builder.HasOne(m => m.Tenant).WithMany().HasForeignKey(m => m.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
