using System.Text.RegularExpressions;

namespace Analytics.Core.Metrics;

/// <summary>The rules an incoming event must meet; each broken rule is reported under its field path.</summary>
public static partial class MetricEventValidator
{
    public const int MaxDimensions = 16;
    public const int MaxDimensionValueLength = 256;
    public const int MaxCustomerIdLength = 128;

    [GeneratedRegex("^[a-z][a-z0-9_.]{0,99}$")]
    public static partial Regex NamePattern();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$")]
    public static partial Regex DimensionKeyPattern();

    /// <param name="modules">The tenant's modules (<see cref="ModuleDirectory"/>); the defaults when not given.</param>
    public static void Validate(MetricEventInput e, string path, DateTime nowUtc, IngestOptions options, TimeSpan maxAge, IDictionary<string, List<string>> errors,
        IReadOnlyList<string>? modules = null)
    {
        void Add(string field, string message)
        {
            var key = path.Length == 0 ? field : $"{path}.{field}";
            if (!errors.TryGetValue(key, out var list)) errors[key] = list = [];
            list.Add(message);
        }

        if (string.IsNullOrEmpty(e.Name)) Add("name", "A name is required.");
        else if (!NamePattern().IsMatch(e.Name)) Add("name", "Use lower-case letters, digits, '_' or '.', starting with a letter, at most 100 characters.");

        if (e.Value is null) Add("value", "A value is required.");
        else if (!MetricValueRange.Holds(e.Value.Value)) Add("value", MetricValueRange.RefusedValue);

        if (string.IsNullOrEmpty(e.Module)) Add("module", "A module is required.");
        else if (ModuleDirectory.Refusal(e.Module, modules ?? Modules.All) is { } refused) Add("module", refused);

        if (e.Dimensions is { } dims)
        {
            if (dims.Count > MaxDimensions) Add("dimensions", $"At most {MaxDimensions} dimensions.");
            foreach (var (key, value) in dims)
            {
                if (!DimensionKeyPattern().IsMatch(key)) Add($"dimensions.{Truncate(key)}", "A dimension key uses lower-case letters, digits or '_', starting with a letter, at most 64 characters.");
                if (value is null) Add($"dimensions.{Truncate(key)}", "A dimension value is required.");
                else if (value.Length > MaxDimensionValueLength) Add($"dimensions.{Truncate(key)}", $"A dimension value has at most {MaxDimensionValueLength} characters.");
                else if (key == CurrencySplit.Dimension && value.Any(char.IsControl)) Add($"dimensions.{key}", "A currency is a code such as eur, without control characters.");
            }
        }

        if (e.CustomerId is { } customer && (customer.Length == 0 || customer.Length > MaxCustomerIdLength))
            Add("customer_id", $"A customer id has 1 to {MaxCustomerIdLength} characters.");

        if (e.Timestamp is { } ts)
        {
            var utc = ts.UtcDateTime;
            if (utc > nowUtc + options.MaxFutureSkew) Add("timestamp", $"The timestamp is more than {options.MaxFutureSkew.TotalMinutes:0} minutes in the future.");
            else if (utc < nowUtc - maxAge) Add("timestamp", $"The timestamp is older than the {maxAge.TotalDays:0} days the store keeps.");
        }
    }

    private static string Truncate(string key) => key.Length <= 64 ? key : key[..64];
}
