using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Benchmarks.Harness;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Reminders.Sending;
using QmsPortal.Web.Text;

namespace QmsPortal.Benchmarks.Verbs;

/// <summary>
/// <c>reminders</c> (issue 10): one reminder pass over N communes, each with a library of issued documents (periodic
/// reviews falling due over the years), a year of audit records (corrective actions, effectiveness checks, audits, a
/// management review) and four members (secretary, approver, administrator, staff). Times the pass that only plans
/// (dry run: every rule's query, members, earlier notices), the pass that decides and queues the mail, and the same
/// day's second pass (nothing new); counts SQL commands and samples memory while each runs. The outbox dispatcher is
/// off: sending is not what this measures.
/// </summary>
internal static class RemindersBenchmark
{
    public const string Usage = "reminders [--communes 3321] [--documents 30] [--provider Sqlite|Postgres] [--connection ...] [--keep]";

    private static readonly string[] Valued = ["--communes", "--documents", "--provider", "--connection"];
    private static readonly string[] Flags = ["--keep"];
    private static readonly string[] Roles = ["QualitySecretary", "Approver", "CommuneAdmin", "Staff"];

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = BenchArgs.Parse(args, Valued, Flags);
        var communes = options.Int("--communes", 3321, 1, CommuneSeeder.MaxCount);
        var documents = options.Int("--documents", 30, 1, 500);
        var provider = options.OneOf("--provider", "Sqlite", "Sqlite", "Postgres");

        await using var database = await BenchDatabase.CreateFreshAsync(provider, options.Get("--connection"), options.Has("--keep"));
        Console.WriteLine($"reminders: {communes} communes × {documents} documents, a year of audit records and 4 members, on {database.Provider} ({database.Location})");
        await using var portal = BenchPortal.StartInMemory(database, withoutMailDispatcher: true);

