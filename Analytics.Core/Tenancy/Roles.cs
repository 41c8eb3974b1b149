namespace Analytics.Core.Tenancy;

/// <summary>The five roles of the product, with their wire names.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Analyst = "analyst";
    public const string Manager = "manager";
    public const string Operator = "operator";
    public const string Dealer = "dealer";

    public static readonly IReadOnlyList<string> All = [Admin, Analyst, Manager, Operator, Dealer];

    public static bool IsKnown(string role) => All.Contains(role);
}
