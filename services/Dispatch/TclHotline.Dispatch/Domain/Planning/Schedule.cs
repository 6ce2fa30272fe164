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
        var byEngineer = new Dictionary<string, ImmutableArray<Booking>.Builder>(StringComparer.Ordinal);
        foreach (var booking in bookings)
        {
            if (!byEngineer.TryGetValue(booking.EngineerId, out var theirs))
            {
                byEngineer.Add(booking.EngineerId, theirs = ImmutableArray.CreateBuilder<Booking>());
            }

            theirs.Add(booking);
        }

        var builder = NoBookings.ToBuilder();
        foreach (var (engineerId, theirs) in byEngineer)
        {
            builder.Add(engineerId, new EngineerBookings(theirs.DrainToImmutable()));
        }

        return new(builder.ToImmutable());
    }

    /// <summary>Every booking, engineer by engineer.</summary>
    public IEnumerable<Booking> Bookings => _byEngineer.Values.SelectMany(b => b.All);

    public IReadOnlyList<Booking> Of(string engineerId) => BookedFor(engineerId).All;

    /// <summary>The bookings of <paramref name="engineerId"/>, with what has been worked out from them so far.</summary>
    public EngineerBookings BookedFor(string engineerId) => _byEngineer.GetValueOrDefault(engineerId) ?? EngineerBookings.None;

    public Schedule With(Booking booking) =>
        new(_byEngineer.SetItem(booking.EngineerId, new EngineerBookings(BookedFor(booking.EngineerId).All.Add(booking))));

    public Schedule Without(Guid visitId)
    {
        foreach (var (engineerId, bookings) in _byEngineer)
        {
            for (var index = 0; index < bookings.All.Length; index++)
            {
                if (bookings.All[index].VisitId == visitId)
                {
                    var rest = bookings.All.RemoveAt(index);
                    return new(rest.IsEmpty ? _byEngineer.Remove(engineerId) : _byEngineer.SetItem(engineerId, new EngineerBookings(rest)));
                }
            }
        }

        return this;
    }
}
