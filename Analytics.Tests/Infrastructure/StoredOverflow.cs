namespace Analytics.Tests.Infrastructure;

/// <summary>
/// What two events of 1.7e308 left in a metric's tables before ingest refused values beyond ±1e15: raw values of
/// 1.7e308 and rollup sums of +∞. Written with plain SQL through the provider under test, as only an old version of
/// the app (or a hand in the database) could write them now.
/// </summary>
public static class StoredOverflow
{
    public const double Huge = 1.7e308;

    /// <summary>Turns every stored row of the tenant's metric into the overflow; the metric must have rows in each table.</summary>
    public static async Task PlantAsync(string connectionString, int tenantId, string metric)
    {
        await using var connection = await TestDatabase.ConnectAsync(connectionString);
        foreach (var sql in new[]
        {
            "UPDATE MetricEvents SET Value = @huge WHERE TenantId = @tenant AND Name = @name",
            "UPDATE MetricRollupsHourly SET Sum = @infinity, Min = @huge, Max = @huge, Last = @huge WHERE TenantId = @tenant AND Name = @name",
            "UPDATE MetricRollupsDaily SET Sum = @infinity, Min = @huge, Max = @huge, Last = @huge WHERE TenantId = @tenant AND Name = @name",
        })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in new (string, object)[] { ("@huge", Huge), ("@infinity", double.PositiveInfinity), ("@tenant", tenantId), ("@name", metric) })
            {
                var p = command.CreateParameter();
                p.ParameterName = name;
                p.Value = value;
                command.Parameters.Add(p);
            }
            if (await command.ExecuteNonQueryAsync() == 0) throw new InvalidOperationException($"No rows of {metric} to plant the overflow in: {sql}");
        }
    }
}