        var seed = await CommuneSeeder.CreateAsync(portal, communes, recipes: [], TimeSpan.FromMinutes(20));
        var tenants = await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Tenants.AsNoTracking()
            .Where(t => t.Slug.StartsWith("xa-tai-")).OrderBy(t => t.Id).Select(t => new DocumentsBenchmark.TenantRow(t.Id, t.Slug)).ToListAsync());
        var today = VietnameseFormat.Today(TimeProvider.System);
        var load = Stopwatch.StartNew();
        await DocumentLoader.LoadAsync(database, tenants, documents, revisions: 2);
        await AuditLoader.LoadAsync(database, tenants, today);
        var people = await LoadMembersAsync(database, tenants);
        load.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  communes created in {seed.Total.TotalSeconds:0.0} s; documents, audit records and {people:N0} members loaded in {load.Elapsed.TotalSeconds:0.0} s"));

        var pass = portal.Services.GetRequiredService<ReminderPass>();
        using var queries = new QueryCounter();
        var dryRun = await MeasureAsync(queries, () => pass.RunAsync(today, dryRun: true));
        var first = await MeasureAsync(queries, () => pass.RunAsync(today, dryRun: false));
        var again = await MeasureAsync(queries, () => pass.RunAsync(today, dryRun: false));
        // An ordinary day after the first: only the steps reached since (a new week overdue, a new lead time) are new.
        var calendar = await portal.Services.GetRequiredService<QmsPortal.Web.Features.Reminders.Calendar.WorkingCalendarStore>().GetAsync();
        var nextDay = calendar.AddWorkingDays(today, 1);
        var next = await MeasureAsync(queries, () => pass.RunAsync(nextDay, dryRun: false));
        var queued = await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Set<QmsPortal.Web.Email.OutboxMessage>().CountAsync());

        new ReportTable(string.Create(CultureInfo.InvariantCulture, $"One reminder pass over {tenants.Count:N0} communes on {database.Provider}, day {today:dd/MM/yyyy}"),
                "pass", "seconds", "SQL commands", "due items", "mails", "notices written", "peak managed heap MB", "peak RSS MB", "allocated MB")
            .Row("plan only (dry run)", dryRun.Seconds, dryRun.Commands, dryRun.Result.DueItems, dryRun.Result.Mails.Count, 0, dryRun.PeakHeapMb, dryRun.PeakRssMb, dryRun.AllocatedMb)
            .Row("decide and queue", first.Seconds, first.Commands, first.Result.DueItems, first.Result.Mails.Count, first.Result.NoticesWritten, first.PeakHeapMb, first.PeakRssMb, first.AllocatedMb)
            .Row("same day again", again.Seconds, again.Commands, again.Result.DueItems, again.Result.Mails.Count, again.Result.NoticesWritten, again.PeakHeapMb, again.PeakRssMb, again.AllocatedMb)
            .Row($"next working day ({nextDay:dd/MM})", next.Seconds, next.Commands, next.Result.DueItems, next.Result.Mails.Count, next.Result.NoticesWritten, next.PeakHeapMb, next.PeakRssMb, next.AllocatedMb)
            .Print();
        Console.WriteLine($"  {first.Result.Summary}; outbox holds {queued:N0} messages");
        Console.WriteLine("  SQL commands are EF Core's (reads, outbox rows); notices are inserted as prepared single-row commands on SQLite, 500 rows per command on PostgreSQL, outside that count.");
        Console.WriteLine($"  {Environment.ProcessorCount} cores; load average now {File.ReadAllText("/proc/loadavg").Trim()}");

        JsonLine.Print(new
        {
            benchmark = "reminders",
            communes = tenants.Count,
            provider = database.Provider,
            documentsPerCommune = documents,
            dryRun = dryRun.Json(),
            pass = first.Json(),
            sameDayAgain = again.Json(),
            nextWorkingDay = next.Json(),
            outbox = queued,
        });
        if (database.Kept)
        {
            Console.WriteLine($"Database kept: {database.Location}");
        }

        return 0;
    }

    /// <summary>Four members per commune (ids the audit records name as owners, lead auditor and chair are rewritten to them).</summary>
    private static async Task<int> LoadMembersAsync(BenchDatabase database, IReadOnlyList<DocumentsBenchmark.TenantRow> tenants)
    {
        await using var connection = BulkSql.Open(database);
        await connection.OpenAsync();
        await BulkSql.StartLoadAsync(connection);
        var count = 0;
        foreach (var chunk in tenants.Chunk(200))
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using var user = BulkSql.Command(connection, transaction, "AspNetUsers", "Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail",
                "EmailConfirmed", "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled",
                "AccessFailedCount", "FullName", "SigningCodeEnabled", "ReminderDigestOff");
            await using var membership = BulkSql.Command(connection, transaction, "Memberships", "TenantId", "UserId", "Role");
            foreach (var tenant in chunk)
            {
                foreach (var role in Roles)
                {
                    var id = UserId(tenant.Id, role);
                    var email = $"{id}@bench.invalid";
                    // A hash that no password matches: these members are mailed, never signed in.
                    BulkSql.Set(user, id, email, email.ToUpperInvariant(), email, email.ToUpperInvariant(), true, "AQAAAAIAAYagAAAAEBENCHBENCHBENCH", Guid.NewGuid().ToString("N"),
                        Guid.NewGuid().ToString(), false, false, true, 0, $"Người thử tải {role} {tenant.Id}", false, role == "Staff" && tenant.Id % 10 == 0);
                    await user.ExecuteNonQueryAsync();
                    BulkSql.Set(membership, tenant.Id, id, role);
                    await membership.ExecuteNonQueryAsync();
                    count++;
                }
            }

            await transaction.CommitAsync();
        }

        // The audit loader names one placeholder person everywhere; give each commune's records its own people.
        var concat = database.Provider == "Postgres" ? "'u-' || \"TenantId\"::text" : "'u-' || \"TenantId\"";
        await BulkSql.Exec(connection, $"UPDATE \"CorrectiveActions\" SET \"OwnerId\" = {concat} || '-Staff'");
        await BulkSql.Exec(connection, $"UPDATE \"Audits\" SET \"LeadAuditorId\" = {concat} || '-QualitySecretary'");
        await BulkSql.Exec(connection, $"UPDATE \"ManagementReviews\" SET \"ChairId\" = {concat} || '-Approver'");
        await BulkSql.FinishLoadAsync(connection, []);
        return count;
    }

    private static string UserId(int tenantId, string role) => string.Create(CultureInfo.InvariantCulture, $"u-{tenantId}-{role}");

    private static async Task<Measured> MeasureAsync(QueryCounter queries, Func<Task<ReminderPassResult>> run)
    {
        var baseline = ProcessMemory.AfterFullGc();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var before = queries.Count;
        long peakHeap = 0, peakRss = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
                peakRss = Math.Max(peakRss, ProcessMemory.ResidentSetBytes());
                try
                {
                    await Task.Delay(10, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });
        var watch = Stopwatch.StartNew();
        var result = await run();
        watch.Stop();
        await stop.CancelAsync();
        await sampler;
        return new Measured(result, watch.Elapsed.TotalSeconds, queries.Count - before, (peakHeap - baseline.GcHeapBytes) / 1048576.0,
            peakRss / 1048576.0, (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0);
    }

    private sealed record Measured(ReminderPassResult Result, double Seconds, int Commands, double PeakHeapMb, double PeakRssMb, double AllocatedMb)
    {
        public object Json() => new
        {
            seconds = JsonLine.Round(Seconds), sqlCommands = Commands, dueItems = Result.DueItems, mails = Result.Mails.Count, notices = Result.NoticesWritten,
            peakManagedHeapOverBaselineMb = JsonLine.Round(PeakHeapMb), peakRssMb = JsonLine.Round(PeakRssMb), allocatedMb = JsonLine.Round(AllocatedMb),
        };
    }
}
