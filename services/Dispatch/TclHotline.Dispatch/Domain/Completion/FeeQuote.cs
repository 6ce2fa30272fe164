namespace TclHotline.Dispatch.Domain.Completion;

/// <summary>The last fee estimate intake gave for an order (its revision, whether it is charged, the total in yuan).</summary>
public sealed record FeeQuote(int Revision, bool Chargeable, decimal Total, bool Provisional);
