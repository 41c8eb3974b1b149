using Analytics.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Core.Customers;

/// <summary>Closes a connection opened for raw commands; <see cref="None"/> when EF had it open already.</summary>
internal sealed class ConnectionLease(AnalyticsDbContext? db) : IAsyncDisposable
{
    public static readonly ConnectionLease None = new(null);

    public async ValueTask DisposeAsync()
    {
        if (db is not null) await db.Database.CloseConnectionAsync();
    }
}
