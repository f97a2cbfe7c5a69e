using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Features.Audits.Findings;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Reminders;
using QmsPortal.Web.Features.Reminders.Calendar;

namespace QmsPortal.Tests.Features.Audits.Reminders;

/// <summary>A rule run as the workspace (one commune) or the reminder pass (every commune) runs it, counting its SQL commands.</summary>
internal static class RuleRun
{
    public sealed record Result(IReadOnlyList<DueWork> Items, int Queries);

    public static Task<Result> RunAsync(this PortalFactory portal, IReminderRule rule, DueScope scope, DateOnly? today = null) =>
        portal.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<QmsDbContext>();
            var calendar = await sp.GetRequiredService<WorkingCalendarStore>().GetAsync();
            using var counter = new ContextQueryCounter(db);
            var items = await rule.FindAsync(new DueContext(db, scope, today ?? portal.Today(), calendar));
            return new Result(items, counter.Count);
        });

    public static Task<WorkingCalendar> CalendarAsync(this PortalFactory portal) =>
        portal.InScopeAsync(sp => sp.GetRequiredService<WorkingCalendarStore>().GetAsync());

    /// <summary>SQL commands one DbContext executes (other tests running in parallel use other contexts).</summary>
    private sealed class ContextQueryCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly DbContext _context;
        private readonly IDisposable _listeners;
        private readonly List<IDisposable> _subscriptions = [];
        private int _count;

        public ContextQueryCounter(DbContext context)
        {
            _context = context;
            _listeners = DiagnosticListener.AllListeners.Subscribe(this);
        }

        public int Count => Volatile.Read(ref _count);

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (_subscriptions)
                {
                    _subscriptions.Add(value.Subscribe(this, name => name == RelationalEventId.CommandExecuted.Name));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Value is CommandExecutedEventData executed && ReferenceEquals(executed.Context, _context))
            {
                Interlocked.Increment(ref _count);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            _listeners.Dispose();
            lock (_subscriptions)
            {
                _subscriptions.ForEach(s => s.Dispose());
            }
        }
    }
}
