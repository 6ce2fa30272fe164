using System.Collections.Immutable;

namespace TclHotline.Dispatch.Domain.Planning;

/// <summary>The bookings the planner must respect. Immutable: planning several orders threads it along.</summary>
public sealed class Schedule
{
    private readonly ImmutableList<Booking> _bookings;

    private Schedule(ImmutableList<Booking> bookings) => _bookings = bookings;

    public static Schedule Empty { get; } = new([]);

    public static Schedule Of(IEnumerable<Booking> bookings) => new([.. bookings]);

    public IReadOnlyList<Booking> Bookings => _bookings;

    public IReadOnlyList<Booking> Of(string engineerId) => _bookings.Where(b => b.EngineerId == engineerId).ToList();

    public Schedule With(Booking booking) => new(_bookings.Add(booking));

    public Schedule Without(Guid visitId) => new(_bookings.RemoveAll(b => b.VisitId == visitId));
}
