using Analytics.Core.Metrics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Web.Api.Metrics;

/// <summary>What each metric of a tenant means (its definitions) and the tenant's modules.</summary>
public static class MetricDefinitionsApi
{
    public static IEndpointRouteBuilder MapMetricDefinitionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapTenantApi().WithTags("Metrics");
        api.MapGet("/metrics/definitions", ListAsync)
            .WithName("ListMetricDefinitions")
            .WithSummary("Every metric's definition: the conventions, the metrics recorded (inferred as counters without a unit) and the tenant's edits.");
        api.MapPut("/metrics/definitions/{name}", SetAsync)
            .WithName("SetMetricDefinition")
            .WithSummary("Set what a metric means for the tenant (admin or analyst); audited.")
            .WithDescription("`kind` is counter, gauge or ratio; a gauge or ratio never sums over time, so its `aggregate` is avg, last, min or max. `unit` is currency, count, percent, score, a duration (s, min, h, d) or free text such as °F; a ratio's is percent.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/modules", ModulesAsync)
            .WithName("ListModules")
            .WithSummary("The tenant's modules: the defaults and those its admin added.");
        api.MapPost("/modules", AddModuleAsync)
            .WithName("AddModule")
            .WithSummary("Add a module (admin); events, widgets and reports may then name it.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<MetricDefinitionResponse>>> ListAsync(HttpContext http, MetricDefinitions definitions, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<MetricDefinitionResponse>>((await definitions.ListAsync(http.Caller(), ct)).Select(MetricDefinitionResponse.From).ToList());

    public static async Task<Ok<MetricDefinitionResponse>> SetAsync(HttpContext http, string name, MetricDefinitions definitions, CancellationToken ct)
    {
        var input = await ApiBody.ReadAsync<MetricDefinitionInput>(http.Request, ct);
        return TypedResults.Ok(MetricDefinitionResponse.From(await definitions.SetAsync(http.Caller(), name, input, ct)));
    }

    public static async Task<Ok<IReadOnlyList<ModuleResponse>>> ModulesAsync(HttpContext http, ModuleDirectory modules, CancellationToken ct)
    {
        var added = await modules.AddedAsync(http.Caller(), ct);
        return TypedResults.Ok<IReadOnlyList<ModuleResponse>>(
            Modules.All.Select(m => new ModuleResponse(m, "", true)).Concat(added.Select(m => new ModuleResponse(m.Name, m.Description, false))).ToList());
    }

    public static async Task<Created<ModuleResponse>> AddModuleAsync(HttpContext http, ModuleDirectory modules, CancellationToken ct)
    {
        var body = await ApiBody.ReadAsync<ModuleBody>(http.Request, ct);
        var module = await modules.AddAsync(http.Caller(), body.Name, body.Description, ct);
        return TypedResults.Created($"/api/{http.Caller().TenantSlug}/modules", new ModuleResponse(module.Name, module.Description, false));
    }
}
