namespace TclHotline.Intake.Domain;

/// <summary>The agent's category of the reported fault. Numbers match the gRPC enum.</summary>
public enum FaultCategory
{
    Unspecified = 0,
    Panel = 1,
    MainBoard = 2,
    PowerSupply = 3,
    Picture = 4,
    Sound = 5,
    Connectivity = 6,
    Software = 7,
    RemoteControl = 8,
    Appearance = 9,
    Other = 10,
}

public static class FaultCategoryFacts
{
    /// <summary>主要部件 of a flat-panel TV (DOMAIN.md): the panel and the main board.</summary>
    public static bool IsMainPart(this FaultCategory category) => category is FaultCategory.Panel or FaultCategory.MainBoard;

    /// <summary>
    /// A 性能故障 (rules 6, 7): anything about how the set works. Appearance damage is not one;
    /// "Other" is, since the engineer's finding on site settles what it really is.
    /// </summary>
    public static bool IsPerformanceFault(this FaultCategory category) =>
        category is not (FaultCategory.Unspecified or FaultCategory.Appearance) && Enum.IsDefined(category);
}
