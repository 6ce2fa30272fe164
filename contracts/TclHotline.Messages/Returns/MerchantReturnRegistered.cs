namespace TclHotline.Messages.Returns;

/// <summary>Rule 19: a dealer or mall sent a unit back (商返机). A Service-class return counts against the branch.</summary>
/// <param name="Reason">UnsoldStock | PromotionSample | ShopExchange | ShopSample | RepairedTooSlowly</param>
/// <param name="ReturnClass">Commercial | Service</param>
/// <param name="SlowOrderIds">Service class: the orders whose repair was slow (rule 9).</param>
public sealed record MerchantReturnRegistered(
    Guid ReturnId,
    string BranchCode,
    string DealerCode,
    string SerialNumber,
    string Reason,
    string ReturnClass,
    IReadOnlyList<Guid> SlowOrderIds,
    DateTimeOffset RegisteredAt);
