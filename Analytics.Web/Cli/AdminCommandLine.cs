using Analytics.Core.Data;
using Analytics.Core.Errors;
using Analytics.Core.Tenancy;

namespace Analytics.Web.Cli;

/// <summary>Operator commands on the same executable: create tenants, users and API keys, back up the database.</summary>
public sealed class AdminCommandLine(TenantDirectory tenants, UserDirectory users, ApiKeyService keys, DatabaseBackup backup)
{
    public const string Usage = """
        Usage:
          tenant create <slug> [--name <name>] [--time-zone <iana>] [--currency <code>]
          user create --tenant <slug> --email <email> --role <admin|analyst|manager|operator|dealer>
          apikey create --tenant <slug> --scope <read|write> --role <role> [--name <name>]
          backup <file>        a consistent copy of the database, taken while the app runs
        """;

    /// <summary>A first argument that is a word, not a <c>--setting</c>, is a command; unknown ones get the usage.</summary>
    public static bool Matches(string[] args) => args.Length > 0 && (!args[0].StartsWith('-') || args[0] == "--help");

    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct)
    {
        try
        {
            switch (args)
            {
                case ["tenant", "create", var slug, .. var rest]:
                {
                    var o = Options(rest, "name", "time-zone", "currency");
                    var tenant = await tenants.CreateAsync(slug, o.GetValueOrDefault("name"), o.GetValueOrDefault("time-zone") ?? "UTC", o.GetValueOrDefault("currency") ?? "usd", ct);
                    output.WriteLine($"Created tenant '{tenant.Slug}' (id {tenant.Id}).");
                    return 0;
                }
                case ["user", "create", .. var rest]:
                {
                    var o = Options(rest, "tenant", "email", "role");
                    var tenant = await TenantAsync(Required(o, "tenant"), ct);
                    var issued = await users.CreateAsync(tenant.Id, Required(o, "email"), Required(o, "role"));
                    output.WriteLine($"Created user {issued.User.Email} in '{tenant.Slug}'. Password: {issued.Password}");
                    return 0;
                }
                case ["apikey", "create", .. var rest]:
                {
                    var o = Options(rest, "tenant", "scope", "role", "name");
                    var tenant = await TenantAsync(Required(o, "tenant"), ct);
                    var scope = Required(o, "scope") switch
                    {
                        "read" => ApiKeyScope.Read,
                        "write" => ApiKeyScope.Write,
                        _ => throw new UsageException("--scope is read or write."),
                    };
                    var issued = await keys.CreateAsync(tenant.Id, o.GetValueOrDefault("name") ?? "CLI key", scope, Required(o, "role"), ct);
                    output.WriteLine($"Created {o["scope"]} key {issued.Key.Prefix}… for '{tenant.Slug}'. It is shown once:");
                    output.WriteLine(issued.Secret);
                    return 0;
                }
                case ["backup", var path]:
                {
                    var bytes = await backup.WriteAsync(path, ct);
                    output.WriteLine($"Wrote {Path.GetFullPath(path)} ({bytes / 1024.0 / 1024.0:N1} MiB).");
                    return 0;
                }
                default:
                    throw new UsageException(args is ["help" or "--help"] ? "" : $"Unknown command '{string.Join(' ', args)}'.");
            }
        }
        catch (UsageException e)
        {
            if (e.Message.Length > 0) error.WriteLine(e.Message);
            error.WriteLine(Usage);
            return args is ["help" or "--help"] ? 0 : 2;
        }
        catch (InvalidInputException e)
        {
            foreach (var (field, messages) in e.Errors) error.WriteLine($"{field}: {string.Join(" ", messages)}");
            return 1;
        }
    }

    private async Task<Tenant> TenantAsync(string slug, CancellationToken ct) =>
        await tenants.FindBySlugAsync(slug, ct) ?? throw new InvalidInputException("tenant", $"No tenant '{slug}'.");

    private static string Required(Dictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) ? value : throw new UsageException($"--{name} is required.");

    private static Dictionary<string, string> Options(string[] args, params string[] allowed)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i += 2)
        {
            var name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : throw new UsageException($"Unexpected '{args[i]}'.");
            if (!allowed.Contains(name)) throw new UsageException($"Unknown option --{name}.");
            if (i + 1 >= args.Length) throw new UsageException($"--{name} needs a value.");
            options[name] = args[i + 1];
        }
        return options;
    }

    private sealed class UsageException(string message) : Exception(message);
}
