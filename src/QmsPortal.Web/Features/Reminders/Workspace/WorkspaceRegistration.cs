using Microsoft.AspNetCore.Mvc;
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
        return services;
    }
}
