using System.Collections.Immutable;

namespace TclHotline.Dispatch.Domain.Planning;

/// <summary>
/// The bookings the planner must respect, held per engineer so that an engineer's agenda is a lookup.
/// Immutable: planning several orders threads it along.
/// </summary>
public sealed class Schedule
{
    private static readonly ImmutableDictionary<string, ImmutableList<Booking>> NoBookings =
        ImmutableDictionary.Create<string, ImmutableList<Booking>>(StringComparer.Ordinal);

    private readonly ImmutableDictionary<string, ImmutableList<Booking>> _byEngineer;

    private Schedule(ImmutableDictionary<string, ImmutableList<Booking>> byEngineer) => _byEngineer = byEngineer;

    public static Schedule Empty { get; } = new(NoBookings);

    public static Schedule Of(IEnumerable<Booking> bookings)
    {
        var builder = NoBookings.ToBuilder();
        foreach (var group in bookings.GroupBy(b => b.EngineerId, StringComparer.Ordinal))
        {
            builder.Add(group.Key, [.. group]);
        }

        return new(builder.ToImmutable());
    }

    /// <summary>Every booking, engineer by engineer.</summary>
    public IEnumerable<Booking> Bookings => _byEngineer.Values.SelectMany(b => b);

    public IReadOnlyList<Booking> Of(string engineerId) => _byEngineer.GetValueOrDefault(engineerId) ?? [];

    public Schedule With(Booking booking) =>
        new(_byEngineer.SetItem(booking.EngineerId, (_byEngineer.GetValueOrDefault(booking.EngineerId) ?? []).Add(booking)));

    public Schedule Without(Guid visitId)
    {
        foreach (var (engineerId, bookings) in _byEngineer)
        {
            var index = bookings.FindIndex(b => b.VisitId == visitId);
            if (index >= 0)
            {
                var rest = bookings.RemoveAt(index);
                return new(rest.IsEmpty ? _byEngineer.Remove(engineerId) : _byEngineer.SetItem(engineerId, rest));
            }
        }

        return this;
    }
}
