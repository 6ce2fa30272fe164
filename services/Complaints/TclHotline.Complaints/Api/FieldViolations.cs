using Google.Protobuf.Reflection;

namespace TclHotline.Complaints.Api;

/// <summary>Collects a request's bad fields, naming each by the .proto field name its number has.</summary>
internal sealed class FieldViolations(MessageDescriptor message)
{
    private readonly List<FieldViolation> found = [];

    public IReadOnlyList<FieldViolation> Found => found;

    public void Add(int field, string description) => found.Add(new FieldViolation(message.FindFieldByNumber(field).Name, description));

    public void Require(int field, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required");
        }
    }

    public void RequireId(int field, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required");
        }
        else if (!Guid.TryParse(value, out _))
        {
            Add(field, "is not an id");
        }
    }

    /// <summary>Empty is allowed; anything else must be an id.</summary>
    public void OptionalId(int field, string value)
    {
        if (!string.IsNullOrEmpty(value) && !Guid.TryParse(value, out _))
        {
            Add(field, "is not an id");
        }
    }

    /// <summary>Longer than the column that stores it (SQL Server would refuse it, or worse): refused here, by name.</summary>
    public void MaxLength(int field, string value, int max)
    {
        if (value.Length > max)
        {
            Add(field, $"is longer than {max} characters");
        }
    }
}
