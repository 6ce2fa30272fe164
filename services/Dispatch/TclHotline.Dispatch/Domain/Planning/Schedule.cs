using System.Collections.Immutable;

namespace TclHotline.Dispatch.Domain.Planning;

/// <summary>
/// The bookings the planner must respect, held per engineer so that an engineer's agenda is a lookup.
/// Immutable: planning several orders threads it along, and what is worked out from an engineer's bookings
/// (<see cref="EngineerBookings"/>) is carried along with them until that engineer's bookings change.
/// </summary>
public sealed class Schedule
{
    private static readonly ImmutableDictionary<string, EngineerBookings> NoBookings =
        ImmutableDictionary.Create<string, EngineerBookings>(StringComparer.Ordinal);

    private readonly ImmutableDictionary<string, EngineerBookings> _byEngineer;

    private Schedule(ImmutableDictionary<string, EngineerBookings> byEngineer) => _byEngineer = byEngineer;

    public static Schedule Empty { get; } = new(NoBookings);

    public static Schedule Of(IEnumerable<Booking> bookings)
    {
        var builder = NoBookings.ToBuilder();
        foreach (var group in bookings.GroupBy(b => b.EngineerId, StringComparer.Ordinal))
        {
            builder.Add(group.Key, new EngineerBookings([.. group]));
        }

        return new(builder.ToImmutable());
    }

    /// <summary>Every booking, engineer by engineer.</summary>
    public IEnumerable<Booking> Bookings => _byEngineer.Values.SelectMany(b => b.List);

    public IReadOnlyList<Booking> Of(string engineerId) => BookingsOf(engineerId).List;

    /// <summary>The bookings of <paramref name="engineerId"/>, with what has been worked out from them so far.</summary>
    public EngineerBookings BookingsOf(string engineerId) => _byEngineer.GetValueOrDefault(engineerId) ?? EngineerBookings.None;

    public Schedule With(Booking booking) =>
        new(_byEngineer.SetItem(booking.EngineerId, new EngineerBookings(BookingsOf(booking.EngineerId).List.Add(booking))));

    public Schedule Without(Guid visitId)
    {
        foreach (var (engineerId, bookings) in _byEngineer)
        {
            var index = bookings.List.FindIndex(b => b.VisitId == visitId);
            if (index >= 0)
            {
                var rest = bookings.List.RemoveAt(index);
                return new(rest.IsEmpty ? _byEngineer.Remove(engineerId) : _byEngineer.SetItem(engineerId, new EngineerBookings(rest)));
            }
        }

        return this;
    }
}
