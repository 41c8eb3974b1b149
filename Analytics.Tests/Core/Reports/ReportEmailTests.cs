using Analytics.Core.Errors;
using Analytics.Core.Reports;
using Analytics.Core.Tenancy;
using Analytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Analytics.Tests.Core.Reports;

public sealed class ReportEmailTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 16, 9, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string?> Smtp(int port, string? extraKey = null, string? extraValue = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Smtp:From"] = "Analytics <reports@analytics.test>",
            ["Smtp:Timeout"] = "00:00:10",
        };
        if (extraKey is not null) settings[extraKey] = extraValue;
        return settings;
    }

    private static ReportInput Emailed(params string[] to) => new("Ops digest", Metrics: ["order_count"], Format: "json",
        Delivery: new ReportDeliveryInput(to), Filters: new ReportFiltersInput("yesterday"));

    private static async Task<ReportView> CreateAsync(CoreHost host, Caller caller, ReportInput input) =>
        await host.RunAsync(caller, sp => sp.GetRequiredService<ReportService>().CreateAsync(caller, input, CancellationToken.None));

    private static async Task TickAsync(CoreHost host)
    {
        await using var scope = host.Scope();
        await scope.ServiceProvider.GetRequiredService<ReportScheduler>().TickAsync(CancellationToken.None);
    }

    private static async Task<ReportRun> RunAsync(CoreHost host, Caller caller) =>
        await host.RunAsync(caller, sp => sp.GetRequiredService<Analytics.Core.Data.AnalyticsDbContext>().ReportRuns.AsNoTracking().SingleAsync());

    private static async Task<byte[]> FileAsync(CoreHost host, Caller caller, long id) =>
        (await host.RunAsync(caller, sp => sp.GetRequiredService<ReportService>().DownloadAsync(caller, id, null, CancellationToken.None))).Content;

    [Fact]
    public async Task A_report_goes_to_every_recipient_with_the_file_attached_and_both_bodies()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var host = new CoreHost(Now, Smtp(smtp.Port));
        var caller = await host.CreateTenantAsync("mail");
        var report = await CreateAsync(host, caller, Emailed("ops@company.com", "manager@company.com"));

        await TickAsync(host);

        var run = await RunAsync(host, caller);
        Assert.Equal(ReportDeliveryStatus.Sent, run.Delivery);
        Assert.Equal(1, run.DeliveryAttempts);
        var message = Assert.Single(smtp.Messages());
        Assert.Equal(["ops@company.com", "manager@company.com"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("reports@analytics.test", message.From.Mailboxes.Single().Address);
        Assert.Equal("Ops digest — Yesterday (2026-03-15)", message.Subject);
        Assert.Contains("attached", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<h2", message.HtmlBody, StringComparison.Ordinal);
        var attachment = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal("ops-digest-2026-03-16.json", attachment.FileName);
        using var bytes = new MemoryStream();
        await attachment.Content!.DecodeToAsync(bytes);
        Assert.Equal(await FileAsync(host, caller, report.Definition.Id), bytes.ToArray());
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_after_a_growing_delay_until_the_server_answers()
    {
        var port = SmtpServer.FreePort();
        await using var host = new CoreHost(Now, Smtp(port));
        var caller = await host.CreateTenantAsync("retry");
        await CreateAsync(host, caller, Emailed("ops@company.com"));

        await TickAsync(host);
        var failed = await RunAsync(host, caller);
        Assert.Equal(ReportRunStatus.Succeeded, failed.Status);
        Assert.Equal(ReportDeliveryStatus.Pending, failed.Delivery);
        Assert.Equal(1, failed.DeliveryAttempts);
        Assert.NotNull(failed.DeliveryError);
        Assert.Equal(Now.UtcDateTime.AddMinutes(1), failed.NextDeliveryAt);

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await TickAsync(host);
        Assert.Equal(Now.UtcDateTime.AddMinutes(1 + 2), (await RunAsync(host, caller)).NextDeliveryAt);

        await using var smtp = await SmtpServer.StartAsync(port);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await TickAsync(host);
        Assert.Empty(smtp.Messages());
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await TickAsync(host);

        var sent = await RunAsync(host, caller);
        Assert.Equal(ReportDeliveryStatus.Sent, sent.Delivery);
        Assert.Equal(3, sent.DeliveryAttempts);
        Assert.Null(sent.DeliveryError);
        Assert.Single(smtp.Messages());
    }

    [Fact]
    public async Task Delivery_gives_up_after_the_last_attempt()
    {
        await using var host = new CoreHost(Now, Smtp(SmtpServer.FreePort(), "Reports:MaxDeliveryAttempts", "2"));
        var caller = await host.CreateTenantAsync("giveup");
        await CreateAsync(host, caller, Emailed("ops@company.com"));

        await TickAsync(host);
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await TickAsync(host);
        host.Clock.Advance(TimeSpan.FromHours(5));
        await TickAsync(host);

        var run = await RunAsync(host, caller);
        Assert.Equal(ReportDeliveryStatus.Failed, run.Delivery);
        Assert.Equal(2, run.DeliveryAttempts);
        Assert.Null(run.NextDeliveryAt);
    }

    [Fact]
    public async Task A_file_above_the_attachment_limit_is_sent_as_a_link()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var host = new CoreHost(Now, Smtp(smtp.Port, "Reports:MaxAttachmentBytes", "10"));
        var caller = await host.CreateTenantAsync("biglink");
        var report = await CreateAsync(host, caller, Emailed("ops@company.com"));

        await TickAsync(host);

        var message = Assert.Single(smtp.Messages());
        Assert.Empty(message.Attachments);
        var run = await RunAsync(host, caller);
        Assert.Contains($"http://localhost:5080/api/biglink/reports/{report.Definition.Id}/download?run={run.Id}", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("download it</a>", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_smtp_host_mail_lands_as_eml_files_in_the_pickup_folder()
    {
        var pickup = Path.Combine(Path.GetTempPath(), "analytics-tests", $"pickup-{Guid.NewGuid():N}");
        await using var host = new CoreHost(Now, new Dictionary<string, string?> { ["Smtp:PickupFolder"] = pickup });
        var admin = await host.CreateTenantAsync("pickup");

        var via = await host.RunAsync(admin, sp => sp.GetRequiredService<ReportMailer>().SendTestAsync(admin, "admin@company.com", CancellationToken.None));

        Assert.Equal("pickup", via);
        var file = Assert.Single(Directory.GetFiles(pickup, "*.eml"));
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("admin@company.com", message.To.Mailboxes.Single().Address);
        Assert.Equal("Analytics test email", message.Subject);
        Directory.Delete(pickup, recursive: true);
    }

    [Fact]
    public async Task Only_an_admin_sends_a_test_email_and_only_to_an_address()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var host = new CoreHost(Now, Smtp(smtp.Port));
        var admin = await host.CreateTenantAsync("testmail");
        var analyst = admin with { Roles = new HashSet<string> { Roles.Analyst } };

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            host.RunAsync(analyst, sp => sp.GetRequiredService<ReportMailer>().SendTestAsync(analyst, "a@company.com", CancellationToken.None)));
        var invalid = await Assert.ThrowsAsync<InvalidInputException>(() =>
            host.RunAsync(admin, sp => sp.GetRequiredService<ReportMailer>().SendTestAsync(admin, "not an address", CancellationToken.None)));
        Assert.Contains("to", invalid.Errors.Keys);
        var via = await host.RunAsync(admin, sp => sp.GetRequiredService<ReportMailer>().SendTestAsync(admin, "admin@company.com", CancellationToken.None));

        Assert.Equal("smtp", via);
        Assert.Equal("Analytics test email", Assert.Single(smtp.Messages()).Subject);
    }
}
