using Analytics.Core.Data.Demo;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Analytics.Web;

/// <summary>Tells the person who just started the app where it is and how to sign in.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var demo = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
        var url = addresses.FirstOrDefault() ?? "(no address)";
        Console.WriteLine();
        Console.WriteLine($"  Analytics is running at {url}");
        if (demo.Enabled)
        {
            Console.WriteLine($"  Sign in as analyst@{DemoSeeder.EmailDomain} (or admin, manager, operator, dealer @{DemoSeeder.EmailDomain})");
            Console.WriteLine($"  with the password '{demo.Password}' (Seed:Demo:Password).");
            if (!string.IsNullOrEmpty(demo.ApiKey)) Console.WriteLine($"  Demo API key: {demo.ApiKey}");
        }
        Console.WriteLine();
    }
}
