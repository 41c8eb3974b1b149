using System.Globalization;
using Analytics.Core.Errors;
using Analytics.Core.Metrics;
using MimeKit;

namespace Analytics.Core.Reports;

/// <summary>Checks a <see cref="ReportInput"/> and writes it into a definition; each broken rule is reported under its wire field path.</summary>
internal sealed class ReportValidator(IReadOnlyList<string> moduleNames)
{
    public const int MaxRecipients = 50;
    private readonly Dictionary<string, List<string>> _errors = [];

    /// <summary>Validates the whole input and, only when it is valid, replaces the definition's settings with it; modules are the tenant's.</summary>
    public static void Apply(ReportInput input, ReportDefinition target, IReadOnlyList<string>? moduleNames = null)
    {
        var v = new ReportValidator(moduleNames ?? Analytics.Core.Metrics.Modules.All);
        var name = v.Name(input.Name);
        var modules = v.Modules(input.Modules);
        var metrics = v.Metrics(input.Metrics);
        if (modules.Count == 0 && metrics.Count == 0) v.Add("modules", "Name at least one module or metric.");
        var format = v.Format(input.Format);
        var groupBy = v.GroupBy(input.GroupBy);
        var filters = input.Filters ?? new ReportFiltersInput();
        var range = v.DateRange(filters);
        if (filters.Module is { Length: > 0 } module && ModuleDirectory.Refusal(module, moduleNames ?? Analytics.Core.Metrics.Modules.All) is { } refused)
            v.Add("filters.module", refused);
        v.Dimensions(filters.Dimensions);
        if (filters.Segment is { Length: > 64 }) v.Add("filters.segment", "A segment name has at most 64 characters.");
        var (frequency, day, time, cron) = v.Schedule(input.Schedule);
        var (emails, download) = v.Delivery(input.Delivery);
        v.ThrowIfInvalid();
        if (range == ReportDateRange.Custom && filters.From > filters.To) throw new UnprocessableException("'from' is after 'to'.");

        target.Name = name!;
        target.Modules = modules;
        target.Metrics = metrics;
        target.Format = format;
        target.GroupBy = groupBy;
        target.DateRange = range;
        (target.From, target.To) = range == ReportDateRange.Custom ? (filters.From, filters.To) : (null, null);
        target.Module = string.IsNullOrEmpty(filters.Module) ? null : filters.Module;
        target.Dimensions = filters.Dimensions is null ? [] : new Dictionary<string, string>(filters.Dimensions);
        target.Segment = string.IsNullOrWhiteSpace(filters.Segment) ? null : filters.Segment.Trim();
        (target.Frequency, target.Day, target.Time, target.Cron) = (frequency, day, time, cron);
        target.EmailTo = emails;
        target.Download = download;
    }

