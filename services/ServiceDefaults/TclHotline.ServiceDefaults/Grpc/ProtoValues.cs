using Google.Protobuf.WellKnownTypes;

namespace TclHotline.ServiceDefaults.Grpc;

/// <summary>
/// Instants between the domain and the contracts: a proto message field left unset is null, never the epoch.
/// Used as <c>using static</c>: an argument may be nullable or not.
/// (Ids are read with the field checks of <see cref="Validation.FieldErrors"/>, so a bad one is named.)
/// </summary>
public static class ProtoValues
{
    public static Timestamp? ToTimestamp(DateTimeOffset? instant) =>
        instant is { } at ? Timestamp.FromDateTimeOffset(at) : null;

    public static DateTimeOffset? ToInstant(Timestamp? timestamp) => timestamp?.ToDateTimeOffset();
}
