using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Analytics.Core.Customers;
using Analytics.Core.Errors;
using Analytics.Core.Tenancy;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Analytics.Web.Components.Pages.Customers;

/// <summary>
/// Segments: the list with member counts, a rule builder (or the rules as JSON) with a live count of matching
/// customers, the members, and their export as CSV. Every rule check happens in <see cref="SegmentDirectory"/>.
/// </summary>
public partial class Segments
{
    [Inject] public required IDialogService Dialogs { get; init; }

    public static readonly (string Value, string Label)[] Fields =
    [
        ("ltv", "Lifetime value"), ("order_count", "Orders"), ("engagement", "Engagement"), ("country", "Country"),
        ("first_seen", "First seen"), ("last_seen", "Last seen"), ("name", "Name"), ("email", "Email"),
        ("other", "Metric or attribute…"),
    ];

    private static readonly (string Value, string Label)[] NumberOps = [("gt", ">"), ("gte", "≥"), ("lt", "<"), ("lte", "≤"), ("eq", "="), ("neq", "≠"), ("in", "one of")];
    private static readonly (string Value, string Label)[] TextOps = [("eq", "is"), ("neq", "is not"), ("in", "one of")];
    private static readonly (string Value, string Label)[] DateOps = [("within", "within the last"), ("lt", "before"), ("lte", "on or before"), ("gt", "after"), ("gte", "on or after")];
    private static readonly (string Value, string Label)[] AnyOps = [("eq", "="), ("neq", "≠"), ("gt", ">"), ("gte", "≥"), ("lt", "<"), ("lte", "≤"), ("in", "one of")];

