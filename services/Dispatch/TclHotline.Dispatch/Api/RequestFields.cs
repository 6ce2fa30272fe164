using Google.Protobuf.WellKnownTypes;
using TclHotline.ServiceDefaults.Validation;

namespace TclHotline.Dispatch.Api;

/// <summary>Reading request fields, each bad one named in the refusal.</summary>
internal static class RequestFields
{
    public static Guid Id(this FieldErrors errors, string field, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "is required");
        }
        else if (!Guid.TryParse(value, out var id))
        {
            errors.Add(field, "is not an id");
        }
        else
        {
            return id;
        }

        return Guid.Empty;
    }

    public static DateTimeOffset? Instant(Timestamp? timestamp) => timestamp?.ToDateTimeOffset();

    public static DateTimeOffset RequiredInstant(this FieldErrors errors, string field, Timestamp? timestamp)
    {
        if (timestamp is null)
        {
            errors.Add(field, "is required");
            return default;
        }

        return timestamp.ToDateTimeOffset();
    }
}
