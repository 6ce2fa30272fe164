using TclHotline.ServiceDefaults.Modules;

namespace TclHotline.Complaints.Domain;

/// <summary>The return call's satisfaction score range; the API validator and the domain both ask <see cref="Allows"/>.</summary>
public sealed class SatisfactionScale
{
    [NotNegative]
    public int Lowest { get; set; } = 1;
    [Positive]
    public int Highest { get; set; } = 5;

    public bool Allows(int score) => score >= Lowest && score <= Highest;
}
