using Analytics.Core.Tenancy;

namespace Analytics.Core.Dashboards;

/// <summary>A grid of widgets; private to its owner unless shared with roles.</summary>
public sealed class Dashboard : ITenantOwned
{
    public long Id { get; set; }
    public int TenantId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    /// <summary>The user who created it; null when an API key did.</summary>
    public string? OwnerId { get; set; }
    /// <summary>Roles that may view it; empty means private.</summary>
    public List<string> SharedWith { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<Widget> Widgets { get; set; } = [];
}
