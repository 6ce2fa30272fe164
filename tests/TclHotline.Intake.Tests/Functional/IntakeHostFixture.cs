namespace TclHotline.Intake.Tests.Functional;

/// <summary>One host shared by a test class; tests keep apart by their own phone numbers and serials.</summary>
public sealed class IntakeHostFixture : IAsyncLifetime
{
    public IntakeHost Intake { get; private set; } = null!;

    public async Task InitializeAsync() => Intake = await IntakeHost.StartAsync();

    public async Task DisposeAsync() => await Intake.DisposeAsync();
}
