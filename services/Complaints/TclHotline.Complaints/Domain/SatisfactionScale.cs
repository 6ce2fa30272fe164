namespace TclHotline.Complaints.Domain;

/// <summary>The return call's satisfaction score range; the API validator and the domain both ask <see cref="Allows"/>.</summary>
public sealed class SatisfactionScale
{
    public int Lowest { get; set; } = 1;
    public int Highest { get; set; } = 5;

    public bool Allows(int score) => score >= Lowest && score <= Highest;
}
