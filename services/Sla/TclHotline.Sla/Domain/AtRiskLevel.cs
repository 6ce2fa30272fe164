namespace TclHotline.Sla.Domain;

/// <summary>How a still-open deadline stands for dispatch monitoring.</summary>
public enum AtRiskLevel
{
    /// <summary>At least one warning was published and the breach has not fired.</summary>
    Warned,

    /// <summary>The breach was published and the deadline is neither met nor cancelled.</summary>
    Breached,
}
