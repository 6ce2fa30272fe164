using TclHotline.ServiceDefaults.Modules;

namespace TclHotline.Intake.Domain.Calls;

/// <summary>Length limits of RegisterCall fields (section "Intake:CallValidation"), in characters.</summary>
public sealed class CallValidationOptions
{
    [Positive]
    public int IdempotencyKeyMaxLength { get; set; } = 100;
    [Positive]
    public int CallIdMaxLength { get; set; } = 100;
    [Positive]
    public int AgentIdMaxLength { get; set; } = 40;
    [Positive]
    public int CustomerNameMinLength { get; set; } = 1;
    [Positive]
    public int CustomerNameMaxLength { get; set; } = 50;
    [Positive]
    public int StreetAddressMaxLength { get; set; } = 200;
    [Positive]
    public int ProductModelMaxLength { get; set; } = 40;
    [Positive]
    public int SerialNumberMinLength { get; set; } = 6;
    [Positive]
    public int SerialNumberMaxLength { get; set; } = 32;
    [Positive]
    public int InvoiceNumberMaxLength { get; set; } = 40;
    [Positive]
    public int FaultDescriptionMaxLength { get; set; } = 1000;
    [Positive]
    public int ComplaintDescriptionMaxLength { get; set; } = 2000;
    [Positive]
    public int RelatedOrderNumberMaxLength { get; set; } = 40;
}
