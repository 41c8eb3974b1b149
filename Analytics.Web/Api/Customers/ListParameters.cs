using System.Globalization;
using Analytics.Core.Customers;
using Analytics.Core.Errors;

namespace Analytics.Web.Api.Customers;

/// <summary>Reads the list query of customers and segment members: <c>q</c>, <c>segment</c>, <c>country</c>, <c>min_ltv</c>, <c>max_ltv</c>, <c>sort</c>, <c>limit</c>, <c>cursor</c>.</summary>
public static class ListParameters
{
    public static CustomerListQuery Read(IQueryCollection q)
    {
        var errors = new Dictionary<string, string[]>();
        decimal? Decimal(string key)
        {
            if (string.IsNullOrEmpty(q[key])) return null;
            if (decimal.TryParse(q[key], NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) return value;
            errors[key] = ["Not a number."];
            return null;
        }
        var limit = 50;
        if (!string.IsNullOrEmpty(q["limit"]) && !int.TryParse(q["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out limit))
            errors["limit"] = ["Not a whole number."];
        var query = new CustomerListQuery(
            Search: string.IsNullOrEmpty(q["q"]) ? q["search"].ToString() : q["q"].ToString(),
            Segment: q["segment"],
            Country: string.IsNullOrEmpty(q["country"]) ? null : q["country"].ToString(),
            MinLtv: Decimal("min_ltv"),
            MaxLtv: Decimal("max_ltv"),
            Sort: q["sort"],
            Limit: limit,
            Cursor: string.IsNullOrEmpty(q["cursor"]) ? null : q["cursor"].ToString());
        if (errors.Count > 0) throw new InvalidInputException(errors);
        return query;
    }

    public static int Limit(IQueryCollection q, int fallback = 50)
    {
        if (string.IsNullOrEmpty(q["limit"])) return fallback;
        return int.TryParse(q["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var limit) ? limit : throw new InvalidInputException("limit", "Not a whole number.");
    }
}
