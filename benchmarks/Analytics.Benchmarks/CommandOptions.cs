using System.Globalization;

namespace Analytics.Benchmarks;

/// <summary>The <c>--name value</c> options that follow a command word.</summary>
public sealed class CommandOptions
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static CommandOptions Parse(IReadOnlyList<string> args)
    {
        var options = new CommandOptions();
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
                throw new ArgumentException($"Expected '--name value' pairs, got '{args[i]}'.");
            options._values[args[i][2..]] = args[i + 1];
        }
        return options;
    }

    public int Int(string name, int fallback) =>
        _values.TryGetValue(name, out var text) ? int.Parse(text.Replace("_", ""), CultureInfo.InvariantCulture) : fallback;

    public long Long(string name, long fallback) =>
        _values.TryGetValue(name, out var text) ? long.Parse(text.Replace("_", ""), CultureInfo.InvariantCulture) : fallback;

    public string? Text(string name) => _values.GetValueOrDefault(name);
}
