namespace TclHotline.Returns.Domain;

/// <summary>Rule 18: what was found on a unit of dealer stock. The first three are damage; a performance fault is not.</summary>
public enum Finding
{
    Unspecified = 0,
    CrackedPanel = 1,
    ScratchedPanel = 2,
    ScratchedCase = 3,
    PerformanceFault = 4,
}

/// <summary>Rule 18: who caused the damage, decided at the opening inspection (开箱).</summary>
public enum Attribution
{
    Unspecified = 0,
    Logistics = 1,
    Dealer = 2,
    User = 3,
}

/// <summary>Who pays for the repair.</summary>
public enum CostBearer
{
    Unspecified = 0,
    Logistics = 1,
    Dealer = 2,
    User = 3,
    Maker = 4,
}

public static class FindingFacts
{
    public static bool IsDamage(this Finding finding) =>
        finding is Finding.CrackedPanel or Finding.ScratchedPanel or Finding.ScratchedCase;

    public static readonly IReadOnlyList<Finding> Damage = [Finding.CrackedPanel, Finding.ScratchedPanel, Finding.ScratchedCase];

    public static readonly IReadOnlyList<Attribution> Attributions = [Attribution.Logistics, Attribution.Dealer, Attribution.User];
}

/// <summary>Where a unit delivered to a dealer is now (rule 23 counts only units still in stock).</summary>
public enum StockStatus
{
    Unspecified = 0,
    InStock = 1,
    Sold = 2,
    Returned = 3,
    Scrapped = 4,
}
