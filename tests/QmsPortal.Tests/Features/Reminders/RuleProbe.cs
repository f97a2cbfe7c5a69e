using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Reminders;
using QmsPortal.Web.Features.Reminders.Calendar;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Features.Reminders;

/// <summary>Runs one registered reminder rule as the workspace (one commune) and the reminder pass (every commune) would.</summary>
internal static class RuleProbe
{
    /// <summary>The rule's items in <paramref name="scope"/>, read outside any request (no tenant entered), as the pass reads.</summary>
    public static Task<IReadOnlyList<DueWork>> FindAsync<TRule>(PortalFactory portal, DueScope scope, DateOnly today, WorkingCalendar? calendar = null)
        where TRule : IReminderRule =>
        portal.InScopeAsync(sp => Rule<TRule>(sp).FindAsync(new DueContext(sp.GetRequiredService<QmsDbContext>(), scope, today, calendar ?? WorkingCalendar.WeekendsOnly)));

    /// <summary>The items of one commune, checked to be exactly what the every-commune scope finds for that commune.</summary>
    public static async Task<IReadOnlyList<DueWork>> InCommuneAsync<TRule>(PortalFactory portal, TenantInfo commune, DateOnly today) where TRule : IReminderRule
    {
        var one = await FindAsync<TRule>(portal, DueScope.Commune(commune.Id), today);
        var all = await FindAsync<TRule>(portal, DueScope.AllCommunes, today);
        Assert.All(one, w => Assert.Equal(commune.Id, w.TenantId));
        Assert.Equal(all.Where(w => w.TenantId == commune.Id).OrderBy(w => w.ItemKey, StringComparer.Ordinal).Select(Comparable),
            one.OrderBy(w => w.ItemKey, StringComparer.Ordinal).Select(Comparable));
        return one;
    }

    /// <summary>The item by value (the record compares its role list by reference).</summary>
    private static string Comparable(DueWork w) => $"{w with { Roles = null }} {string.Join(",", w.Roles ?? [])}";

    public static TRule Rule<TRule>(IServiceProvider sp) where TRule : IReminderRule =>
        sp.GetServices<IReminderRule>().OfType<TRule>().Single();

    public static TRule Rule<TRule>(PortalFactory portal) where TRule : IReminderRule => Rule<TRule>(portal.Services);
}
