namespace QmsPortal.Web.Features.Admin;

public static class AdminRegistration
{
    /// <summary>Pages under Features/Admin are authorized for PlatformAdmin by folder (see PortalWebRegistration).</summary>
    public static IServiceCollection AddAdmin(this IServiceCollection services) => services;
}
