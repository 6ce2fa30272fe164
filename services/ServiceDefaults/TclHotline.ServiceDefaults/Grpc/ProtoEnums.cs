namespace TclHotline.ServiceDefaults.Grpc;

/// <summary>
/// Proto enums and the domain's carry the same names (ProtoEnumParityTests in the foundation tests list every
/// pair and keep them so), so a value crosses between them by its name, whatever number either side gives it.
/// </summary>
public static class ProtoEnums
{
    /// <summary>The value of <typeparamref name="TTo"/> with this value's name; a name it lacks is a programming error.</summary>
    public static TTo ByName<TTo>(this Enum value) where TTo : struct, Enum => Enum.Parse<TTo>(value.ToString());

    /// <summary>The value of <typeparamref name="TTo"/> with this value's name, or null for UNSPECIFIED or a number the sender's enum does not know.</summary>
    public static TTo? ByNameOrNull<TTo>(this Enum value) where TTo : struct, Enum =>
        Enum.IsDefined(value.GetType(), value) && Enum.TryParse<TTo>(value.ToString(), out var mapped)
            ? mapped
            : null;
}
