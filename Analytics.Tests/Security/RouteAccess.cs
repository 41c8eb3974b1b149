using Analytics.Core.Tenancy;

namespace Analytics.Tests.Security;

/// <summary>Who may use a route, as DESIGN.md says: the roles, and whether a key must have the write scope.</summary>
public sealed record RouteAccess(IReadOnlySet<string> AllowedRoles, bool NeedsWrite)
{
    /// <summary>Every signed-in role and every key.</summary>
    public static readonly RouteAccess Anyone = new(Roles.All.ToHashSet(), false);

    /// <summary>Every role, but only with a key of the write scope (ingest, customer profiles).</summary>
    public static readonly RouteAccess AnyWriter = new(Roles.All.ToHashSet(), true);

    /// <summary>Business figures: admins, analysts and managers.</summary>
    public static readonly RouteAccess FigureReaders = Read(Roles.Admin, Roles.Analyst, Roles.Manager);

    /// <summary>What admins and analysts build (dashboards, reports, segments).</summary>
    public static readonly RouteAccess Builders = Write(Roles.Admin, Roles.Analyst);

    public static readonly RouteAccess AdminWrites = Write(Roles.Admin);

    public static RouteAccess Read(params string[] roles) => new(roles.ToHashSet(), false);

    public static RouteAccess Write(params string[] roles) => new(roles.ToHashSet(), true);

    public bool Allows(string role, ApiKeyScope? scope) => AllowedRoles.Contains(role) && (!NeedsWrite || scope is null or ApiKeyScope.Write);
}
