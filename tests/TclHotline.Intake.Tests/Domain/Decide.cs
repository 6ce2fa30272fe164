using TclHotline.Intake.Domain;
using TclHotline.Intake.Domain.Warranty;
using TclHotline.Intake.Tests.Support;

namespace TclHotline.Intake.Tests.Domain;

internal static class Decide
{
    /// <summary>The engine's decision on a branch-local date, with default or given options.</summary>
    public static WarrantyDecision On(string today, WarrantyRequest request, WarrantyOptions? options = null) =>
        new WarrantyEngine(options ?? new WarrantyOptions(), Clock.At(today)).Decide(request);

    public static WarrantyRequest Unit(string? invoice = null, FaultCategory? fault = FaultCategory.Picture) => new()
    {
        BranchTimeZone = Clock.Shanghai,
        InvoiceDate = Clock.OptionalD(invoice),
        CurrentFault = fault,
    };
}
