using QmsPortal.Web.Features.Reminders.Calendar;
using QmsPortal.Web.Features.Reminders.Sending;
using QmsPortal.Web.Features.Reminders.Workspace;
using QmsPortal.Web.Recipes;
using QmsPortal.Web.Theming;

namespace QmsPortal.Web.Features.Reminders;

public static class RemindersRegistration
{
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddSingleton<WorkingCalendarStore>();
        services.AddScoped<IRecipeStep, WorkingCalendarStep>();
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReminderPass>();
        services.AddSingleton<ReminderLease>();
        services.AddSingleton<ReminderScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderScheduler>());
        services.AddWorkspace();
        services.AddStaffNavItem("Cài đặt nhắc việc", "nhac-viec/cai-dat", 80, Tenancy.CommunePolicies.Manage);
        services.AddPlatformNavItem("Lịch làm việc", "/admin/lich-lam-viec", 50, Shared.PortalWebRegistration.PlatformAdminPolicy);
        return services;
    }

    /// <summary>A feature adds each of its kinds of due work; the workspace lists them and the reminder pass mails them.</summary>
    public static IServiceCollection AddReminderRule<TRule>(this IServiceCollection services) where TRule : class, IReminderRule =>
        services.AddSingleton<IReminderRule, TRule>();
}
