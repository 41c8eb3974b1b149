using System.Text.Json;
using Analytics.Core.Customers;
using Analytics.Core.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Web.Api.Customers;

/// <summary>Seed 004's customer routes; every rule is in <see cref="CustomerDirectory"/>.</summary>
public static class CustomersApi
{
    public static IEndpointRouteBuilder MapCustomersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapTenantApi().WithTags("Customers");
        api.MapGet("/customers", ListAsync).WithName("ListCustomers")
            .WithSummary("Profiles: search (q), filter by segment, country, min_ltv/max_ltv; sort (e.g. -ltv); cursor paging.")
            .ProducesValidationProblem();
        api.MapGet("/customers/{id}", GetAsync).WithName("GetCustomer")
            .WithSummary("A profile by id (or external id), with its revenue by month.");
        api.MapPost("/customers", UpsertAsync).WithName("UpsertCustomers")
            .WithSummary("Create or update one profile or an array of them by external_id, all or nothing.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/customers/{id}/timeline", TimelineAsync).WithName("CustomerTimeline")
            .WithSummary("The customer's events, newest first; filter by module; cursor paging.")
            .ProducesValidationProblem();
        return app;
    }

    public static async Task<Ok<CustomerListResponse>> ListAsync(HttpContext http, CustomerDirectory customers, CancellationToken ct) =>
        TypedResults.Ok(CustomerListResponse.From(await customers.ListAsync(http.Caller(), ListParameters.Read(http.Request.Query), ct)));

    public static async Task<Ok<CustomerDetailResponse>> GetAsync(HttpContext http, string id, CustomerDirectory customers, CancellationToken ct) =>
        TypedResults.Ok(CustomerDetailResponse.From(await customers.DetailAsync(http.Caller(), id, ct)));

    public static async Task<IResult> UpsertAsync(HttpContext http, CustomerDirectory customers, CancellationToken ct)
    {
        using var document = await ApiBody.ReadAsync(http.Request, ApiBody.DefaultMaxBytes, ct);
        var root = document.RootElement;
        var inputs = root.ValueKind switch
        {
            JsonValueKind.Object => [ApiBody.Deserialize<CustomerProfileInput>(root)],
            JsonValueKind.Array => root.EnumerateArray().Select((e, i) => ApiBody.Deserialize<CustomerProfileInput>(e, $"[{i}]")).ToList(),
            _ => throw new InvalidInputException("body", "Send one profile object or an array of them."),
        };
        var profiles = await customers.UpsertAsync(http.Caller(), inputs, ct);
        return root.ValueKind == JsonValueKind.Object ? TypedResults.Ok(profiles[0]) : TypedResults.Ok(new UpsertCustomersResponse(profiles));
    }

    public static async Task<Ok<TimelineResponse>> TimelineAsync(HttpContext http, string id, CustomerDirectory customers, CancellationToken ct)
    {
        var q = http.Request.Query;
        var page = await customers.TimelineAsync(http.Caller(), id, q["module"], string.IsNullOrEmpty(q["cursor"]) ? null : q["cursor"].ToString(),
            ListParameters.Limit(q), ct);
        return TypedResults.Ok(new TimelineResponse(page.Items, page.NextCursor));
    }
}