    private IReadOnlyList<SegmentView>? _segments;
    private SegmentView? _editing;
    private long _selectedId;
    private bool _canEdit;
    private bool _builtIn;
    private string _name = "";
    private string? _description;
    private bool _all = true;
    private bool _json;
    private string _rulesJson = "";
    private List<SegmentRuleRow> _rows = [new()];
    private Dictionary<string, string> _errors = [];
    private long? _preview;
    private bool _previewing;
    private bool _saving;
    private CustomerPage? _members;
    private string _currency = "usd";
    private string _tenant = "";
    private int _previewVersion;

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive) return;
        var (caller, _) = await ResolveAsync<SegmentDirectory>();
        _canEdit = caller.CanWrite && (caller.IsInRole(Roles.Admin) || caller.IsInRole(Roles.Analyst));
        _tenant = caller.TenantSlug;
        _currency = (await ScopedServices.GetRequiredService<TenantDirectory>().GetAsync(caller.TenantId, CancellationToken.None)).Currency;
        await LoadAsync();
        if (_segments is { Count: > 0 }) await SelectAsync(_segments[0].Id);
    }

    private async Task LoadAsync()
    {
        var (caller, segments) = await ResolveAsync<SegmentDirectory>();
        _segments = await segments.ListAsync(caller, CancellationToken.None);
    }

    private async Task SelectAsync(long id)
    {
        if (_segments?.FirstOrDefault(s => s.Id == id) is not { } segment) return;
        _selectedId = id;
        _editing = segment;
        _builtIn = segment.BuiltIn;
        _name = segment.Name;
        _description = segment.Description;
        _errors = [];
        ShowRules(segment.Rules);
        _members = null;
        StateHasChanged();
        await Task.WhenAll(PreviewAsync(), LoadMembersAsync());
    }

    private void New()
    {
        _selectedId = 0;
        _editing = null;
        _builtIn = false;
        _name = "";
        _description = null;
        _errors = [];
        _members = null;
        _all = true;
        _json = false;
        _rows = [new SegmentRuleRow { Field = "ltv", Op = "gte", Value = "1000" }];
        _ = PreviewAsync();
    }

    /// <summary>Shows stored rules in the builder when they are one flat group, else as JSON.</summary>
    private void ShowRules(string json)
    {
        _rulesJson = JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement, new JsonSerializerOptions { WriteIndented = true });
        var root = JsonNode.Parse(json)!.AsObject();
        var (key, list) = root.First();
        var rows = new List<SegmentRuleRow>();
        foreach (var item in list!.AsArray())
        {
            if (item is not JsonObject condition || !condition.ContainsKey("field"))
            {
                _json = true;
                return;
            }
            var field = condition["field"]!.GetValue<string>();
            var known = Fields.Any(f => f.Value == field && f.Value != "other");
            var value = condition["value"];
            rows.Add(new SegmentRuleRow
            {
                Field = known ? field : "other",
                Expression = known ? "" : field,
                Op = condition["op"]!.GetValue<string>(),
                Value = value is JsonArray array ? string.Join(", ", array.Select(v => v!.ToString())) : value!.ToString(),
            });
        }
        _all = key == "all";
        _json = false;
        _rows = rows;
    }

    private JsonElement CurrentRules()
    {
        if (_json)
        {
            try
            {
                return JsonDocument.Parse(_rulesJson).RootElement.Clone();
            }
            catch (JsonException e)
            {
                throw new InvalidInputException("rules", $"Not valid JSON: {e.Message}");
            }
        }
        var conditions = new JsonArray();
        foreach (var row in _rows)
            conditions.Add(new JsonObject { ["field"] = row.EffectiveField, ["op"] = row.Op, ["value"] = ValueOf(row) });
        return JsonSerializer.SerializeToElement(new JsonObject { [_all ? "all" : "any"] = conditions });
    }

    private static JsonNode? ValueOf(SegmentRuleRow row)
    {
        var field = row.EffectiveField;
        var numeric = field is "ltv" or "order_count" or "engagement" || field.Contains('(') || (field.StartsWith("attributes.", StringComparison.Ordinal) && row.Op is "gt" or "gte" or "lt" or "lte");
        JsonNode? One(string text)
        {
            text = text.Trim();
            return numeric && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : JsonValue.Create(text);
        }
        if (row.Op == "in") return new JsonArray(row.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(One).ToArray());
        var value = row.Value.Trim();
        // "within 30" reads naturally in the builder; the rule language wants "30d".
        if (field is "first_seen" or "last_seen" && Regex.IsMatch(value, @"^\d+$")) value += "d";
        return One(value);
    }

    private async Task PreviewAsync()
    {
        var version = ++_previewVersion;
        _previewing = true;
        StateHasChanged();
        try
        {
            var rules = CurrentRules();
            var count = await InOwnScopeAsync<SegmentDirectory, long>((caller, segments) => segments.PreviewAsync(caller, rules, CancellationToken.None));
            if (version != _previewVersion) return;
            _preview = count;
            ClearRuleErrors();
        }
        catch (InvalidInputException e)
        {
            if (version != _previewVersion) return;
            _preview = null;
            ShowErrors(e);
        }
        finally
        {
            if (version == _previewVersion) _previewing = false;
            StateHasChanged();
        }
    }

    private async Task LoadMembersAsync()
    {
        if (_editing is not { } segment) return;
        _members = await InOwnScopeAsync<SegmentDirectory, CustomerPage>((caller, segments) =>
            segments.MembersAsync(caller, segment.Id.ToString(CultureInfo.InvariantCulture), new CustomerListQuery(Sort: "-ltv", Limit: 25), CancellationToken.None));
        StateHasChanged();
    }

    private async Task SaveAsync()
    {
        _saving = true;
        try
        {
            var input = new SegmentInput(_builtIn ? null : _name, _description ?? "", CurrentRules());
            var (caller, segments) = await ResolveAsync<SegmentDirectory>();
            var saved = _editing is null
                ? await segments.CreateAsync(caller, input, CancellationToken.None)
                : await segments.UpdateAsync(caller, _editing.Id.ToString(CultureInfo.InvariantCulture), input, CancellationToken.None);
            Snackbar.Add(_editing is null ? $"Segment “{saved.Name}” created: {saved.MemberCount:N0} members." : $"Saved: {saved.MemberCount:N0} members.", Severity.Success);
            await LoadAsync();
            await SelectAsync(saved.Id);
        }
        catch (InvalidInputException e)
        {
            ShowErrors(e);
        }
        catch (AnalyticsException e)
        {
            Snackbar.Add(e.Message, Severity.Error);
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task DeleteAsync()
    {
        if (_editing is not { } segment) return;
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete segment", $"Delete “{segment.Name}”? Its customers stay; only the grouping goes.", yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true) return;
        if (!await TryAsync<SegmentDirectory>((caller, segments) => segments.DeleteAsync(caller, segment.Id.ToString(CultureInfo.InvariantCulture), CancellationToken.None))) return;
        await LoadAsync();
        if (_segments is { Count: > 0 }) await SelectAsync(_segments[0].Id);
    }

    private void ShowErrors(InvalidInputException e)
    {
        _errors = e.Errors.ToDictionary(x => x.Key, x => string.Join(" ", x.Value));
        foreach (var row in _rows) row.Error = null;
        var general = new List<string>();
        foreach (var (key, message) in _errors)
        {
            var match = Regex.Match(key, @"^rules\.(all|any)\[(\d+)\]");
            if (!_json && match.Success && int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) is var i && i < _rows.Count)
                _rows[i].Error = message;
            else if (key.StartsWith("rules", StringComparison.Ordinal))
                general.Add(_json ? $"{key}: {message}" : message);
        }
        if (general.Count > 0) _errors["rules"] = string.Join(" ", general);
        else _errors.Remove("rules");
    }

    private void ClearRuleErrors()
    {
        foreach (var row in _rows) row.Error = null;
        foreach (var key in _errors.Keys.Where(k => k.StartsWith("rules", StringComparison.Ordinal)).ToList()) _errors.Remove(key);
    }

    private string? NameError => _errors.GetValueOrDefault("name");

    private string? RulesError => _errors.GetValueOrDefault("rules");

    private static IEnumerable<(string Value, string Label)> OpsFor(SegmentRuleRow row) => row.Field switch
    {
        "ltv" or "order_count" or "engagement" => NumberOps,
        "country" or "name" or "email" => TextOps,
        "first_seen" or "last_seen" => DateOps,
        _ => AnyOps,
    };

    private static string OpLabel(SegmentRuleRow row, string? op) => OpsFor(row).FirstOrDefault(o => o.Value == op).Label ?? op ?? "";

    private static string FieldLabel(string? field) => Fields.FirstOrDefault(f => f.Value == field).Label ?? field ?? "";

    private static string Placeholder(SegmentRuleRow row) => row.Field switch
    {
        "first_seen" or "last_seen" => row.Op == "within" ? "30d" : "90d or 2026-01-31",
        "country" => row.Op == "in" ? "DE, FR" : "DE",
        _ => row.Op == "in" ? "a, b, c" : "",
    };

    private Task FieldAsync(SegmentRuleRow row, string field)
    {
        row.Field = field;
        if (!OpsFor(row).Any(o => o.Value == row.Op)) row.Op = OpsFor(row).First().Value;
        return PreviewAsync();
    }

    private Task ExpressionAsync(SegmentRuleRow row, string value)
    {
        row.Expression = value;
        return PreviewAsync();
    }

    private Task OpAsync(SegmentRuleRow row, string op)
    {
        row.Op = op;
        return PreviewAsync();
    }

    private Task ValueAsync(SegmentRuleRow row, string value)
    {
        row.Value = value;
        return PreviewAsync();
    }

    private Task AddAsync()
    {
        _rows.Add(new SegmentRuleRow { Field = "last_seen", Op = "within", Value = "30d" });
        return PreviewAsync();
    }

    private Task RemoveAsync(int index)
    {
        _rows.RemoveAt(index);
        return PreviewAsync();
    }

    private Task MatchAllAsync(bool all)
    {
        _all = all;
        return PreviewAsync();
    }

    private Task JsonModeAsync(bool json)
    {
        if (json)
        {
            try
            {
                _rulesJson = JsonSerializer.Serialize(CurrentRules(), new JsonSerializerOptions { WriteIndented = true });
            }
            catch (InvalidInputException)
            {
            }
            _json = true;
            return Task.CompletedTask;
        }
        try
        {
            ShowRules(JsonSerializer.Serialize(CurrentRules()));
        }
        catch (Exception e) when (e is InvalidInputException or JsonException or InvalidOperationException)
        {
            Snackbar.Add("These rules do not fit the builder; fix or flatten them as JSON first.", Severity.Warning);
        }
        return PreviewAsync();
    }

    private Task RulesJsonAsync(string json)
    {
        _rulesJson = json;
        return PreviewAsync();
    }

    private string EditorTitle => _editing is null ? "New segment" : _builtIn ? $"{_editing.Name} (built-in)" : _editing.Name;

    private string CsvUrl(SegmentView segment) => $"api/{_tenant}/segments/{segment.Id}/members?format=csv";
}
