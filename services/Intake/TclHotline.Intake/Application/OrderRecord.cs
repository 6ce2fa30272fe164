using TclHotline.Intake.Data;

namespace TclHotline.Intake.Application;

/// <summary>An order as one reader gets it: with every fee estimate given so far (lists leave the history out).</summary>
public sealed record OrderRecord(ServiceOrderRow Order, IReadOnlyList<FeeEstimateRow> FeeHistory);
