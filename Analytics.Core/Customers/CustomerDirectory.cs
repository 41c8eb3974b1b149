using System.Net.Mail;
using System.Text.Json;
using Analytics.Core.Data;
using Analytics.Core.Errors;
using Analytics.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Analytics.Core.Customers;

/// <summary>Keeps customer profiles: creates or updates them by external id within the caller's tenant.</summary>
public sealed class CustomerDirectory(AnalyticsDbContext db, TimeProvider clock)
{
    /// <summary>Creates or updates each profile; a batch is validated whole and saved in one transaction.</summary>
    public async Task<IReadOnlyList<CustomerProfile>> UpsertAsync(Caller caller, IReadOnlyList<CustomerProfileInput> inputs, CancellationToken ct)
    {
        if (!caller.CanWrite) throw new ForbiddenException("This key may only read.");
        Validate(inputs);

        var ids = inputs.Select(i => i.ExternalId!).Distinct().ToList();
        var existing = await db.Set<CustomerProfile>()
            .Where(p => p.TenantId == caller.TenantId && ids.Contains(p.ExternalId))
            .ToDictionaryAsync(p => p.ExternalId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var input in inputs)
        {
            if (!existing.TryGetValue(input.ExternalId!, out var profile))
            {
                profile = new CustomerProfile
                {
                    TenantId = caller.TenantId,
                    ExternalId = input.ExternalId!,
                    FirstSeen = input.FirstSeen?.UtcDateTime ?? now,
                    LastSeen = input.LastSeen?.UtcDateTime ?? input.FirstSeen?.UtcDateTime ?? now,
                };
                db.Add(profile);
                existing[profile.ExternalId] = profile;
            }
            profile.Name = input.Name ?? profile.Name;
            profile.Email = input.Email ?? profile.Email;
            profile.Country = input.Country?.ToUpperInvariant() ?? profile.Country;
            if (input.Attributes is { } attributes) profile.Attributes = JsonSerializer.Serialize(attributes);
            if (input.FirstSeen?.UtcDateTime < profile.FirstSeen) profile.FirstSeen = input.FirstSeen.Value.UtcDateTime;
            if (input.LastSeen?.UtcDateTime > profile.LastSeen) profile.LastSeen = input.LastSeen.Value.UtcDateTime;
        }
        await db.SaveChangesAsync(ct);
        return inputs.Select(i => existing[i.ExternalId!]).ToList();
    }

    private static void Validate(IReadOnlyList<CustomerProfileInput> inputs)
    {
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var path = inputs.Count == 1 ? "" : $"[{i}].";
            var input = inputs[i];
            if (string.IsNullOrWhiteSpace(input.ExternalId) || input.ExternalId.Length > 128)
                errors[path + "external_id"] = ["An external id of 1 to 128 characters is required."];
            if (input.Name is { Length: > 200 }) errors[path + "name"] = ["A name has at most 200 characters."];
            if (input.Email is { } email && (email.Length > 254 || !MailAddress.TryCreate(email, out _)))
                errors[path + "email"] = ["Not an email address."];
            if (input.Country is { } country && (country.Length != 2 || !country.All(char.IsAsciiLetter)))
                errors[path + "country"] = ["Use an ISO 3166-1 alpha-2 code such as DE."];
            if (input.Attributes is { Count: > 32 }) errors[path + "attributes"] = ["At most 32 attributes."];
        }
        if (errors.Count > 0) throw new InvalidInputException(errors);
    }
}