    private string? Name(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) Add("name", "A name is required.");
        else if (name.Trim().Length > 200) Add("name", "A name has at most 200 characters.");
        return name?.Trim();
    }

    private List<string> Modules(IReadOnlyList<string>? modules)
    {
        var list = modules ?? [];
        for (var i = 0; i < list.Count; i++)
            if (!moduleNames.Contains(list[i] ?? ""))
                Add($"modules[{i}]", $"Unknown module '{list[i]}'; use one of {string.Join(", ", moduleNames)}.");
        return list.Distinct().ToList();
    }

    private List<string> Metrics(IReadOnlyList<string>? metrics)
    {
        var list = metrics ?? [];
        if (list.Count > 50) Add("metrics", "At most 50 metrics.");
        for (var i = 0; i < list.Count; i++)
            if (list[i] is null || !MetricEventValidator.NamePattern().IsMatch(list[i]))
                Add($"metrics[{i}]", "Not a metric name: lower-case letters, digits, '_' and '.', starting with a letter.");
        return list.Distinct().ToList();
    }

    private ReportFormat Format(string? format)
    {
        if (format is { } f && Enum.TryParse<ReportFormat>(f, ignoreCase: true, out var parsed) && f.All(char.IsLetter)) return parsed;
        Add("format", "Use pdf, csv, json or xlsx.");
        return default;
    }

    private string? GroupBy(string? groupBy)
    {
        if (string.IsNullOrEmpty(groupBy)) return null;
        if (Enum.TryParse<MetricGrouping>(groupBy, ignoreCase: true, out _) && groupBy.All(char.IsLetter)) return groupBy.ToLowerInvariant();
        Add("group_by", "Use hour, day, week, month or quarter.");
        return null;
    }

    private string DateRange(ReportFiltersInput filters)
    {
        var range = filters.DateRange ?? (filters.From is not null || filters.To is not null ? ReportDateRange.Custom : ReportDateRange.Last7Days);
        if (!ReportDateRange.IsKnown(range))
            Add("filters.date_range", $"Use one of {string.Join(", ", ReportDateRange.Presets)} or custom.");
        else if (range == ReportDateRange.Custom && (filters.From is null || filters.To is null))
            Add("filters.date_range", "A custom date range needs from and to.");
        else if (range != ReportDateRange.Custom && (filters.From is not null || filters.To is not null))
            Add("filters.from", "from and to go with the custom date range only.");
        return range;
    }

    private void Dimensions(IReadOnlyDictionary<string, string>? dimensions)
    {
        if (dimensions is null) return;
        if (dimensions.Count > 4) Add("filters.dimensions", "At most 4 dimension filters.");
        foreach (var (key, value) in dimensions)
            if (!MetricEventValidator.DimensionKeyPattern().IsMatch(key) || value is null || value.Length > MetricEventValidator.MaxDimensionValueLength)
                Add($"filters.dimensions.{key}", "Not a dimension key and value.");
    }

    private (string? Frequency, string? Day, string? Time, string? Cron) Schedule(ReportScheduleInput? schedule)
    {
        if (schedule is null) return default;
        var frequency = schedule.Frequency?.Trim().ToLowerInvariant() ?? (schedule.Cron is not null ? ReportSchedule.CronFrequency : null);
        if (frequency is null || !ReportSchedule.Frequencies.Contains(frequency))
        {
            Add("schedule.frequency", $"Use one of {string.Join(", ", ReportSchedule.Frequencies)}.");
            return default;
        }
        if (frequency == ReportSchedule.CronFrequency)
        {
            if (string.IsNullOrWhiteSpace(schedule.Cron) || !ReportSchedule.TryParse(schedule.Cron, out _))
            {
                Add("schedule.cron", "Not a five-field cron expression (minute hour day-of-month month day-of-week), e.g. \"0 8 * * 1-5\".");
                return default;
            }
            if (schedule.Time is not null || schedule.Day is not null) Add("schedule.time", "A cron schedule carries its own day and time.");
            var expression = string.Join(' ', schedule.Cron.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (ReportSchedule.Next(expression, DateTime.UtcNow, TimeZoneInfo.Utc) is null) Add("schedule.cron", "This expression never runs.");
            return (frequency, null, null, expression);
        }

        var time = schedule.Time?.Trim() ?? "";
        if (!ReportSchedule.TimePattern().IsMatch(time)) Add("schedule.time", "Use HH:mm in 24-hour time, e.g. 08:00.");
        if (schedule.Cron is not null) Add("schedule.cron", "Only a cron frequency takes an expression.");
        string? day = null;
        switch (frequency)
        {
            case ReportSchedule.Weekly:
                day = ReportSchedule.Weekday(schedule.Day);
                if (day is null) Add("schedule.day", $"A weekly schedule needs a weekday: {string.Join(", ", ReportSchedule.Weekdays)}.");
                break;
            case ReportSchedule.Monthly:
                day = schedule.Day?.Trim().ToLowerInvariant();
                if (day != ReportSchedule.LastDay && !(int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 28))
                    Add("schedule.day", "A monthly schedule needs a day of the month from 1 to 28, or \"last\".");
                else if (day != ReportSchedule.LastDay) day = int.Parse(day!, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
                break;
            default:
                if (schedule.Day is not null) Add("schedule.day", "A daily schedule has no day.");
                break;
        }
        if (_errors.Keys.Any(k => k.StartsWith("schedule.", StringComparison.Ordinal))) return default;
        return (frequency, day, time, ReportSchedule.ToCron(frequency, day, time));
    }

    private (List<string> Emails, bool Download) Delivery(ReportDeliveryInput? delivery)
    {
        var emails = new List<string>();
        if (delivery?.Email is { } list)
        {
            if (list.Count == 0) Add("delivery.email", "Email delivery needs at least one address; leave email out to only download.");
            if (list.Count > MaxRecipients) Add("delivery.email", $"At most {MaxRecipients} addresses.");
            for (var i = 0; i < list.Count; i++)
            {
                if (IsAddress(list[i])) emails.Add(list[i].Trim());
                else Add($"delivery.email[{i}]", "Not an email address.");
            }
        }
        var download = delivery?.Download ?? true;
        if (!download && emails.Count == 0 && delivery?.Email is null)
            Add("delivery", "A report is delivered by email, by download, or both.");
        return (emails.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), download);
    }

    /// <summary>One plain address (no display name, no list): a local part, '@' and a dotted domain.</summary>
    internal static bool IsAddress(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 254) return false;
        var trimmed = text.Trim();
        if (!MailboxAddress.TryParse(ParserOptions.Default, trimmed, out var address) || address.Address != trimmed) return false;
        var at = trimmed.LastIndexOf('@');
        if (at <= 0) return false;
        var domain = trimmed[(at + 1)..];
        return domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.') && !trimmed.Any(char.IsWhiteSpace) && !trimmed.Contains(',');
    }

    private void ThrowIfInvalid()
    {
        if (_errors.Count > 0) throw new InvalidInputException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    private void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }
}
