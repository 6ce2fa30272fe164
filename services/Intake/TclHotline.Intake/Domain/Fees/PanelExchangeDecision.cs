namespace TclHotline.Intake.Domain.Fees;

public enum PanelExchangeOffer
{
    /// <summary>折旧换机: a new set against the old one's depreciated value.</summary>
    DepreciationExchange,
    /// <summary>补差换机: a new set for the price difference.</summary>
    TopUpExchange,
}

/// <summary>Rule 17: what the customer is offered for a panel that can be neither repaired nor supplied.</summary>
public sealed record PanelExchangeDecision(IReadOnlyList<PanelExchangeOffer> Offers, IReadOnlyList<int> RulesApplied);
