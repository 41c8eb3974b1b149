using System.Text.Json;

namespace Analytics.Core.Customers;

/// <summary>A segment as callers send it; on an update, what is null stays as it is.</summary>
public sealed record SegmentInput(string? Name = null, string? Description = null, JsonElement? Rules = null);
