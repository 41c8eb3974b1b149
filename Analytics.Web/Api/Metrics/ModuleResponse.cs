namespace Analytics.Web.Api.Metrics;

/// <summary>A module of the tenant: one of the defaults every tenant has, or one its admin added.</summary>
public sealed record ModuleResponse(string Name, string Description, bool Default);

/// <summary>The body of <c>POST /api/{tenant}/modules</c>.</summary>
public sealed record ModuleBody(string? Name, string? Description);
