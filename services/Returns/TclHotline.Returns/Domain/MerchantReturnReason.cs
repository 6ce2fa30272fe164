namespace TclHotline.Returns.Domain;

/// <summary>Rule 19: why a dealer or mall sent a unit back (商返机).</summary>
public enum ReturnReason
{
    Unspecified = 0,
    UnsoldStock = 1,
    PromotionSample = 2,
    ShopExchange = 3,
    ShopSample = 4,
    RepairedTooSlowly = 5,
}

public enum ReturnClass
{
    Unspecified = 0,
    Commercial = 1,

    /// <summary>A customer's unit repaired too slowly: counts against the branch's service record.</summary>
    Service = 2,
}

public static class ReturnClassification
{
    /// <summary>Rule 19: the class follows from the reason.</summary>
    public static ReturnClass ClassOf(ReturnReason reason) => reason switch
    {
        ReturnReason.UnsoldStock or ReturnReason.PromotionSample or ReturnReason.ShopExchange or ReturnReason.ShopSample => ReturnClass.Commercial,
        ReturnReason.RepairedTooSlowly => ReturnClass.Service,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "not a return reason"),
    };
}
