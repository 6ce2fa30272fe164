namespace TclHotline.Messages.Returns;

/// <summary>
/// Rules 17 and 24: a panel exchange is settled (new unit handed over, old unit taken back and scrapped, panel
/// returned to the factory). The service order it was offered on is done.
/// </summary>
/// <param name="Choice">DepreciationExchange | TopUpExchange</param>
public sealed record PanelExchangeCompleted(
    Guid OrderId,
    string OrderNumber,
    string BranchCode,
    string SerialNumber,
    string Choice,
    DateTimeOffset CompletedAt);
