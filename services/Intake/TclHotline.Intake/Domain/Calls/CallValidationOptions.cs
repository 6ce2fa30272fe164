namespace TclHotline.Intake.Domain.Calls;

/// <summary>Length limits of RegisterCall fields (section "Intake:CallValidation"), in characters.</summary>
public sealed class CallValidationOptions
{
    public int IdempotencyKeyMaxLength { get; set; } = 100;
    public int CallIdMaxLength { get; set; } = 100;
    public int AgentIdMaxLength { get; set; } = 40;
    public int CustomerNameMinLength { get; set; } = 1;
    public int CustomerNameMaxLength { get; set; } = 50;
    public int StreetAddressMaxLength { get; set; } = 200;
    public int ProductModelMaxLength { get; set; } = 40;
    public int SerialNumberMinLength { get; set; } = 6;
    public int SerialNumberMaxLength { get; set; } = 32;
    public int InvoiceNumberMaxLength { get; set; } = 40;
    public int FaultDescriptionMaxLength { get; set; } = 1000;
    public int ComplaintDescriptionMaxLength { get; set; } = 2000;
    public int RelatedOrderNumberMaxLength { get; set; } = 40;
}
