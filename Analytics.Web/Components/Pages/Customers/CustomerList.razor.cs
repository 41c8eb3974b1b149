using Analytics.Core.Customers;
using Analytics.Core.Errors;
using Analytics.Core.Tenancy;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Analytics.Web.Components.Pages.Customers;

/// <summary>The customer list: server-side paging, sort and filters over <see cref="CustomerDirectory"/>.</summary>
public partial class CustomerList
{
    [Inject] public required NavigationManager Navigation { get; init; }

    /// <summary>A segment to start filtered by, as the segments page links here.</summary>
    [SupplyParameterFromQuery(Name = "segment")] public string? InitialSegment { get; set; }

    private MudDataGrid<CustomerView>? _grid;
    private IReadOnlyList<SegmentView> _segments = [];
    private string _currency = "usd";
    private string? _search;
    private string? _segment;
    private string? _country;
    private decimal? _minLtv;
    private decimal? _maxLtv;
    private string? _error;

    private static readonly Dictionary<string, string> SortKeys = new()
    {
        [nameof(CustomerView.Name)] = "name",
        [nameof(CustomerView.Ltv)] = "ltv",
        [nameof(CustomerView.OrderCount)] = "order_count",
        [nameof(CustomerView.EngagementScore)] = "engagement_score",
        [nameof(CustomerView.LastSeen)] = "last_seen",
    };

    protected override async Task OnInitializedAsync()
    {
        _segment = InitialSegment;
        if (!RendererInfo.IsInteractive) return;
        var (caller, segments) = await ResolveAsync<SegmentDirectory>();
        _segments = await segments.ListAsync(caller, CancellationToken.None);
        _currency = (await ScopedServices.GetRequiredService<TenantDirectory>().GetAsync(caller.TenantId, CancellationToken.None)).Currency;
    }

    private async Task<GridData<CustomerView>> LoadAsync(GridState<CustomerView> state, CancellationToken ct)
    {
        if (!RendererInfo.IsInteractive) return new GridData<CustomerView> { Items = [], TotalItems = 0 };
        var sort = state.SortDefinitions.FirstOrDefault() is { } s && SortKeys.TryGetValue(s.SortBy, out var key) ? (s.Descending ? "-" : "") + key : "-ltv";
        _error = null;
        try
        {
            var page = await InOwnScopeAsync<CustomerDirectory, CustomerPage>((caller, customers) => customers.ListAsync(caller,
                new CustomerListQuery(_search, _segment, string.IsNullOrWhiteSpace(_country) ? null : _country.Trim(),
                    _minLtv, _maxLtv, sort, state.PageSize, Offset: state.Page * state.PageSize), ct));
            return new GridData<CustomerView> { Items = page.Items, TotalItems = (int)Math.Min(page.Total, int.MaxValue) };
        }
        catch (AnalyticsException e)
        {
            _error = e is InvalidInputException invalid ? string.Join(" ", invalid.Errors.SelectMany(x => x.Value)) : e.Message;
            return new GridData<CustomerView> { Items = [], TotalItems = 0 };
        }
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private Task SearchAsync(string? value)
    {
        _search = value;
        return ReloadAsync();
    }

    private Task SegmentAsync(string? value)
    {
        _segment = value;
        return ReloadAsync();
    }

    private Task CountryAsync(string? value)
    {
        _country = value;
        return value is null or { Length: 0 or 2 } ? ReloadAsync() : Task.CompletedTask;
    }

    private Task MinLtvAsync(decimal? value)
    {
        _minLtv = value;
        return ReloadAsync();
    }

    private Task MaxLtvAsync(decimal? value)
    {
        _maxLtv = value;
        return ReloadAsync();
    }

    private Task OpenAsync(DataGridRowClickEventArgs<CustomerView> row)
    {
        Navigation.NavigateTo($"customers/{row.Item.Id}");
        return Task.CompletedTask;
    }

    internal static Color EngagementColor(int score) => score >= 70 ? Color.Success : score >= 40 ? Color.Info : Color.Warning;
}
