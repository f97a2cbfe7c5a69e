using Microsoft.EntityFrameworkCore;
using QmsPortal.Web.Data;
using QmsPortal.Web.Features.Account;
using QmsPortal.Web.Recipes;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Web.Cli;

/// <summary>
/// Operator verbs, run as <c>dotnet run --project src/QmsPortal.Web -- VERB ...</c>. Each prints what it did
/// and exits 0, or prints the problem and exits 1 (bad input) or 2 (bad usage), writing nothing.
/// </summary>
public static class CommandLine
{
    private const string Usage = """
        Usage:
          tenant create --slug SLUG --name "Xã ..." --code 12345 --province 42 [--kind xa|phuong|dac-khu] [--theme Default] [--host HOST] [--recipe commune-starter]
          tenant disable --slug SLUG [--reason "..."]
          tenant enable --slug SLUG
          tenant list
          recipe apply FILE|NAME [--tenant SLUG]
          recipe validate FILE|NAME [--tenant SLUG]
          admin create --email EMAIL --name "Họ và tên" [--password PASSWORD]
          reminders run [--date yyyy-MM-dd] [--dry-run]
          search rebuild
        """;

    private static readonly string[] Verbs = ["tenant", "recipe", "admin", "reminders", "search"];

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        Arguments parsed;
        try
        {
            parsed = Arguments.Parse(args);
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync(e.Message + Environment.NewLine + Usage);
            return 2;
        }

