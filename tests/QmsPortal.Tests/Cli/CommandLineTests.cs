using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QmsPortal.Tests.Support;
using QmsPortal.Web.Cli;
using QmsPortal.Web.Data;
using QmsPortal.Web.Tenancy;

namespace QmsPortal.Tests.Cli;

public sealed class CommandLineTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync(portal.Services, args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Tenant_create_makes_a_commune_applies_its_recipe_and_says_so()
    {
        var (code, output, _) = await RunAsync("tenant", "create", "--slug", "ky-dong-cli", "--name", "Xã Kỳ Đồng", "--code", "18201", "--province", "42", "--recipe", "commune-starter");

        Assert.Equal(0, code);
        Assert.Contains("Đã tạo Xã Kỳ Đồng (mã 18201, Tỉnh Hà Tĩnh) tại /ky-dong-cli; đã áp dụng: commune-starter.", output);
        Assert.Contains("Thời gian tiếp nhận hồ sơ", (await Html.GetDocumentAsync(portal.Anonymous(), "/ky-dong-cli")).Body!.TextContent);
    }

    [Fact]
    public async Task Tenant_create_with_bad_input_exits_non_zero_and_writes_nothing()
    {
        var (code, _, error) = await RunAsync("tenant", "create", "--slug", "xa-sai", "--name", "Xã Sai", "--code", "123", "--province", "42");
        var (usage, _, usageError) = await RunAsync("tenant", "create", "--slug", "xa-thieu");

        Assert.Equal(1, code);
        Assert.Contains("5 chữ số", error);
        Assert.Equal(2, usage);
        Assert.Contains("--name", usageError);
        Assert.False(await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Tenants.AnyAsync(t => t.Slug == "xa-sai" || t.Slug == "xa-thieu")));
    }

    [Fact]
    public async Task Tenant_create_refuses_an_existing_code()
    {
        var existing = await portal.CreateCommuneAsync();

        var (code, _, error) = await RunAsync("tenant", "create", "--slug", "xa-trung-ma", "--name", "Xã Trùng Mã", "--code", existing.Code, "--province", "42");

        Assert.Equal(1, code);
        Assert.Contains(existing.Code, error);
    }

    [Fact]
    public async Task Tenant_create_with_a_slug_another_commune_holds_suggests_one_with_the_province()
    {
        var existing = await portal.CreateCommuneAsync(provinceCode: "44");

        var (code, _, error) = await RunAsync("tenant", "create", "--slug", existing.Slug, "--name", "Xã Tuyên Bình", "--code", "18231", "--province", "80");

        Assert.Equal(1, code);
        Assert.Contains($"hãy dùng đường dẫn \"{existing.Slug}-tay-ninh\"", error);
        Assert.False(await portal.InScopeAsync(sp => sp.GetRequiredService<QmsDbContext>().Tenants.AnyAsync(t => t.Code == "18231")));
    }

    [Fact]
    public async Task Recipe_apply_to_a_commune_and_a_bad_recipe_file_is_reported_with_its_step()
    {
        var commune = await portal.CreateCommuneAsync();
        var bad = Path.Combine(Path.GetTempPath(), $"qms-cli-{Guid.NewGuid():N}.recipe.json");
        await File.WriteAllTextAsync(bad, """{ "name": "x", "version": "1", "description": "d", "scope": "commune", "steps": [ { "step": "commune-settings", "email": "khong-hop-le" } ] }""");

        var ok = await RunAsync("recipe", "apply", "commune-starter", "--tenant", commune.Slug);
        var failed = await RunAsync("recipe", "apply", bad, "--tenant", commune.Slug);

        Assert.Equal(0, ok.Code);
        Assert.Contains($"cho {commune.Name}", ok.Output);
        Assert.Equal(1, failed.Code);
        Assert.Contains("trường \"version\"", failed.Error);
        Assert.Contains("bước 1 (\"commune-settings\"), trường \"email\"", failed.Error);
    }

    [Fact]
    public async Task Tenant_disable_and_enable_change_what_the_public_sees()
    {
        var commune = await portal.CreateCommuneAsync();

        var disabled = await RunAsync("tenant", "disable", "--slug", commune.Slug, "--reason", "Bảo trì");
        var suspended = await portal.Anonymous().GetAsync("/" + commune.Slug);
        var enabled = await RunAsync("tenant", "enable", "--slug", commune.Slug);

        Assert.Equal((0, 0), (disabled.Code, enabled.Code));
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, suspended.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await portal.Anonymous().GetAsync("/" + commune.Slug)).StatusCode);
    }

    [Fact]
    public async Task Admin_create_makes_a_platform_admin_who_can_sign_in()
    {
        var (code, output, _) = await RunAsync("admin", "create", "--email", "quantri.cli@thu.vn", "--name", "Quản Trị CLI", "--password", "MatKhau@2025x");

        Assert.Equal(0, code);
        Assert.Contains("quantri.cli@thu.vn", output);
        var page = await Html.GetDocumentAsync(await portal.SignedInAsync("quantri.cli@thu.vn", "MatKhau@2025x"), "/admin");
        Assert.Contains("Quản trị xã, phường", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Admin_create_with_a_weak_password_is_refused_in_Vietnamese()
    {
        var (code, _, error) = await RunAsync("admin", "create", "--email", "yeu@thu.vn", "--name", "Yếu", "--password", "abc");

        Assert.Equal(1, code);
        Assert.Contains("Mật khẩu phải có ít nhất 10 ký tự", error);
    }

    [Fact]
    public async Task An_unknown_action_prints_usage_and_exits_2()
    {
        var (code, _, error) = await RunAsync("tenant", "explode");

        Assert.Equal(2, code);
        Assert.Contains("Usage:", error);
    }
}
