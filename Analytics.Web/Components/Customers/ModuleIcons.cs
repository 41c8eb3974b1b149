using MudBlazor;

namespace Analytics.Web.Components.Customers;

/// <summary>The icon and colour of each module on timelines.</summary>
public static class ModuleIcons
{
    public static string Of(string module) => module switch
    {
        "fulfillment" => Icons.Material.Filled.LocalShipping,
        "rewards" => Icons.Material.Filled.CardGiftcard,
        "campaign" => Icons.Material.Filled.Campaign,
        "support" => Icons.Material.Filled.SupportAgent,
        "mes" => Icons.Material.Filled.PrecisionManufacturing,
        "catalog" => Icons.Material.Filled.MenuBook,
        "inventory" => Icons.Material.Filled.Inventory2,
        "sales" => Icons.Material.Filled.Handshake,
        "hr" => Icons.Material.Filled.Badge,
        _ => Icons.Material.Filled.Circle,
    };

    public static Color ColorOf(string module) => module switch
    {
        "fulfillment" => Color.Primary,
        "support" => Color.Warning,
        "sales" => Color.Success,
        "campaign" => Color.Secondary,
        "rewards" => Color.Tertiary,
        _ => Color.Info,
    };
}
