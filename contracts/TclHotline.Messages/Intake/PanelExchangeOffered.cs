namespace TclHotline.Messages.Intake;

/// <summary>Rule 17: the panel can be neither repaired nor supplied, so the customer is offered an exchange.</summary>
/// <param name="Offers">DepreciationExchange (折旧换机) | TopUpExchange (补差换机)</param>
public sealed record PanelExchangeOffered(
    Guid OrderId,
    string OrderNumber,
    string BranchCode,
    string SerialNumber,
    IReadOnlyList<string> Offers,
    DateTimeOffset OfferedAt);
