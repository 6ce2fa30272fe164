namespace TclHotline.Dispatch.Data;

// Rows as stored; Dapper fills them by column name (snake_case → PascalCase).

internal sealed class OutletRow
{
    public string OutletId { get; init; } = "";
    public string BranchCode { get; init; } = "";
    public string Name { get; init; } = "";
    public string Kind { get; init; } = "";
    public string? ProviderName { get; init; }
}

internal sealed class CoverageRow
{
    public string OutletId { get; init; } = "";
    public string DistrictCode { get; init; } = "";
    public long TravelMinutes { get; init; }
    public decimal DistanceKm { get; init; }
}

internal sealed class EngineerRow
{
    public string EngineerId { get; init; } = "";
    public string Name { get; init; } = "";
    public string OutletId { get; init; } = "";

    /// <summary>JSON array of skill names.</summary>
    public string Skills { get; init; } = "[]";

    /// <summary>JSON array of { days, start, end }.</summary>
    public string Shifts { get; init; } = "[]";

    /// <summary>JSON object order type → minutes.</summary>
    public string VisitMinutes { get; init; } = "{}";

    public long DailyCapacity { get; init; }
    public bool Active { get; init; }
}
