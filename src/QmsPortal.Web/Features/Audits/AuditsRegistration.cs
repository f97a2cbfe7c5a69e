using QmsPortal.Web.Features.Audits.Programmes;
using QmsPortal.Web.Features.Audits.Reminders;
using QmsPortal.Web.Features.Reminders;
using QmsPortal.Web.Recipes;
using QmsPortal.Web.Search;
using QmsPortal.Web.Theming;

namespace QmsPortal.Web.Features.Audits;

public static class AuditsRegistration
{
    public static IServiceCollection AddAudits(this IServiceCollection services)
    {
        services.AddStaffNavItem("Đánh giá nội bộ", "danh-gia", 50, Tenancy.CommunePolicies.Reader);
        services.AddScoped<AuditDesk>();
        services.AddScoped<ScopeLookup>();
        services.AddScoped<AuditDueItems>();
        services.AddScoped<Findings.FindingLookup>();
        services.AddScoped<IRecipeStep, AuditQuestionsStep>();
        services.AddScoped<IRecipeStep, AuditRecordsStep>();
        services.AddReminderRule<CorrectiveActionDueRule>();
        services.AddReminderRule<EffectivenessCheckDueRule>();
        services.AddReminderRule<InspectionReportDueRule>();
        services.AddReminderRule<PlannedAuditDueRule>();
        services.AddReminderRule<YearlyInternalAuditRule>();
        services.AddReminderRule<YearlyManagementReviewRule>();
        services.AddSearchSource<Search.FindingSearchSource>();
        services.AddSearchSource<Search.AuditSearchSource>();
        services.AddSearchSource<Search.ReviewSearchSource>();
        services.AddSearchSource<Search.InspectionSearchSource>();
        return services;
    }
}
