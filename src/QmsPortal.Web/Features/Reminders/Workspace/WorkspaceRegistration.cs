using Microsoft.AspNetCore.Mvc;
using QmsPortal.Web.Features.Shared;
using QmsPortal.Web.Tenancy;
using QmsPortal.Web.Theming;

namespace QmsPortal.Web.Features.Reminders.Workspace;

public static class WorkspaceRegistration
{
    public static IServiceCollection AddWorkspace(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton<MyWorkCountCache>();
        services.AddScoped<MyWork>();
        services.AddScoped<MyWorkNavCounter>();
        services.AddScoped<EvictMyWorkCountOnPost>();
        services.Configure<MvcOptions>(o => o.Filters.AddService<EvictMyWorkCountOnPost>());
        services.AddStaffNavItem("Việc của tôi", "viec-cua-toi", 0, CommunePolicies.Member, typeof(MyWorkNavCounter));

        // Links to pages of features that have no registration of their own yet (Commune) or belong to another change
        // in flight (Audits, Account); each moves to its feature's registration when that feature is next touched.
        services.AddStaffNavItem("Đánh giá nội bộ", "danh-gia", 50, CommunePolicies.Reader);
        services.AddStaffNavItem("Thành viên", "quan-tri/thanh-vien", 90, CommunePolicies.Manage);
        services.AddPlatformNavItem("Xã, phường của tỉnh", "/tai-khoan", 20, PortalWebRegistration.ProvinceAuditorPolicy);
        return services;
    }
}