        try
        {
            await services.InitializeDatabaseAsync();
            // A database only ever touched by verbs still counts working days with the national calendar.
            await Features.Reminders.Calendar.WorkingCalendarStartup.ApplyWorkingCalendarAsync(services);
            await Search.Synonyms.SearchSynonymsStartup.ApplySearchSynonymsAsync(services);
        }
        catch (DatabaseStartupException e)
        {
            await error.WriteLineAsync("Lỗi: " + e.Message);
            return 1;
        }

        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentActor>().ActAs("cli:" + string.Join(' ', args.Take(2)));
        try
        {
            return (parsed.Verb, parsed.Action) switch
            {
                ("tenant", "create") => await CreateTenantAsync(sp, parsed, output),
                ("tenant", "disable") => await SetStatusAsync(sp, parsed, output, disable: true),
                ("tenant", "enable") => await SetStatusAsync(sp, parsed, output, disable: false),
                ("tenant", "list") => await ListTenantsAsync(sp, output),
                ("recipe", "apply") => await RecipeAsync(sp, parsed, output, apply: true),
                ("recipe", "validate") => await RecipeAsync(sp, parsed, output, apply: false),
                ("admin", "create") => await CreateAdminAsync(sp, parsed, output),
                ("reminders", "run") => await RunRemindersAsync(sp, parsed, output),
                ("search", "rebuild") => await RebuildSearchAsync(sp, output),
                _ => throw new ArgumentException($"Unknown command: {parsed.Verb} {parsed.Action}"),
            };
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync("Lỗi: " + e.Message + Environment.NewLine + Usage);
            return 2;
        }
        catch (DomainException e)
        {
            await error.WriteLineAsync("Lỗi: " + e.Message);
            return 1;
        }
        catch (RecipeValidationException e)
        {
            await error.WriteLineAsync("Lỗi: " + e.Message);
            return 1;
        }
    }

    private static async Task<int> RebuildSearchAsync(IServiceProvider sp, TextWriter output)
    {
        var rebuilt = await sp.GetRequiredService<Search.SearchIndexer>()
            .RequestRebuildAsync("cli", new SynchronousProgress(output), CancellationToken.None);
        await output.WriteLineAsync($"Đã dựng lại {rebuilt} chỉ mục tìm kiếm; các tiến trình đang chạy dựng lại chỉ mục của mình trong vòng 30 giây.");
        return 0;
    }

    /// <summary>Progress written at once, in order (Progress&lt;T&gt; posts to the thread pool and may reorder lines).</summary>
    private sealed class SynchronousProgress(TextWriter output) : IProgress<string>
    {
        public void Report(string value) => output.WriteLine(value);
    }

    private static async Task<int> CreateTenantAsync(IServiceProvider sp, Arguments a, TextWriter output)
    {
        var kind = a.Optional("kind") switch
        {
            null or "xa" => CommuneKind.Xa,
            "phuong" => CommuneKind.Phuong,
            "dac-khu" => CommuneKind.DacKhu,
            var other => throw new ArgumentException($"--kind must be xa, phuong or dac-khu, not \"{other}\"."),
        };
        var code = a.Required("code");
        var db = sp.GetRequiredService<QmsDbContext>();
        if (await db.Tenants.AnyAsync(t => t.Code == code))
        {
            throw new DomainException($"Đã có xã, phường mang mã {code}; dùng \"recipe apply\" để cập nhật.");
        }

        var spec = new CommuneSpec(a.Required("slug"), a.Required("name"), code, a.Required("province"), kind,
            a.Optional("theme") ?? Theming.ThemeCatalog.DefaultTheme, a.All("host"));
        var recipeNames = a.All("recipe");
        var tenant = await sp.GetRequiredService<CommuneProvisioner>().ProvisionAsync(spec, recipeNames);
        await output.WriteLineAsync($"Đã tạo {tenant.Name} (mã {tenant.Code}, {tenant.ProvinceName}) tại /{tenant.Slug}"
            + (recipeNames.Count > 0 ? $"; đã áp dụng: {string.Join(", ", recipeNames)}." : "."));
        return 0;
    }

    private static async Task<int> SetStatusAsync(IServiceProvider sp, Arguments a, TextWriter output, bool disable)
    {
        var slug = a.Required("slug");
        var db = sp.GetRequiredService<QmsDbContext>();
        var tenant = await db.Tenants.FirstOrDefaultAsync(t => t.Slug == slug) ?? throw new DomainException($"Không có xã, phường \"{slug}\".");
        if (disable)
        {
            tenant.Disable(a.Optional("reason"));
        }
        else
        {
            tenant.Enable();
        }

        await db.SaveChangesAsync();
        sp.GetRequiredService<TenantDirectory>().Forget();
        await sp.GetRequiredService<Features.Shared.PublicPageCache>().EvictAsync(tenant.Id);
        await output.WriteLineAsync(disable ? $"{tenant.Name}: đã tạm ngừng hoạt động." : $"{tenant.Name}: đã hoạt động trở lại.");
        return 0;
    }

    private static async Task<int> ListTenantsAsync(IServiceProvider sp, TextWriter output)
    {
        var db = sp.GetRequiredService<QmsDbContext>();
        var rows = await db.Tenants.AsNoTracking().OrderBy(t => t.ProvinceCode).ThenBy(t => t.Slug)
            .Select(t => new { t.Code, t.Slug, t.Name, t.ProvinceCode, t.Status }).ToListAsync();
        foreach (var t in rows)
        {
            await output.WriteLineAsync($"{t.Code}  {t.ProvinceCode}  {t.Slug,-30} {t.Name}{(t.Status == TenantStatus.Disabled ? "  [tạm ngừng]" : "")}");
        }

        await output.WriteLineAsync($"{rows.Count} xã, phường.");
        return 0;
    }

    private static async Task<int> RecipeAsync(IServiceProvider sp, Arguments a, TextWriter output, bool apply)
    {
        var runner = sp.GetRequiredService<RecipeRunner>();
        var recipe = await runner.LoadAsync(a.Positional ?? throw new ArgumentException("Name the recipe file or recipe name."));
        TenantInfo? tenant = null;
        if (a.Optional("tenant") is { } slug)
        {
            tenant = await sp.GetRequiredService<TenantDirectory>().FindBySlugAsync(slug) ?? throw new DomainException($"Không có xã, phường \"{slug}\".");
        }

        if (!apply)
        {
            var errors = await runner.ValidateAsync(recipe, tenant);
            if (errors.Count > 0)
            {
                throw new RecipeValidationException(errors);
            }

            await output.WriteLineAsync($"{recipe.FileName}: hợp lệ ({recipe.Steps.Count()} bước).");
            return 0;
        }

        await runner.ApplyAsync(recipe, tenant);
        sp.GetRequiredService<TenantDirectory>().Forget();
        await output.WriteLineAsync($"Đã áp dụng {recipe.Name} {recipe.Version} ({recipe.Steps.Count()} bước) cho {tenant?.Name ?? "toàn hệ thống"}.");
        return 0;
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider sp, Arguments a, TextWriter output)
    {
        var generated = a.Optional("password") is null;
        var password = a.Optional("password") ?? GeneratePassword();
        var result = await sp.GetRequiredService<PlatformAdminCreator>().CreateAsync(a.Required("email"), a.Required("name"), password);
        if (!result.Succeeded)
        {
            throw new DomainException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await output.WriteLineAsync($"Đã tạo quản trị hệ thống {a.Required("email")}." + (generated ? $" Mật khẩu: {password} (hãy đổi sau khi đăng nhập)." : ""));
        return 0;
    }

    private static string GeneratePassword()
    {
        // Upper, lower and digits guaranteed so the generated password always passes the password rules.
        var random = System.Security.Cryptography.RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 14);
        return "Qm" + random + "7";
    }

    /// <summary>
    /// A reminder pass now, for today or the day given (to catch up a day the server was off). With --dry-run it prints
    /// every mail it would send and writes nothing; otherwise it takes the scheduler's lease, queues the mail and sends it.
    /// </summary>
    private static async Task<int> RunRemindersAsync(IServiceProvider sp, Arguments a, TextWriter output)
    {
        var clock = sp.GetRequiredService<TimeProvider>();
        var today = Text.VietnameseFormat.Today(clock);
        var day = a.Optional("date") is { } text
            ? DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed)
                ? parsed
                : throw new ArgumentException($"--date must be yyyy-MM-dd, not \"{text}\".")
            : today;
        var pass = sp.GetRequiredService<Features.Reminders.Sending.ReminderPass>();
        if (a.Flag("dry-run"))
        {
            var preview = await pass.RunAsync(day, dryRun: true);
            foreach (var mail in preview.Mails)
            {
                var kind = mail.Channel switch
                {
                    Features.Reminders.Sending.ReminderChannel.Escalation => "báo quá hạn",
                    Features.Reminders.Sending.ReminderChannel.Suppressed => "không gửi — đã tắt thư tổng hợp",
                    _ => "thư tổng hợp",
                };
                await output.WriteLineAsync($"→ {mail.ToName} <{mail.ToAddress}> ({kind}){(mail.Compose() is { } m ? ": " + m.Subject : "")}");
                foreach (var notice in mail.Notices)
                {
                    await output.WriteLineAsync($"    {notice.Rule} / {notice.Step}: {notice.Title} (hạn {Text.VietnameseFormat.Date(notice.DueDate)})");
                }
            }

            await output.WriteLineAsync($"Chạy thử ngày {Text.VietnameseFormat.Date(day)}: {preview.Summary}");
            return 0;
        }

        var lease = sp.GetRequiredService<Features.Reminders.Sending.ReminderLease>();
        if (!await lease.TryAcquireAsync())
        {
            var held = await lease.ReadAsync();
            throw new DomainException($"Một lượt nhắc việc khác đang chạy ({held.Holder}); thử lại sau.");
        }

        Features.Reminders.Sending.ReminderPassResult? result = null;
        try
        {
            result = await pass.RunAsync(day, dryRun: false);
        }
        finally
        {
            await lease.ReleaseAsync(result, today: day == today);
        }

        var sent = await sp.GetRequiredService<Email.OutboxDispatcher>().DispatchDueAsync();
        await output.WriteLineAsync($"Nhắc việc ngày {Text.VietnameseFormat.Date(day)}: {result.Summary}. Đã gửi {sent} thư (thư chưa gửi được nằm ở /admin/thu-di).");
        return 0;
    }

    private sealed class Arguments
    {
        /// <summary>Options that take no value.</summary>
        private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "dry-run" };

        private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

        private readonly Dictionary<string, List<string>> _options = [];

        public string Verb { get; private init; } = "";
        public string Action { get; private init; } = "";
        public string? Positional { get; private set; }

        public static Arguments Parse(string[] args)
        {
            if (args.Length < 2)
            {
                throw new ArgumentException("Missing action.");
            }

            var parsed = new Arguments { Verb = args[0], Action = args[1] };
            for (var i = 2; i < args.Length; i++)
            {
                if (args[i].StartsWith("--", StringComparison.Ordinal) && Flags.Contains(args[i][2..]))
                {
                    parsed._flags.Add(args[i][2..]);
                }
                else if (args[i].StartsWith("--", StringComparison.Ordinal))
                {
                    if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        throw new ArgumentException($"Option {args[i]} needs a value.");
                    }

                    var key = args[i][2..];
                    if (!parsed._options.TryGetValue(key, out var values))
                    {
                        parsed._options[key] = values = [];
                    }

                    values.Add(args[++i]);
                }
                else if (parsed.Positional is null)
                {
                    parsed.Positional = args[i];
                }
                else
                {
                    throw new ArgumentException($"Unexpected argument: {args[i]}");
                }
            }

            return parsed;
        }

        public string Required(string key) => Optional(key) ?? throw new ArgumentException($"Option --{key} is required.");

        public string? Optional(string key) => _options.TryGetValue(key, out var v) ? v[^1] : null;

        public bool Flag(string key) => _flags.Contains(key);

        public List<string> All(string key) => _options.TryGetValue(key, out var v) ? v : [];
    }
}
