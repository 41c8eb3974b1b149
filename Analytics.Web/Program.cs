using Analytics.Core;
using Analytics.Core.Data;
using Analytics.Web;
using Analytics.Web.Cli;

var commandLine = AdminCommandLine.Matches(args);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = commandLine ? [] : args,
    // `dotnet run` starts in the project folder; `dotnet path/to/Analytics.Web.dll` from elsewhere finds its settings beside the dll.
    ContentRootPath = File.Exists("appsettings.json") ? null : AppContext.BaseDirectory,
});
builder.Configuration.AddJsonFile("appsettings.Local.json", optional: true, reloadOnChange: false);
// A command prints its own result; only warnings and errors may join it.
if (commandLine) builder.Logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(null, LogLevel.Warning);
// Serve the libraries' static files from the build output in every environment, not only Development.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddAnalyticsCore(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddAnalyticsWeb(builder.Configuration);

var app = builder.Build();

if (commandLine)
{
    await using var scope = app.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemo: false, CancellationToken.None);
    return await scope.ServiceProvider.GetRequiredService<AdminCommandLine>().RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
}

await using (var scope = app.Services.CreateAsyncScope())
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemo: true, app.Lifetime.ApplicationStopping);

app.UseAnalyticsWeb();
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
await app.RunAsync();
return 0;

/// <summary>Exposed so tests can host the real app with <c>WebApplicationFactory</c>.</summary>
public partial class Program;
