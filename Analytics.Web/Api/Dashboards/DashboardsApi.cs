using Analytics.Core.Dashboards;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Web.Api.Dashboards;

/// <summary>Seed 004's dashboard and widget routes; every rule (tenant, sharing, validation) is in <see cref="DashboardService"/>.</summary>
public static class DashboardsApi
{
    public static IEndpointRouteBuilder MapDashboardsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapTenantApi().WithTags("Dashboards");
        api.MapGet("/dashboards", ListAsync).WithName("ListDashboards").WithSummary("The dashboards the caller may see.");
        api.MapPost("/dashboards", CreateAsync).WithName("CreateDashboard").WithSummary("Create a dashboard, with widgets (admin, analyst).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/dashboards/{id:long}", GetAsync).WithName("GetDashboard").WithSummary("A dashboard with its widgets.");
        api.MapPatch("/dashboards/{id:long}", UpdateAsync).WithName("UpdateDashboard").WithSummary("Rename, share (admin) or move widgets.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapDelete("/dashboards/{id:long}", DeleteAsync).WithName("DeleteDashboard").WithSummary("Delete a dashboard (owner, admin).")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPost("/dashboards/{id:long}/widgets", AddWidgetAsync).WithName("AddWidget").WithSummary("Add a widget to a dashboard.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPatch("/widgets/{id:long}", UpdateWidgetAsync).WithName("UpdateWidget").WithSummary("Change a widget's configuration or position.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapDelete("/widgets/{id:long}", DeleteWidgetAsync).WithName("DeleteWidget").WithSummary("Remove a widget.")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        app.MapAnalyticsApi().WithTags("Analytics").MapGet("/dashboards", async (HttpContext http, DashboardService dashboards, CancellationToken ct) =>
                AnalyticsApi.Json(new DashboardListResponse(await dashboards.ListAsync(http.Caller(), ct))))
            .WithName("ListSavedDashboards").WithSummary("Seed 000: the saved dashboards the caller may see (camelCase).");
        return app;
    }

    public static async Task<Ok<DashboardListResponse>> ListAsync(HttpContext http, DashboardService dashboards, CancellationToken ct) =>
        TypedResults.Ok(new DashboardListResponse(await dashboards.ListAsync(http.Caller(), ct)));

    public static async Task<Created<DashboardResponse>> CreateAsync(HttpContext http, DashboardService dashboards, CancellationToken ct)
    {
        var input = await ApiBody.ReadAsync<DashboardInput>(http.Request, ct);
        var view = await dashboards.CreateAsync(http.Caller(), input, ct);
        return TypedResults.Created($"/api/{http.Caller().TenantSlug}/dashboards/{view.Dashboard.Id}", DashboardResponse.From(view));
    }

    public static async Task<Ok<DashboardResponse>> GetAsync(HttpContext http, long id, DashboardService dashboards, CancellationToken ct) =>
        TypedResults.Ok(DashboardResponse.From(await dashboards.GetAsync(http.Caller(), id, ct)));

    public static async Task<Ok<DashboardResponse>> UpdateAsync(HttpContext http, long id, DashboardService dashboards, CancellationToken ct)
    {
        var input = await ApiBody.ReadAsync<DashboardInput>(http.Request, ct);
        return TypedResults.Ok(DashboardResponse.From(await dashboards.UpdateAsync(http.Caller(), id, input, ct)));
    }

    public static async Task<NoContent> DeleteAsync(HttpContext http, long id, DashboardService dashboards, CancellationToken ct)
    {
        await dashboards.DeleteAsync(http.Caller(), id, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Created<WidgetResponse>> AddWidgetAsync(HttpContext http, long id, DashboardService dashboards, CancellationToken ct)
    {
        var input = await ApiBody.ReadAsync<WidgetInput>(http.Request, ct);
        var widget = await dashboards.AddWidgetAsync(http.Caller(), id, input, ct);
        return TypedResults.Created($"/api/{http.Caller().TenantSlug}/widgets/{widget.Id}", WidgetResponse.Of(widget));
    }

    public static async Task<Ok<WidgetResponse>> UpdateWidgetAsync(HttpContext http, long id, DashboardService dashboards, CancellationToken ct)
    {
        var input = await ApiBody.ReadAsync<WidgetInput>(http.Request, ct);
        return TypedResults.Ok(WidgetResponse.Of(await dashboards.UpdateWidgetAsync(http.Caller(), id, input, ct)));
    }

    public static async Task<NoContent> DeleteWidgetAsync(HttpContext http, long id, DashboardService dashboards, CancellationToken ct)
    {
        await dashboards.DeleteWidgetAsync(http.Caller(), id, ct);
        return TypedResults.NoContent();
    }
}
