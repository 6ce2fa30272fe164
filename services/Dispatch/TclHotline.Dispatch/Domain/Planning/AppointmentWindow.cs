namespace TclHotline.Dispatch.Domain.Planning;

/// <summary>A window agreed with the customer for the engineer to arrive in.</summary>
public readonly record struct AppointmentWindow(DateTimeOffset Start, DateTimeOffset End);

/// <summary>A window offered to the customer, backed by an engineer who can really arrive in it.</summary>
public sealed record AppointmentSlot(AppointmentWindow Window, VisitPlan Plan);
