namespace TclHotline.Returns.Domain;

/// <summary>
/// Steps that must be taken one after the other (a scrap, a panel exchange's settlement). A step out of order
/// is refused with what the next step would be.
/// </summary>
public sealed class StepSequence<TStep>(IReadOnlyList<TStep> steps) where TStep : struct, Enum
{
    public TStep First => steps[0];
    public TStep Last => steps[^1];

    /// <summary>Null when <paramref name="requested"/> is the step after <paramref name="current"/>, else why not.</summary>
    public string? Refusal(TStep current, TStep requested)
    {
        var at = IndexOf(current);
        if (at == steps.Count - 1) return $"cannot follow {current}: the process is finished";
        var wanted = IndexOf(requested);
        if (wanted < 0) return "is not a step of this process";
        if (wanted <= at) return $"{requested} is already done";
        return wanted == at + 1 ? null : $"{requested} is out of order: the next step is {steps[at + 1]}";
    }

    public bool IsDone(TStep step) => EqualityComparer<TStep>.Default.Equals(step, Last);

    private int IndexOf(TStep step)
    {
        for (var i = 0; i < steps.Count; i++)
            if (EqualityComparer<TStep>.Default.Equals(steps[i], step)) return i;
        return -1;
    }
}

/// <summary>Rule 24: a whole unit's scrap.</summary>
public enum ScrapStep
{
    Unspecified = 0,
    Declared = 1,
    Approved = 2,
    Collected = 3,
    WrittenOff = 4,
}

/// <summary>Rules 17 and 24: a panel exchange, from the offer to the panel back at the factory.</summary>
public enum ExchangeStep
{
    Unspecified = 0,
    Offered = 1,
    Chosen = 2,
    NewUnitHandedOver = 3,
    OldUnitTakenBack = 4,
    OldUnitScrapped = 5,
    PanelReturned = 6,
}

public enum ExchangeChoice
{
    Unspecified = 0,
    Depreciation = 1,
    TopUp = 2,
}

public static class Processes
{
    public static readonly StepSequence<ScrapStep> Scrap =
        new([ScrapStep.Declared, ScrapStep.Approved, ScrapStep.Collected, ScrapStep.WrittenOff]);

    public static readonly StepSequence<ExchangeStep> Exchange = new([
        ExchangeStep.Offered, ExchangeStep.Chosen, ExchangeStep.NewUnitHandedOver, ExchangeStep.OldUnitTakenBack,
        ExchangeStep.OldUnitScrapped, ExchangeStep.PanelReturned,
    ]);
}
