using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Features.Provinces.Inspections;

internal sealed class InspectionPlanConfiguration : IEntityTypeConfiguration<InspectionPlan>
{
    public void Configure(EntityTypeBuilder<InspectionPlan> b)
    {
        b.ToTable("InspectionPlans");
        b.Property(p => p.ProvinceCode).HasMaxLength(2);
        b.Property(p => p.CreatedBy).HasMaxLength(256);
        b.Property(p => p.UpdatedBy).HasMaxLength(256);
        b.HasIndex(p => new { p.ProvinceCode, p.Year }).IsUnique();
        b.HasOne<Province>().WithMany().HasForeignKey(p => p.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InspectionPlanItemConfiguration : IEntityTypeConfiguration<InspectionPlanItem>
{
    public void Configure(EntityTypeBuilder<InspectionPlanItem> b)
    {
        b.ToTable("InspectionPlanItems");
        b.HasIndex(i => new { i.PlanId, i.TenantId }).IsUnique();
        b.HasIndex(i => i.TenantId);
        b.HasOne<Tenant>().WithMany().HasForeignKey(i => i.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}
