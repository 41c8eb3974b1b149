namespace Analytics.Core.Insights;

/// <summary>The anomaly detector (section <c>Anomalies</c>).</summary>
public sealed class AnomalyOptions
{
    public const string Section = "Anomalies";

    /// <summary>Whether the background job checks each tenant after its day closes. The admin route works either way.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many closed days each pass looks at; findings already stored are kept as they are.</summary>
    public int LookbackDays { get; set; } = 180;

    /// <summary>Whether new high anomalies are sent to the tenant's admins by email.</summary>
    public bool EmailAdmins { get; set; }

    /// <summary>Pause after start-up before the first pass, so migrations and the demo seed finish first.</summary>
    public TimeSpan StartDelay { get; set; } = TimeSpan.FromSeconds(5);
}
