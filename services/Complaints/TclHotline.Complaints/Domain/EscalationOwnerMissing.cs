namespace TclHotline.Complaints.Domain;

/// <summary>Configuration names nobody for a level a complaint must go to: a deployment fault, not bad input.</summary>
public sealed class EscalationOwnerMissing(EscalationLevel level, string branchCode)
    : InvalidOperationException($"No owner is configured for {level} of branch {branchCode}.")
{
    public EscalationLevel Level { get; } = level;
    public string BranchCode { get; } = branchCode;
}
