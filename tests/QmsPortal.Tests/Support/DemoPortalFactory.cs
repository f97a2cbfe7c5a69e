using Microsoft.AspNetCore.Hosting;

namespace QmsPortal.Tests.Support;

/// <summary>The portal as <c>dotnet run</c> starts it in Development: demo mode on, so an empty database gets the demo recipe.</summary>
public sealed class DemoPortalFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:Enabled", "true");
    }
}
