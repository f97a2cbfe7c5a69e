using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using QmsPortal.Tests.Support;

namespace QmsPortal.Tests.Browser;

/// <summary>
/// The portal on a real Kestrel port, driven by Debian's Chromium through Playwright (never a downloaded
/// browser: the machines have no network). One per test class, like <see cref="PortalFactory"/>.
/// </summary>
public class BrowserPortal : PortalFactory, IAsyncLifetime
{
    private IPlaywright? _playwright;

    public BrowserPortal()
    {
        Port = FreePort();
        UseKestrel(Port);
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public IBrowser Browser { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        StartServer();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("QMS_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            // The network is closed: without these Chromium keeps dialing out (shared/TOOLCHAIN.md).
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A fresh page (own cookies) at a phone-sized viewport unless told otherwise.</summary>
    /// <param name="bypassCsp">Only for tests that inject their own tooling (axe-core); the portal's CSP blocks injected scripts.</param>
    public async Task<IPage> NewPageAsync(int width = 390, int height = 844, bool javaScript = true, bool bypassCsp = false) =>
        await (await NewContextAsync(width, height, javaScript, bypassCsp)).NewPageAsync();

    /// <summary>A fresh set of cookies (one visitor) whose pages open at the given viewport.</summary>
    public Task<IBrowserContext> NewContextAsync(int width = 390, int height = 844, bool javaScript = true, bool bypassCsp = false) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
            BypassCSP = bypassCsp,
        });

    /// <summary>Signs in through the real form, as a person would.</summary>
    public async Task SignInAsync(IPage page, string email, string password = DefaultPassword)
    {
        await page.GotoAsync(BaseUrl + "/tai-khoan/dang-nhap");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", password);
        await page.ClickAsync("main button[type=submit]");
        try
        {
            // The header's sign-out form exists only for a signed-in visitor; a locator waits across the redirect.
            await page.Locator(".site-account form").WaitForAsync();
        }
        catch (TimeoutException)
        {
            var said = await page.Locator("main").InnerTextAsync();
            throw new InvalidOperationException($"Sign-in of {email} failed at {page.Url}: {said}");
        }
    }

    /// <summary>
    /// Does what leads to another page (a tap on a link, a form that posts and is redirected, often to the same address)
    /// and waits until that page has loaded: the old page's window carries a mark the new one lacks.
    /// </summary>
    public static async Task NextPageAsync(IPage page, Func<Task> action)
    {
        await page.EvaluateAsync("() => window.qmsPreviousPage = true");
        await action();
        await page.WaitForFunctionAsync("() => window.qmsPreviousPage === undefined && document.readyState === 'complete'");
    }

    /// <summary>For fixtures with work of their own under way: runs before the browser and the portal stop.</summary>
    protected virtual Task StoppingAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await StoppingAsync();
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await DisposeAsync();
    }

    /// <summary>Links the portal prints (QR codes) point where this browser reaches it.</summary>
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:PublicBaseUrl", BaseUrl);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
